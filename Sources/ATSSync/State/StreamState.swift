public import Foundation

/// What the sync engine remembers of one stream between runs, stored with the stream's rows.
///
/// It changes only through its `mutating` transitions, each of which the store writes in the
/// same transaction as the page of rows that caused it; a run killed at any moment therefore
/// resumes from a state that matches the rows exactly.
public struct StreamState: Hashable, Codable, Sendable {
    /// The stream.
    public var stream: SyncStreamName
    /// The upper bound of the last completed window: every change up to it is in the mirror.
    public private(set) var completedThrough: Date?
    /// The upper bound of the last complete full scan, which is when deletions were last reconciled.
    public private(set) var lastFullScanThrough: Date?
    /// The run in progress, if a run stopped before its window completed.
    public private(set) var checkpoint: RunCheckpoint?

    /// The state of a stream that has never been synced.
    public init(stream: SyncStreamName) {
        self.stream = stream
    }

    /// Restores a stored state.
    public init(
        stream: SyncStreamName,
        completedThrough: Date?,
        lastFullScanThrough: Date?,
        checkpoint: RunCheckpoint?
    ) {
        self.stream = stream
        self.completedThrough = completedThrough
        self.lastFullScanThrough = lastFullScanThrough
        self.checkpoint = checkpoint
    }

    /// Starts reading a window from its first page.
    /// - Parameters:
    ///   - window: The window to read.
    ///   - scanID: A fresh identifier that rows seen in this run are stamped with (for deletions).
    ///   - startedAt: When the run started.
    public mutating func begin(_ window: SyncWindow, scanID: String, startedAt: Date) {
        checkpoint = RunCheckpoint(window: window, scanID: scanID, nextPage: 1, startedAt: startedAt)
    }

    /// Records that a page was stored, so that a resumed run continues after it.
    /// - Parameters:
    ///   - page: The page number just stored.
    ///   - records: How many records it held.
    public mutating func pageStored(_ page: Int, records: Int) {
        guard var run = checkpoint else { return }
        run.nextPage = max(run.nextPage, page + 1)
        run.pagesStored += 1
        run.recordsStored += records
        checkpoint = run
    }

    /// Starts the current window over from its first page, keeping its bounds and scan id.
    ///
    /// Used when the provider's paging shifted under the reader (records were deleted while it
    /// paged by offset), so that a record pushed back onto an already-read page is not missed.
    public mutating func restartWindow() {
        guard var run = checkpoint else { return }
        run.nextPage = 1
        run.restarts += 1
        run.expectedTotal = nil
        checkpoint = run
    }

    /// Gives up the current window without advancing progress, so the next run reads it again.
    ///
    /// Used when paging kept shifting and the window may have missed a record: its rows stay stored,
    /// but neither ``completedThrough`` nor the deletion reconciliation trusts it.
    public mutating func abandonWindow() {
        checkpoint = nil
    }

    /// Records the total the provider reported on the first page of the window, once.
    public mutating func noteExpectedTotal(_ total: Int) {
        guard var run = checkpoint, run.expectedTotal == nil else { return }
        run.expectedTotal = total
        checkpoint = run
    }

    /// Completes the running window, but records it as complete only up to `bound` when that is
    /// earlier than the window's end: the next incremental window then starts early enough to see
    /// what the provider stamped after `bound` (used when the local clock runs ahead of the provider's).
    /// - Parameter bound: The latest instant the window may count as read.
    public mutating func completeWindow(endingNoLaterThan bound: Date) {
        guard var run = checkpoint else { return }
        if bound < run.window.upper {
            run.window.upper = bound
            // An earlier run with the same clock lead may have recorded a later bound; pull it back too.
            if let completed = completedThrough, completed > bound { completedThrough = bound }
            if let full = lastFullScanThrough, full > bound, run.window.isFullScan { lastFullScanThrough = bound }
            checkpoint = run
        }
        completeWindow()
    }

    /// Marks the current window complete: progress advances to its upper bound, never backwards.
    public mutating func completeWindow() {
        guard let run = checkpoint else { return }
        completedThrough = max(completedThrough ?? run.window.upper, run.window.upper)
        if run.window.isFullScan {
            lastFullScanThrough = max(lastFullScanThrough ?? run.window.upper, run.window.upper)
        }
        checkpoint = nil
    }
}

/// Where an unfinished run of one stream stands.
public struct RunCheckpoint: Hashable, Codable, Sendable {
    /// The window being read.
    public var window: SyncWindow
    /// The identifier rows seen in this run are stamped with.
    public var scanID: String
    /// The next page to read.
    public var nextPage: Int
    /// When the run started.
    public var startedAt: Date
    /// Pages stored so far.
    public var pagesStored = 0
    /// Records stored so far.
    public var recordsStored = 0
    /// How often the window was started over because paging shifted.
    public var restarts = 0
    /// The total count the provider reported when the window's first page was read; a later page
    /// reporting fewer means records disappeared under the offset pages.
    public var expectedTotal: Int?

    /// Creates a checkpoint.
    public init(window: SyncWindow, scanID: String, nextPage: Int, startedAt: Date) {
        self.window = window
        self.scanID = scanID
        self.nextPage = nextPage
        self.startedAt = startedAt
    }
}

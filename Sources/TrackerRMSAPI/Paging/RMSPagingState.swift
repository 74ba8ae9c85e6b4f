/// The paging state machine of one `getRecords` scan, without I/O.
///
/// The server's first `pagenum` is 0 or 1 and a short page does not prove the end (a server may
/// cap `numrecords`), so the machine:
/// - in ``TrackerRMSClient/PageBase/detect`` mode asks page 0, then page 1; page 1 holding exactly
///   page 0's ids means a 1-based server that read 0 as 1; page 0 empty (or refused with status
///   99) while page 1 has records means a 1-based server; otherwise the server is 0-based. Either
///   way the next page is 2.
/// - ends at an empty page, or at a page made only of ids already seen (a server that repeats
///   its last page), never on a short page or on `count`.
struct RMSPagingState: Sendable {
    enum Step: Equatable, Sendable {
        /// Ask for this `pagenum`.
        case request(page: Int, isProbe: Bool)
        /// The scan is complete.
        case finished
    }

    private enum Phase: Sendable {
        case first
        case second(firstIDs: Set<String>, firstWasEmpty: Bool)
        case steady
        case done
    }

    private var phase: Phase
    private(set) var nextPage: Int
    private(set) var detectedBase: Int?
    private(set) var sawRepeatedPage = false
    private(set) var seen: Set<String> = []

    init(base: TrackerRMSClient.PageBase) {
        switch base {
        case .detect:
            phase = .first
            nextPage = 0
        case .zero:
            phase = .steady
            nextPage = 0
            detectedBase = 0
        case .one:
            phase = .steady
            nextPage = 1
            detectedBase = 1
        }
    }

    /// The next request.
    var step: Step {
        switch phase {
        case .first: return .request(page: 0, isProbe: true)
        case .second: return .request(page: 1, isProbe: false)
        case .steady: return .request(page: nextPage, isProbe: false)
        case .done: return .finished
        }
    }

    /// Takes a page's ids (`nil` when a probe was refused with status 99) and returns the ids to
    /// hand on, in order, without repeats.
    mutating func receive(ids: [String]?) -> [String] {
        let pageIDs = ids ?? []
        switch phase {
        case .first:
            phase = .second(firstIDs: Set(pageIDs), firstWasEmpty: pageIDs.isEmpty)
            nextPage = 1
            return fresh(pageIDs)
        case .second(let firstIDs, let firstWasEmpty):
            nextPage = 2
            if pageIDs.isEmpty {
                if !firstWasEmpty { detectedBase = 0 }
                phase = .done
                return []
            }
            if firstWasEmpty {
                detectedBase = 1
            } else if Set(pageIDs) == firstIDs {
                detectedBase = 1
                phase = .steady
                return []
            } else {
                detectedBase = 0
            }
            phase = .steady
            return fresh(pageIDs)
        case .steady:
            nextPage += 1
            if pageIDs.isEmpty {
                phase = .done
                return []
            }
            let new = fresh(pageIDs)
            if new.isEmpty {
                sawRepeatedPage = true
                phase = .done
            }
            return new
        case .done:
            return []
        }
    }

    private mutating func fresh(_ ids: [String]) -> [String] {
        ids.filter { seen.insert($0).inserted }
    }
}

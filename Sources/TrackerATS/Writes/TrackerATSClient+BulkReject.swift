public import ATSCore

extension TrackerATSClient {
    /// Rejects many applications: bounded concurrency under the client's rate limit, one outcome
    /// per application, partial failure never aborting the rest, and, with a journal, a run that
    /// can be killed at any point and started again without acting twice (see
    /// `BulkRejectionRequest.journal` and `FileBulkRejectionJournal`).
    ///
    /// Each application costs one request to reject (two when archiving, one more for a reason
    /// note, written only once the application shows the rejection); its state is read in pages of 5,000 before and after, so the run takes about
    /// `count ÷ rate` at the rate limit. The run always confirms by reading back, waiting at most
    /// the options' wait timeout; an application not confirmed by then is reported as failed
    /// with what to do, and stays "possibly sent" in the journal.
    /// - Parameter request: The applications, options, concurrency, journal and progress.
    /// - Returns: One outcome per distinct application, in request order.
    /// - Throws: `ATSError` for a rejection status that cannot be settled (see
    ///   ``resolvedRejectionStatus(for:)``; nothing is sent) or a journal that cannot be read or
    ///   written (the run stops before acting further), `CancellationError`.
    public func bulkReject(_ request: BulkRejectionRequest) async throws -> BulkRejectionReport {
        let status = try await rejectionStatus(.bulkRejectApplications)
        var run = BulkRejectionRun(client: self, request: request, status: status)
        let report = try await run.run()
        await apply(.status(status))
        return report
    }
}

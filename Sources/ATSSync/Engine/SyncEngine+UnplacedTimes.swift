extension SyncEngine {
    /// Rows stored without an update time (their instants could not be placed then) derived again
    /// from their stored JSON, now that the source can place them; nothing is downloaded again.
    /// Runs after the window completed, so that its scan id and deletion marks are settled, and
    /// before the streams built from this one start, so that they are rebuilt from the new values.
    func rederiveUnplacedTimes(of stream: SyncStreamName, state: StreamState, run: inout StreamRun)
        async throws
    {
        let derivations = source.derivations(fedBy: stream)
        let scanID = makeScanID()
        var after: String?
        var rederived = 0
        while true {
            try Task.checkCancellation()
            let rows = try await store.liveRowsWithoutUpdateTime(
                of: stream, account: source.account, after: after, limit: derivationBatchSize)
            guard let last = rows.last else { break }
            after = last.id
            let records = rows.compactMap { source.rederivedRecord(from: $0, of: stream) }.filter {
                $0.updatedAt != nil
            }
            guard !records.isEmpty else { continue }
            let outcome = try await store.commit(
                records, stream: stream, account: source.account, scanID: scanID, seenAt: now(), state: state,
                derivations: derivations)
            rederived += outcome.changed
        }
        if rederived > 0 {
            run.note([
                "Placed the times of \(rederived) stored record\(rederived == 1 ? "" : "s") in the account's time zone, "
                    + "from the JSON stored with them (nothing was downloaded again)."
            ])
        }
    }
}

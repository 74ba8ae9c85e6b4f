import ATSSync
import ATSSyncPostgres
import Foundation
import Logging
import TrackerAPI

/// One pass over a fleet's accounts: each one this process can lock is synced, the others are
/// left to the process that holds them.
struct FleetRun: Sendable {
    let fleet: FleetFile
    let environment: [String: String]
    let candidateIDSecret: [UInt8]?
    let store: any SyncStore
    let lock: SyncDatabase.AccountLock
    let streams: [SyncStreamName]
    let tuning: SyncTuning
    let quiet: Bool
    let json: Bool
    let target: SyncDatabase
    let printer: SyncReportPrinter
    let logger: Logger

    /// Syncs every account this process can lock, starting at a random one so that workers started
    /// together spread out; one account's failure does not stop the others. An account another
    /// worker synced since this pass began is skipped (on PostgreSQL, for incremental passes), so
    /// that each account is synced once per round rather than once by every worker in turn.
    /// - Throws: ``CommandFailure`` after the pass when any account failed.
    func pass(full: Bool) async throws {
        let shared = store as? PostgresSyncStore
        let roundStart = full ? nil : try await shared?.serverTime()
        let start = Int.random(in: 0..<fleet.accounts.count)
        let order = fleet.accounts[start...] + fleet.accounts[..<start]
        var failed: [String] = []
        for account in order {
            try Task.checkCancellation()
            do {
                var connection = try FleetFile.connection(
                    for: account, environment: environment, candidateIDSecret: candidateIDSecret)
                tuning.apply(to: &connection.configuration)
                let runner = SyncRunner(
                    connection: connection, store: store, account: account.name, streams: streams,
                    progress: quiet ? nil : SyncProgressDisplay(), logger: logger)
                let work = {
                    let report = try await runner.run(full: full)
                    if !json { printer.output.line("Account \(account.name):") }
                    try printer.print(report, json: json, database: target.description, account: account.name)
                }
                let skipped: String?
                if let shared {
                    switch try await shared.withAccountLock(account.name, unlessSyncedSince: roundStart, work) {
                    case .ran: skipped = nil
                    case .busy: skipped = "another process is syncing it"
                    case .syncedSince: skipped = "another process synced it during this pass"
                    }
                } else {
                    skipped = try await lock(account.name, work) ? nil : "another process is syncing it"
                }
                if let skipped {
                    printer.output.line(
                        json
                            ? #"{"account":"\#(account.name)","skipped":"\#(skipped)"}"#
                            : "Account \(account.name): skipped, \(skipped).")
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failed.append(account.name)
                standardError("Account \(account.name) failed: \(CommandFailure.explaining(error).message)\n")
            }
        }
        guard failed.isEmpty else {
            throw CommandFailure.failed(
                "\(failed.count) of \(fleet.accounts.count) accounts failed (\(failed.joined(separator: ", "))); the "
                    + "others were synced. Their next run resumes where this one stopped.")
        }
    }
}

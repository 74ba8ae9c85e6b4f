import ATSSync
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
    /// together spread out; one account's failure does not stop the others.
    /// - Throws: ``CommandFailure`` after the pass when any account failed.
    func pass(full: Bool) async throws {
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
                let synced = try await lock(account.name) {
                    let report = try await runner.run(full: full)
                    if !json { printer.output.line("Account \(account.name):") }
                    try printer.print(report, json: json, database: target.description, account: account.name)
                }
                if !synced {
                    printer.output.line(
                        json
                            ? #"{"account":"\#(account.name)","skipped":"another process is syncing it"}"#
                            : "Account \(account.name): skipped, another process is syncing it.")
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

import ATSTestSupport
import Foundation
import Synchronization
import Testing

/// A wait that did not end before its deadline.
struct DeadlinePassed: Error, CustomStringConvertible {
    var description: String
}

/// One `ats` process with its output kept in files, awaited with a deadline.
final class WorkerProcess: Sendable {
    let name: String
    let process: ChildProcess
    private let outputFile: URL
    private let errorFile: URL

    /// Starts `executable arguments` with `environment` added to this process's own.
    init(_ name: String, _ executable: URL, _ arguments: [String], environment: [String: String], folder: URL) throws {
        self.name = name
        outputFile = folder.appendingPathComponent("\(name).out")
        errorFile = folder.appendingPathComponent("\(name).err")
        for file in [outputFile, errorFile] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        process = try ChildProcess(
            executable, arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
            standardOutput: try FileHandle(forWritingTo: outputFile),
            standardError: try FileHandle(forWritingTo: errorFile))
    }

    var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Waits for the process to end and returns its status; after `deadline` kills it and throws
    /// ``DeadlinePassed`` with its standard error.
    func exit(within deadline: Duration) async throws -> Int32 {
        do {
            return try await process.exit(within: deadline)
        } catch is DeadlineExceeded {
            throw DeadlinePassed(description: "worker \(name) did not finish within \(deadline); its errors: \(errors)")
        }
    }

    /// SIGKILLs the process, if it still runs, and waits (a minute at most) for it to be gone.
    func killNow() async {
        process.send(SIGKILL)
        _ = try? await process.exit(within: .seconds(60))
    }
}

/// Queries the test's PostgreSQL server with `psql` (unaligned, tuples only), each with a deadline.
struct FleetDatabase: Sendable {
    let url: String
    static let psql = "/usr/bin/psql"

    /// The rows of the last statement of `sql`, each as its columns joined by `|`.
    func rows(_ sql: String, deadline: Duration = .seconds(60)) async throws -> [String] {
        let folder = FileManager.default.temporaryDirectory
        let worker = try WorkerProcess(
            "psql-\(UUID().uuidString)", URL(fileURLWithPath: Self.psql),
            ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql], environment: [:], folder: folder)
        let status = try await worker.exit(within: deadline)
        defer {
            for suffix in [".out", ".err"] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(worker.name + suffix))
            }
        }
        guard status == 0 else {
            throw DeadlinePassed(description: "psql failed (\(status)) on \(sql): \(worker.errors)")
        }
        return worker.output.split(separator: "\n").map(String.init)
    }

    /// One integer answer.
    func count(_ sql: String) async throws -> Int {
        let answer = try await rows(sql)
        guard let first = answer.first, let value = Int(first) else {
            throw DeadlinePassed(description: "no number from \(sql): \(answer)")
        }
        return value
    }

    /// Re-checks `condition` until it holds; throws ``DeadlinePassed`` naming `what` after `deadline`.
    /// Only for states another process reaches (a lock taken), which nothing can notify the test of.
    func waitUntil(_ what: String, deadline: Duration = .seconds(60), _ condition: () async throws -> Bool)
        async throws
    {
        let end = ContinuousClock.now.advanced(by: deadline)
        while try await !condition() {
            guard ContinuousClock.now < end else {
                throw DeadlinePassed(description: "waited \(deadline) for \(what)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The SQL that selects the lock of `account` if it is held right now, with its holder's backend id.
    static func heldLocks(account: String) -> String {
        heldLocks(prefix: account).replacingOccurrences(of: "LIKE '\(account)%'", with: "= '\(account)'")
    }

    /// The SQL that selects the account locks held right now, with their holders' backend ids, of
    /// accounts whose names start with `prefix`.
    static func heldLocks(prefix: String) -> String {
        """
        SELECT a.account, l.pid FROM pg_locks l JOIN account_locks a
          ON l.locktype = 'advisory' AND l.classid::bigint = \(0x4154_5301) AND l.objid::bigint = a.key
         AND l.objsubid = 2 AND l.granted
        WHERE a.account LIKE '\(prefix)%' ORDER BY a.account
        """
    }

    /// Waits until nobody holds the account's lock, by taking it (PostgreSQL's lock wait, bounded by
    /// `lock_timeout`), and does what a new holder does first: waits for the writes of the last
    /// holder that are already past their lock check. Releases it again.
    func takeOverLock(of account: String) async throws {
        _ = try await rows(
            """
            SET lock_timeout = '60s';
            SELECT pg_advisory_lock(\(0x4154_5301), key) FROM account_locks WHERE account = '\(account)';
            UPDATE account_locks SET locked_at = now() WHERE account = '\(account)';
            SELECT pg_advisory_unlock(\(0x4154_5301), key) FROM account_locks WHERE account = '\(account)';
            """, deadline: .seconds(90))
    }
}

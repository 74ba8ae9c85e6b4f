import ATSSync
import ATSSyncSQLite
import ATSTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

/// The SQLite mirror's file: never written unless it is a mirror, created private, locked by one
/// writer at a time with a lock a finished holder does not leave behind.
@Suite struct SQLiteMirrorFileTests {
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    /// Another program's database: a table of contacts, closed, in rollback or WAL journal mode.
    func makeOtherDatabase(at path: String, wal: Bool) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            if wal { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.execute(sql: "CREATE TABLE contacts (name TEXT, email TEXT)")
            try db.execute(sql: "INSERT INTO contacts VALUES ('Ada Byron', 'ada@example.com')")
        }
        try queue.close()
    }

    @Test(arguments: [false, true]) func aDatabaseThatIsNotAMirrorIsRefusedAndLeftByteIdentical(wal: Bool) throws {
        let folder = try ScratchFolder.make(prefix: "ats-mirror")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("contacts.sqlite").path
        try makeOtherDatabase(at: path, wal: wal)
        let before = try ScratchFolder.snapshot(folder)
        #expect(try SQLiteMirrorFile.contents(at: path) == .otherDatabase(tables: ["contacts"]))
        #expect {
            _ = try SQLiteSyncStore(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains(path) && text.contains("not an ATSKit mirror") && text.contains("left untouched")
        }
        #expect(
            try ScratchFolder.snapshot(folder) == before, "no byte changed and no file added (no grdb_migrations table)"
        )
    }

    @Test func aNewMirrorAndItsJournalFilesAreReadableByTheirOwnerOnly() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-mirror")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        let store = try SQLiteSyncStore(path: path)
        #expect(store.createdFile)
        try await store.prepare()
        // While the pool is open, SQLite's write-ahead log and shared-memory files exist too.
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        try store.close()
        let again = try SQLiteSyncStore(path: path)
        #expect(!again.createdFile, "an existing mirror is opened, not created")
    }

    @Test func mirrorsAreToldApartFromDemosAndEmptyFiles() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-mirror")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        #expect(try SQLiteMirrorFile.contents(at: path) == .nothing)
        FileManager.default.createFile(atPath: path, contents: nil)
        #expect(try SQLiteMirrorFile.contents(at: path) == .emptyDatabase)
        try FileManager.default.removeItem(atPath: path)

        let store = try SQLiteSyncStore(path: path)
        try await store.prepare()
        try store.close()
        #expect(try SQLiteMirrorFile.contents(at: path) == .mirror(isDemo: false))

        // A mirror made before the metadata table existed is a mirror, and not a demo.
        let old = try DatabaseQueue(path: path)
        try await old.write { db in
            try db.execute(sql: "DROP TABLE mirror_metadata")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-mirror-metadata'")
        }
        try old.close()
        #expect(try SQLiteMirrorFile.contents(at: path) == .mirror(isDemo: false))
        let upgraded = try SQLiteSyncStore(path: path)
        try await upgraded.prepare()
        try await upgraded.markAsDemo()
        try upgraded.close()
        #expect(try SQLiteMirrorFile.contents(at: path) == .mirror(isDemo: true))
    }

    @Test func aSecondHolderIsRefusedWithTheFirstOnesPidAndTheLockFileGoesWithTheLastHolder() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-mirror")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        let lockFile = SQLiteMirrorLock.lockPath(forMirror: path)
        let started = Date().addingTimeInterval(-1)
        try await SQLiteMirrorLock.withLock(mirror: path) { () async throws in
            #expect(try mode(lockFile) == 0o600)
            // flock locks belong to an open file, so a second open in this process is a second holder.
            await #expect {
                try await SQLiteMirrorLock.withLock(mirror: path) {}
            } throws: { error in
                guard let busy = error as? SQLiteMirrorLock.Busy, let holder = busy.holder else { return false }
                return holder.processID == getpid() && holder.since >= started && busy.path == path
                    && busy.description.hasPrefix("another sync is running (pid \(getpid()), since ")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: lockFile), "no lock file is left behind")
        // And the mirror can be locked again at once.
        try await SQLiteMirrorLock.withLock(mirror: path) {}
    }

    /// What happened, in order, across tasks.
    final class Events: Sendable {
        private let list = Mutex<[String]>([])
        func note(_ event: String) { list.withLock { $0.append(event) } }
        var all: [String] { list.withLock { $0 } }
    }

    @Test(.timeLimit(.minutes(1))) func aWaiterTakesTheLockWhenTheHolderLetsGo() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-mirror")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        let (held, toldHeld) = AsyncStream<Void>.makeStream()
        let (waiting, toldWaiting) = AsyncStream<Void>.makeStream()
        let (release, releaseNow) = AsyncStream<Void>.makeStream()
        let events = Events()
        let first = Task {
            try await SQLiteMirrorLock.withLock(mirror: path) {
                toldHeld.yield()
                for await _ in release { break }
                events.note("first let go")
            }
        }
        for await _ in held { break }
        let second = Task {
            try await SQLiteMirrorLock.withLock(mirror: path, waitingUpTo: nil, onWait: { _ in toldWaiting.yield() }) {
                events.note("second holds")
            }
        }
        for await _ in waiting { break }
        releaseNow.yield()
        try await first.value
        try await second.value
        #expect(events.all == ["first let go", "second holds"])
    }

    @Test func aWaitThatRunsOutIsRefusedNamingTheHolder() async throws {
        let folder = try ScratchFolder.make(prefix: "ats-mirror")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tracker.sqlite").path
        try await SQLiteMirrorLock.withLock(mirror: path) { () async throws in
            await #expect(throws: SQLiteMirrorLock.Busy.self) {
                try await SQLiteMirrorLock.withLock(mirror: path, waitingUpTo: .milliseconds(300)) {}
            }
        }
    }
}

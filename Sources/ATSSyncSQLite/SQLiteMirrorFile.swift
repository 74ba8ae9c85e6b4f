import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path holds, as far as an ATSKit mirror is concerned.
public enum SQLiteMirrorContents: Sendable, Hashable {
    /// No file: a new mirror may be created there.
    case nothing
    /// An empty file, or an SQLite database without a single table: nothing of anyone's to lose.
    case emptyDatabase
    /// An ATSKit mirror; `isDemo` when `ats demo` made it (``SQLiteSyncStore/markAsDemo()``).
    case mirror(isDemo: Bool)
    /// An SQLite database with tables of its own: someone else's, which no ATSKit command writes.
    case otherDatabase(tables: [String])
}

/// The mirror's file on disk: what it holds (read without writing a byte), creating it readable by
/// its owner only, and removing it with SQLite's side files.
public enum SQLiteMirrorFile {
    /// The side files SQLite keeps beside a database.
    public static let sideFileSuffixes = ["-wal", "-shm", "-journal"]

    /// The tables that make a database an ATSKit mirror: GRDB's migration log (with the first
    /// migration applied) and the tables that migration makes. A GRDB application's own database
    /// also has `grdb_migrations` and may call its first migration "v1", hence the other two.
    private static let mirrorTables: Set<String> = ["grdb_migrations", "sync_state", "applications"]

    /// Reads what `path` holds, without writing a byte into it or creating a file beside it.
    ///
    /// A database without a write-ahead log in use is read as immutable (SQLite's `immutable=1`):
    /// even a read-only connection to a WAL-mode database would otherwise create `-wal` and `-shm`
    /// files beside someone else's file and leave them there. When a log is in use (a process has
    /// the database open, or one was killed), the database is opened read-only the ordinary way,
    /// since part of it lives in that log.
    /// - Throws: ``SQLiteStoreError`` when the file exists but cannot be read as a database.
    public static func contents(at path: String) throws -> SQLiteMirrorContents {
        guard FileManager.default.fileExists(atPath: path) else { return .nothing }
        guard size(of: path) > 0 else { return .emptyDatabase }
        if size(of: path + "-wal") == 0, let immutable = try? classify(immutableURI(path)) {
            return immutable
        }
        do {
            return try classify(path)
        } catch {
            throw SQLiteStoreError.cannotOpen(path: path, underlying: error)
        }
    }

    private static func size(of path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// `file:` URI of a path, read as immutable.
    private static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(escaped)?immutable=1"
    }

    private static func classify(_ location: String) throws -> SQLiteMirrorContents {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "ATSKit mirror check"
        // A sync writing the file may hold SQLite's locks for a moment (a checkpoint).
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: location, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                    + "ORDER BY name")
            guard !tables.isEmpty else { return .emptyDatabase }
            guard mirrorTables.isSubset(of: tables),
                try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM grdb_migrations WHERE identifier = 'v1'") == true
            else { return .otherDatabase(tables: tables) }
            guard tables.contains(SQLiteSchema.metadataTable) else { return .mirror(isDemo: false) }
            let purpose = try String.fetchOne(
                db, sql: "SELECT value FROM \(SQLiteSchema.metadataTable) WHERE key = 'purpose'")
            return .mirror(isDemo: purpose == SQLiteSchema.demoPurpose)
        }
    }

    /// Creates an empty file at `path` readable and writable by its owner only (0600), unless a
    /// file is already there. SQLite gives its `-wal`, `-shm` and journal files the database
    /// file's permissions, so they are private too.
    /// - Returns: Whether this call created the file.
    /// - Throws: ``SQLiteStoreError`` when the file cannot be created.
    @discardableResult
    public static func createPrivately(at path: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { return false }
            throw SQLiteStoreError.cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
        close(descriptor)
        return true
    }

    /// Removes a database and its side files; what is not there is skipped.
    public static func remove(at path: String) {
        for suffix in [""] + sideFileSuffixes {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Whether people other than the file's owner may read it (its mode has a group or other read bit).
    /// - Returns: The file's permission bits when they let others read it; nil otherwise.
    public static func permissionsReadableByOthers(at path: String) -> Int? {
        guard let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int,
            mode & 0o044 != 0
        else { return nil }
        return mode & 0o777
    }
}

import ATSSyncSQLite
import Foundation

/// Checks a SQLite mirror's path before SQLite touches it, so that a file that must not be written
/// is left exactly as it was and the person is told why.
///
/// SQLite itself would write into a file marked read-only when the process runs as root, create
/// `-wal` and `-shm` files beside a file that is not a database, and open a truncated mirror until
/// a page it needs is missing. A person who points `--database` at the wrong file deserves a
/// refusal, not a changed file.
enum SQLiteFileCheck {
    /// SQLite's file header: the first 16 bytes of every database.
    private static let magic = Array("SQLite format 3\u{0}".utf8)

    /// Throws ``CommandFailure`` when `path` cannot safely hold a mirror: it cannot be written, is
    /// not an SQLite file, or is damaged.
    /// - Parameter path: The database file (it need not exist yet).
    static func check(_ path: String) throws {
        try checkFile(path)
    }

    /// What the file at `path` holds; throws ``CommandFailure`` for an SQLite database that is not an
    /// ATSKit mirror. Call it holding the mirror's lock, so that no sync is halfway through creating it.
    /// - Parameter path: The database file, which ``check(_:)`` accepted.
    static func mirrorContents(_ path: String) throws -> SQLiteMirrorContents {
        let contents: SQLiteMirrorContents
        do {
            contents = try SQLiteMirrorFile.contents(at: path)
        } catch {
            throw CommandFailure.failed(
                "\(path) cannot be read as an SQLite database (\(error)). It was left untouched; give a new file "
                    + "or an existing ATSKit mirror as --database.")
        }
        if case .otherDatabase(let tables) = contents {
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            throw CommandFailure.failed(
                "\(path) is an SQLite database that is not an ATSKit mirror (its tables: \(shown)). It was left "
                    + "untouched; give a new file (such as tracker.sqlite) or an existing ATSKit mirror as --database.")
        }
        return contents
    }

    private static func checkFile(_ path: String) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        let exists = files.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue {
            throw CommandFailure.usage(
                "--database \(path) is a folder; give a file in it, such as \(path)/tracker.sqlite.")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard files.fileExists(atPath: folder) else {
            throw CommandFailure.failed("Cannot create \(path): the folder \(folder) does not exist.")
        }
        guard isWritable(folder) else {
            throw CommandFailure.failed(
                "Cannot use \(path): its folder \(folder) is read-only, and SQLite needs to create its journal "
                    + "files (-wal, -shm) there. Make the folder writable or choose another --database. "
                    + "Nothing was written.")
        }
        guard exists else { return }
        guard isWritable(path) else {
            throw CommandFailure.failed(
                "Cannot use \(path): the file is read-only. Make it writable (chmod u+w) or choose another "
                    + "--database. Nothing was written.")
        }
        try checkHeader(path)
    }

    /// Writable by this process, and not marked read-only for everyone (root may write anyway;
    /// a file with no write permission at all was protected on purpose).
    private static func isWritable(_ path: String) -> Bool {
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o200
        return FileManager.default.isWritableFile(atPath: path) && mode & 0o222 != 0
    }

    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure.failed("Cannot read \(path). Check its permissions. Nothing was written.")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        let size = (try? handle.seekToEnd()).map(Int.init) ?? header.count
        // An empty file is a new database to SQLite.
        guard !header.isEmpty else { return }
        guard header.count == 100, Array(header.prefix(16)) == magic else {
            throw CommandFailure.failed(
                "\(path) is not an SQLite database (it does not begin with SQLite's header). It was left "
                    + "untouched; give a new file or an existing ATSKit mirror as --database.")
        }
        // Bytes 16-17: the page size (1 means 65536); 28-31: the pages in the file, valid when
        // bytes 92-95 equal the change counter at 24-27. A live -wal file may hold pages the main
        // file does not have yet, so the check is skipped then.
        let pageSize = Int(header[16]) << 8 | Int(header[17])
        let pageCount = bigEndian(header, at: 28)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let expected = (pageSize == 1 ? 65_536 : pageSize) * pageCount
        if bigEndian(header, at: 92) == bigEndian(header, at: 24), pageCount > 0, wal == 0, size < expected {
            throw CommandFailure.failed(
                "\(path) is truncated: SQLite's header says \(expected) bytes but the file holds \(size). It was "
                    + "left untouched; restore it from a backup, or give a new file as --database (a new mirror "
                    + "is filled by a full sync).")
        }
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
}

public import Foundation

/// A fresh folder a test writes into, and a way to prove later that nothing in it changed.
public enum ScratchFolder {
    /// Creates an empty folder under the temporary directory, named `prefix` and a unique suffix so
    /// that tests running at the same time never share one.
    public static func make(prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Every file in `folder` with its bytes, by name: two equal snapshots mean no byte changed and
    /// no file was added or removed.
    public static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}

extension SandboxControl {
    /// Stores a file under a name exactly as given, as a hostile or broken server might send it:
    /// with `/` or `\`, `..`, control characters, or far more than 255 bytes, all of which
    /// `POST /files` refuses. It then appears in `GET /files` and downloads like any other file, so
    /// tests can check that a client never lets a server's file name choose where a download goes.
    /// (The listing's `filename` carries the name unchanged; the download's `Content-Disposition`
    /// carries it without quotes, with bytes HTTP forbids turned into spaces.)
    /// - Parameters:
    ///   - applicationID: the application the file belongs to.
    ///   - filename: the name, unchecked.
    ///   - content: the bytes.
    /// - Returns: the file, or nil when there is no such application.
    @discardableResult
    public func storeFileWithUncheckedName(applicationID: Int, filename: String, content: [UInt8]) -> SandboxFile? {
        (try? store.mutate { state in
            state.createFile(
                applicationID: applicationID, filename: filename, kind: "attachment",
                contentType: "application/octet-stream", content: content)
        }) ?? nil
    }
}

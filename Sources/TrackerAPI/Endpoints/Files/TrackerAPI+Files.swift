public import Foundation
public import Logging

extension TrackerAPI {
    /// The file endpoints.
    public var files: Files { Files(api: self) }

    /// The file endpoints: list, streaming download, upload and delete.
    public struct Files: Sendable {
        let api: TrackerAPI

        /// The most records per page `/files` serves.
        public static let maximumPageSize = 1000

        /// Pages of files (`GET /files`, at most 1000 per page).
        /// - Parameters:
        ///   - request: Filter and paging.
        ///   - logger: A logger for this call.
        /// - Returns: A lazy page sequence.
        public func pages(_ request: TrackerFileListRequest = .init(), logger: Logger? = nil) -> TrackerPageSequence<
            TrackerFile
        > {
            var endpoint = TrackerEndpoint(.get, "/files")
            if let applicationID = request.applicationID { endpoint.query.append(("app_id", applicationID.rawValue)) }
            return api.pagedList(
                endpoint,
                firstPage: request.firstPage,
                pageSize: request.pageSize,
                updatedAfter: request.updatedAfter,
                logger: logger,
                maximumPageSize: Self.maximumPageSize
            )
        }

        /// The files themselves, flattened from ``pages(_:logger:)``.
        /// - Parameters:
        ///   - request: Filter and paging.
        ///   - logger: A logger for this call.
        /// - Returns: A lazy record sequence.
        public func list(_ request: TrackerFileListRequest = .init(), logger: Logger? = nil) -> TrackerRecordSequence<
            TrackerFile
        > {
            pages(request, logger: logger).records
        }

        /// Downloads a file's bytes (`GET /files/{id}/download`) as a stream.
        ///
        /// Connecting is retried like any GET; once the body streams, a broken connection
        /// surfaces as an error from the body's iterator (a stream is never retried).
        /// - Parameters:
        ///   - id: The file's id.
        ///   - logger: A logger for this call.
        /// - Returns: The content type, length and body stream.
        /// - Throws: ``TrackerAPIError``.
        public func download(_ id: TrackerFileID, logger: Logger? = nil) async throws -> TrackerFileDownload {
            let endpoint = TrackerEndpoint(
                .get,
                "/files/{id}/download",
                path: "/files/" + TrackerEndpoint.segment(id.rawValue) + "/download"
            )
            let response = try await api.performStreaming(endpoint, logger: logger)
            return TrackerFileDownload(
                contentType: response.headers["Content-Type"],
                contentLength: response.headers["Content-Length"].flatMap { Int($0) },
                body: response.body
            )
        }

        /// Uploads a file (`POST /files`, the bytes base64 inside a JSON body).
        ///
        /// Bytes in memory (``TrackerFileUploadRequest/Content-swift.struct/data(_:)``) are sent as
        /// one JSON document built in memory. A file or a chunk sequence is streamed: the body is
        /// produced while it is sent (a JSON prefix, the bytes base64-encoded chunk by chunk, the
        /// closing members), with a `Content-Length` computed from the size, so memory stays at a
        /// few chunks whatever the file's size.
        ///
        /// Never repeated once it may have arrived: an answer lost after sending is
        /// ``TrackerAPIError/Code-swift.struct/outcomeUnknown``. A streamed upload is sent again only
        /// when none of its bytes went out (the connection was never made): after that, no failure
        /// is retried, 429 included, because a stream cannot be replayed. A streamed upload cut off
        /// before its body was read to the end (the connection closed, or the server answered 5xx
        /// first) is ``TrackerAPIError/Code-swift.struct/requestInterrupted``: the server cannot
        /// have stored it, and sending it again makes no duplicate.
        /// - Parameters:
        ///   - request: The file.
        ///   - logger: A logger for this call.
        /// - Returns: The created file record.
        /// - Throws: ``TrackerAPIError``; ``TrackerAPIError/Code-swift.struct/outcomeUnknown`` when the
        ///   answer was lost; ``TrackerAPIError/Code-swift.struct/requestInterrupted`` when the upload
        ///   was cut off part-way; ``TrackerAPIError/Code-swift.struct/requestBodyFailed`` when the file
        ///   could not be read or changed size while it was sent (the body was left unfinished, so
        ///   nothing was stored).
        public func upload(_ request: TrackerFileUploadRequest, logger: Logger? = nil) async throws -> TrackerFile {
            let endpoint = TrackerEndpoint(.post, "/files")
            let envelope = TrackerFileUploadBody(
                applicationID: request.applicationID, filename: request.filename, kind: request.kind)
            let body: TrackerHTTPRequestBody
            switch request.content.storage {
            case .data(let data):
                let json: TrackerJSON = [
                    "app_id": request.applicationID.jsonValue, "filename": .string(request.filename),
                    "kind": .string(request.kind.rawValue), "data": .string(data.base64EncodedString()),
                ]
                return try await api.callRecord(endpoint.with(json: json), logger: logger)
            case .file(let url):
                let size = try TrackerFileUploadBody.size(ofFile: url, endpoint: endpoint.label)
                body = .stream(length: envelope.length(fileSize: size)) {
                    envelope.chunks(from: FileChunks(url: url), size: size)
                }
            case .chunks(let source):
                body = .stream(
                    length: envelope.length(fileSize: source.size),
                    chunks: envelope.chunks(from: source.body, size: source.size))
            }
            return try await api.callRecord(endpoint.with(streamedJSON: body), logger: logger)
        }

        /// Deletes a file (`DELETE /files/{id}`). Any 2xx is success.
        /// - Parameters:
        ///   - id: The file's id.
        ///   - logger: A logger for this call.
        /// - Throws: ``TrackerAPIError``.
        public func delete(_ id: TrackerFileID, logger: Logger? = nil) async throws {
            try await api.callIgnoringBody(
                TrackerEndpoint(.delete, "/files/{id}", path: "/files/" + TrackerEndpoint.segment(id.rawValue)),
                logger: logger
            )
        }
    }
}

/// The parameters of a file list.
public struct TrackerFileListRequest: Sendable, Hashable {
    /// Only files of this application (`app_id`, not in Tracker's documentation).
    public var applicationID: TrackerApplicationID?
    /// Only files updated at or after this instant (not in Tracker's documentation).
    public var updatedAfter: Date?
    /// Records per page (capped at 1000).
    public var pageSize: Int?
    /// The page to start at (1-based).
    public var firstPage: Int

    /// Creates file list parameters.
    /// - Parameters:
    ///   - applicationID: The application.
    ///   - updatedAfter: The lower bound of `updated_at`.
    ///   - pageSize: Records per page.
    ///   - firstPage: The first page.
    public init(
        applicationID: TrackerApplicationID? = nil,
        updatedAfter: Date? = nil,
        pageSize: Int? = nil,
        firstPage: Int = 1
    ) {
        self.applicationID = applicationID
        self.updatedAfter = updatedAfter
        self.pageSize = pageSize
        self.firstPage = firstPage
    }
}

/// A file download in progress.
public struct TrackerFileDownload: Sendable {
    /// The `Content-Type` header.
    public var contentType: String?
    /// The `Content-Length` header.
    public var contentLength: Int?
    /// The bytes, streaming.
    public var body: TrackerHTTPBody
}

import AsyncHTTPClient
public import Foundation
public import Logging
import NIOCore

extension WorkableAPI {
    /// Downloads from pre-signed file URLs.
    public var files: Files { Files(api: self) }

    /// File downloads.
    public struct Files: Sendable {
        let api: WorkableAPI

        /// Starts downloading a pre-signed file URL (a ``WorkableFile/url`` or a candidate's
        /// ``WorkableCandidate/resumeURL``), streamed.
        ///
        /// The request carries **no** `Authorization` header, whatever the host: pre-signed URLs
        /// carry their own signature, the storage host refuses extra headers, and the token must
        /// never reach another host. It is not paced (the file host is not the API) and is retried
        /// only until an answer's head arrives.
        /// - Parameters:
        ///   - url: The pre-signed URL.
        ///   - logger: The logger for this call.
        /// - Returns: The download; read its ``WorkableDownload/chunks``.
        /// - Throws: ``WorkableAPIError``: ``WorkableAPIError/Code-swift.struct/fileURLExpired`` (403: get a fresh
        ///   URL from the API), ``WorkableAPIError/Code-swift.struct/fileRequestRefused`` (400), or transport codes.
        public func download(from url: String, logger: Logger? = nil) async throws -> WorkableDownload {
            let logger = logger ?? api.configuration.logger
            let template = "GET {file}"
            guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
                ["http", "https"].contains(scheme), components.host != nil
            else {
                throw WorkableAPIError(
                    code: .invalidConfiguration, endpoint: template, underlying: "the file URL is not an http(s) URL")
            }
            let request = WorkableHTTPRequest(
                method: "GET", url: url, headers: [("User-Agent", api.configuration.userAgent)], body: nil)
            let policy = api.configuration.retryPolicy
            var attempt = 0
            while true {
                attempt += 1
                do {
                    let response = try await api.http.execute(
                        request, timeout: api.configuration.timeouts.request, logger: logger)
                    if (200..<300).contains(response.status) {
                        return WorkableDownload(
                            contentType: response.header("Content-Type"),
                            contentLength: response.header("Content-Length").flatMap { Int($0) },
                            chunks: WorkableDownload.Chunks(body: response.body))
                    }
                    let body = (try? await api.http.collect(response, upTo: 16 * 1024)) ?? Data()
                    var error = WorkableAPIError(
                        code: .requestRejected, endpoint: template, status: response.status,
                        bodyExcerpt: body.isEmpty ? nil : ErrorBody.excerpt(body, scrubbing: api.configuration.token))
                    switch response.status {
                    case 403: error.code = .fileURLExpired
                    case 400: error.code = .fileRequestRefused
                    case 404: error.code = .notFound
                    case 500...599:
                        error.code = .serverError
                        if attempt < policy.maximumAttempts {
                            try await api.clock.sleep(policy.backoff(after: attempt, randomUnit: .random(in: 0..<1)))
                            continue
                        }
                    default: break
                    }
                    error.attempts = attempt
                    throw error
                } catch let failure as WorkableTransportFailure {
                    guard attempt < policy.maximumAttempts else {
                        var error = WorkableAPIError(
                            code: failure.isTimeout ? .timedOut : .transportFailure, endpoint: template,
                            underlying: failure.reason)
                        error.attempts = attempt
                        throw error
                    }
                    try await api.clock.sleep(policy.backoff(after: attempt, randomUnit: .random(in: 0..<1)))
                }
            }
        }
    }
}

/// A file download under way: its head, and its body as chunks read from the network as they arrive.
public struct WorkableDownload: Sendable {
    /// The `Content-Type` header.
    public var contentType: String?
    /// The `Content-Length` header.
    public var contentLength: Int?
    /// The body, chunk by chunk (a broken connection surfaces as a ``WorkableAPIError`` while iterating).
    public var chunks: Chunks

    /// The body's chunks.
    public struct Chunks: AsyncSequence, Sendable {
        /// One chunk.
        public typealias Element = Data
        let body: HTTPClientResponse.Body

        /// Makes the iterator.
        public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: body.makeAsyncIterator()) }

        /// Reads chunks.
        public struct AsyncIterator: AsyncIteratorProtocol {
            var base: HTTPClientResponse.Body.AsyncIterator

            /// The next chunk, or `nil` at the end.
            /// - Throws: ``WorkableAPIError`` with ``WorkableAPIError/Code-swift.struct/transportFailure``.
            public mutating func next() async throws -> Data? {
                do {
                    guard let buffer = try await base.next() else { return nil }
                    return Data(buffer.readableBytesView)
                } catch {
                    throw WorkableAPIError(
                        code: .transportFailure, endpoint: "GET {file}",
                        underlying:
                            "the download broke off: \((WorkableHTTP.classify(error) as? WorkableTransportFailure)?.reason ?? "connection lost")"
                    )
                }
            }
        }
    }

    /// Reads the whole body into memory (for small files).
    /// - Parameter limit: The most bytes accepted.
    /// - Returns: The bytes.
    /// - Throws: ``WorkableAPIError`` when the body breaks off or exceeds `limit`.
    public func collect(upTo limit: Int = 64 * 1024 * 1024) async throws -> Data {
        var data = Data()
        for try await chunk in chunks {
            data.append(chunk)
            if data.count > limit {
                throw WorkableAPIError(
                    code: .malformedResponse, endpoint: "GET {file}", underlying: "larger than \(limit) bytes")
            }
        }
        return data
    }
}

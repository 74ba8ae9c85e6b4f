import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// One request as the client sends it.
struct WorkableHTTPRequest: Sendable {
    var method: String
    var url: String
    var headers: [(String, String)]
    var body: Data?
}

/// An answer's head, with its body still to read.
struct WorkableHTTPResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: HTTPClientResponse.Body

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// A failure below HTTP: `connect` means the request never reached the server.
struct WorkableTransportFailure: Error, Sendable {
    var neverSent: Bool
    var isTimeout: Bool
    var reason: String
}

/// AsyncHTTPClient with redirects off (the client decides where the token may go) and its own
/// connection retries off (the retry policy decides).
struct WorkableHTTP: Sendable {
    let client: HTTPClient

    init(timeouts: WorkableAPI.Timeouts) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .nanoseconds(Int64(timeouts.connect.seconds * 1e9)),
                read: .nanoseconds(Int64(timeouts.request.seconds * 1e9)))
        )
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func execute(_ request: WorkableHTTPRequest, timeout: Duration, logger: Logger) async throws
        -> WorkableHTTPResponse
    {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(
                outgoing, deadline: .now() + .nanoseconds(Int64(timeout.seconds * 1e9)), logger: logger)
            return WorkableHTTPResponse(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                body: response.body)
        } catch {
            throw Self.classify(error)
        }
    }

    func collect(_ response: WorkableHTTPResponse, upTo limit: Int) async throws -> Data {
        do {
            return Data(try await response.body.collect(upTo: limit).readableBytesView)
        } catch {
            throw Self.classify(error)
        }
    }

    func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sorts AsyncHTTPClient's and NIO's errors into "never reached the server" and "may have".
    static func classify(_ error: any Error) -> any Error {
        if error is CancellationError { return error }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .cancelled: return CancellationError()
            case .connectTimeout:
                return WorkableTransportFailure(
                    neverSent: true, isTimeout: true, reason: "no connection could be made in time")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return WorkableTransportFailure(neverSent: false, isTimeout: true, reason: "no answer arrived in time")
            case .remoteConnectionClosed:
                return WorkableTransportFailure(
                    neverSent: false, isTimeout: false, reason: "the server closed the connection before answering")
            case .bodyLengthMismatch:
                return WorkableTransportFailure(
                    neverSent: false, isTimeout: false, reason: "the connection closed in the middle of the answer")
            default:
                return WorkableTransportFailure(
                    neverSent: false, isTimeout: false, reason: clientError.shortDescription.lowercased())
            }
        }
        if error is NIOConnectionError {
            return WorkableTransportFailure(
                neverSent: true, isTimeout: false,
                reason: "the connection was refused, or the host is unreachable (is the server running?)")
        }
        if let ioError = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(ioError.errnoCode) {
            return WorkableTransportFailure(neverSent: true, isTimeout: false, reason: "the connection was refused")
        }
        if error is NIOTooManyBytesError {
            return WorkableTransportFailure(neverSent: false, isTimeout: false, reason: "the answer was too large")
        }
        return WorkableTransportFailure(neverSent: false, isTimeout: false, reason: "the connection failed")
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The default transport: one AsyncHTTPClient `HTTPClient` per ``TrackerAPI``.
///
/// NIOCore and NIOHTTP1 come with AsyncHTTPClient; their types never appear in TrackerAPI's
/// public API.
final class HTTPClientTransport: TrackerTransport {
    private let client: HTTPClient

    /// - Parameter readTimeout: The longest wait for the next bytes of an answer. The per-attempt
    ///   deadline given to ``execute(_:timeout:logger:)`` covers the answer's head only, so without
    ///   it a server that stops sending mid-body would hold the attempt forever.
    init(connectTimeout: Duration, readTimeout: Duration = .seconds(60), maximumConnections: Int) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .nanoseconds(Int64(connectTimeout.nanoseconds)),
                read: .nanoseconds(Int64(readTimeout.nanoseconds)))
        )
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnections
        )
        // AsyncHTTPClient would otherwise retry a refused connection with backoff until the connect
        // timeout, so an unreachable server would take the whole timeout per attempt. TrackerAPI's
        // retry policy already retries connection failures, with its own backoff.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func execute(_ request: TrackerHTTPRequest, timeout: Duration, logger: Logger) async throws -> TrackerHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if let content = request.content {
            outgoing.body = Self.body(content)
        }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(
                outgoing,
                deadline: .now() + .nanoseconds(Int64(timeout.nanoseconds)),
                logger: logger
            )
        } catch {
            throw Self.classify(error)
        }
        var headers = TrackerHTTPHeaders()
        for (name, value) in response.headers {
            headers.add(name: name, value: value)
        }
        let body = response.body
        return TrackerHTTPResponse(
            status: Int(response.status.code),
            headers: headers,
            body: TrackerHTTPBody(chunks: ResponseChunks(base: body)) { limit in
                do {
                    return Data(try await body.collect(upTo: limit).readableBytesView)
                } catch is NIOTooManyBytesError {
                    throw TrackerBodyTooLargeError(limit: limit)
                } catch {
                    throw Self.classify(error)
                }
            }
        )
    }

    func shutdown() async throws {
        try await client.shutdown()
    }

    /// AsyncHTTPClient's body for ours: bytes in one buffer, or a stream it reads as the connection
    /// can take more (its writes wait for the socket, so at most a few chunks are in memory).
    static func body(_ content: TrackerHTTPRequestBody) -> HTTPClientRequest.Body {
        if let data = content.data { return .bytes(ByteBuffer(bytes: data)) }
        let length: HTTPClientRequest.Body.Length = content.length.map { .known(Int64($0)) } ?? .unknown
        return .stream(content.makeChunks().map { ByteBuffer(bytes: $0) }, length: length)
    }

    /// Sorts AsyncHTTPClient's and NIO's errors into "never reached the server" and "may have", with
    /// a reason a person can read: no errno text or TLS-library error name reaches a message.
    static func classify(_ error: any Error) -> any Error {
        if error is CancellationError || error is TrackerRequestBodyError { return error }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .cancelled: return CancellationError()
            case .connectTimeout:
                return TrackerTransportError(phase: .connect, isTimeout: true, reason: TransportReason.connectTimeout)
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return TrackerTransportError(phase: .exchange, isTimeout: true, reason: "no answer arrived in time")
            case .remoteConnectionClosed:
                return TrackerTransportError(
                    phase: .exchange, reason: "the server closed the connection before answering")
            default:
                if let tls = TransportReason.tls(error) { return TrackerTransportError(phase: .connect, reason: tls) }
                return TrackerTransportError(phase: .exchange, reason: clientError.shortDescription.lowercased())
            }
        }
        if let connection = error as? NIOConnectionError {
            let onlyDNS =
                connection.connectionErrors.isEmpty && (connection.dnsAError != nil || connection.dnsAAAAError != nil)
            return TrackerTransportError(
                phase: .connect, reason: onlyDNS ? TransportReason.dns : TransportReason.refused)
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return TrackerTransportError(phase: .connect, isTimeout: true, reason: TransportReason.connectTimeout)
        }
        if let ioError = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(ioError.errnoCode) {
            return TrackerTransportError(phase: .connect, reason: TransportReason.refused)
        }
        if error is SocketAddressError {
            return TrackerTransportError(phase: .connect, reason: TransportReason.dns)
        }
        if let tls = TransportReason.tls(error) {
            return TrackerTransportError(phase: .connect, reason: tls)
        }
        if let ioError = error as? IOError, [ECONNRESET, EPIPE].contains(ioError.errnoCode) {
            return TrackerTransportError(
                phase: .exchange, reason: "the connection was reset by the server or the network")
        }
        return TrackerTransportError(phase: .exchange, reason: "the connection failed unexpectedly")
    }
}

/// The plain sentences for transport failures.
enum TransportReason {
    static let refused =
        "the connection was refused, or the host is unreachable (is the server running, and is the port right?)"
    static let dns = "the host name could not be found (DNS); check its spelling"
    static let connectTimeout = "no connection could be made within the connect timeout"

    /// The reason for a TLS failure, or `nil` when `error` is not one. TLS errors come from
    /// swift-nio-ssl, which this module does not import; they are recognised by their type's name.
    static func tls(_ error: any Error) -> String? {
        let type = String(reflecting: Swift.type(of: error))
        let text = String(describing: error)
        guard type.contains("SSL") || type.contains("TLS") || text.contains("SSL") else { return nil }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("HTTP_REQUEST") || text.contains("wrongVersion")
            || text.contains("RECORD_LAYER") || text.contains("PACKET_LENGTH_TOO_LONG")
        {
            return "the server answered in plain HTTP, not HTTPS: this https:// URL points at a plain-HTTP port; use "
                + "the server's HTTPS port (or http:// for a sandbox on this machine)"
        }
        if text.contains("CERTIFICATE") || text.contains("certificate") {
            return "the server's HTTPS certificate was not accepted (expired, self-signed or for another host name)"
        }
        return "the secure (HTTPS) connection could not be set up; check that the URL's port serves HTTPS"
    }
}

/// Turns AsyncHTTPClient's `ByteBuffer` chunks into `Data`, and its body errors into
/// ``TrackerTransportError`` (a connection dropped mid-body must look like one to retries).
private struct ResponseChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let base: HTTPClientResponse.Body

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPClientResponse.Body.AsyncIterator

        mutating func next() async throws -> Data? {
            do {
                guard let buffer = try await base.next() else { return nil }
                return Data(buffer.readableBytesView)
            } catch {
                throw HTTPClientTransport.classify(error)
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator())
    }
}

extension Duration {
    var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
    }

    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

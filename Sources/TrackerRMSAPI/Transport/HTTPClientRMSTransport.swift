import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The default transport: one AsyncHTTPClient `HTTPClient` per ``TrackerRMSClient``.
final class HTTPClientRMSTransport: RMSTransport {
    private let client: HTTPClient
    private let maximumResponseBytes: Int

    init(connectTimeout: Duration, maximumConnections: Int, maximumResponseBytes: Int) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(Int64(connectTimeout.nanoseconds)))
        )
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnections)
        // The client's own retry policy retries refused connections, with its own backoff.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.maximumResponseBytes = maximumResponseBytes
    }

    func execute(_ request: RMSHTTPRequest, timeout: Duration, logger: Logger) async throws -> RMSHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.nanoseconds))
            let response = try await client.execute(outgoing, deadline: deadline, logger: logger)
            let body = try await response.body.collect(upTo: maximumResponseBytes)
            return RMSHTTPResponse(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                body: Array(body.readableBytesView))
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
                return RMSTransportError(neverSent: true, isTimeout: true, reason: "no connection within the timeout")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return RMSTransportError(neverSent: false, isTimeout: true, reason: "no answer arrived in time")
            case .remoteConnectionClosed:
                return RMSTransportError(neverSent: false, reason: "the server closed the connection before answering")
            default:
                return RMSTransportError(neverSent: false, reason: clientError.shortDescription.lowercased())
            }
        }
        if error is NIOTooManyBytesError {
            return RMSTransportError(neverSent: false, reason: "the answer was larger than the client accepts")
        }
        if error is NIOConnectionError || error is SocketAddressError {
            return RMSTransportError(
                neverSent: true, reason: "the connection was refused or the host could not be found")
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return RMSTransportError(neverSent: true, isTimeout: true, reason: "no connection within the timeout")
        }
        if let ioError = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(ioError.errnoCode) {
            return RMSTransportError(neverSent: true, reason: "the connection was refused or the host is unreachable")
        }
        return RMSTransportError(neverSent: false, reason: "the connection failed unexpectedly")
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

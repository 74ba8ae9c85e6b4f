import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSSandbox

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("TrackerRMSAPI: a server that cannot be reached")
struct UnreachableServerTests {
    @Test("A port nothing listens on fails after three attempts, naming the address and what to check, not the key")
    func refusedConnectionFailsFast() async throws {
        let port = try ReservedPort()
        defer { port.release() }
        let configuration = TrackerRMSClient.Configuration(
            baseURL: "http://127.0.0.1:\(port.number)", credentials: .apiKey("unreachable-key-0005"),
            retryPolicy: quickRetries)
        let (error, traffic) = try await TrackerRMSClient.withClient(configuration: configuration) { client in
            let error = await #expect(throws: TrackerRMSError.self) { try await client.checkLogon() }
            return (error, client.traffic)
        }
        #expect(error?.code == .transportFailure)
        #expect(error?.attempts == 3, "three attempts, not the policy's eight")
        #expect(traffic.requests == 3)
        let text = String(describing: error)
        #expect(text.contains("http://127.0.0.1:\(port.number)"), "the address is named: \(text)")
        #expect(text.contains("check the base URL"), "what to check is said: \(text)")
        #expect(!text.contains("unreachable-key-0005"))
    }

    @Test("The attempts for a server never reached follow the policy, one included")
    func unreachableAttemptsFollowThePolicy() async throws {
        let port = try ReservedPort()
        defer { port.release() }
        for attempts in [1, 5] {
            var policy = quickRetries
            policy.unreachableServerAttempts = attempts
            let configuration = TrackerRMSClient.Configuration(
                baseURL: "http://127.0.0.1:\(port.number)", credentials: .apiKey("key"), retryPolicy: policy)
            let error = try await TrackerRMSClient.withClient(configuration: configuration) { client in
                await #expect(throws: TrackerRMSError.self) { try await client.checkLogon() }
            }
            #expect(error?.attempts == attempts)
        }
    }

    @Test("Once the server answered, a refused connection gets every attempt of the policy")
    func answeredServerGetsTheFullBudget() async throws {
        // The client outlives the sandbox: it talked to the server, which then went away.
        let client = try await withTrackerRMSSandbox(smallSandbox()) { sandbox in
            let client = try TrackerRMSClient(
                configuration: TrackerRMSClient.Configuration(
                    baseURL: sandbox.baseURL, credentials: .apiKey(sandbox.apiKey), retryPolicy: quickRetries))
            try await client.checkLogon()
            return client
        }
        let error = await #expect(throws: TrackerRMSError.self) { try await client.checkLogon() }
        try await client.shutdown()
        #expect(error?.attempts == quickRetries.maximumAttempts, "\(String(describing: error))")
        #expect(error?.code == .transportFailure)
    }
}

/// A TCP port on 127.0.0.1 that refuses connections: bound by the system but never listened on,
/// and held until released, so that no server this test run starts (the sandboxes take free
/// ports too) can take it while a test connects to it.
private struct ReservedPort {
    let descriptor: Int32
    let number: Int

    init() throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw PortError() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw PortError()
        }
        self.descriptor = descriptor
        self.number = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Closes the socket.
    func release() { close(descriptor) }
}

private struct PortError: Error {}

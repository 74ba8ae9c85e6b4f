import ATSCore
import ATSTestSupport
import ArgumentParser
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@testable import ATSCommands

#if canImport(Glibc)
    import Glibc
#endif

/// Plain HTTP goes to loopback only; everything else needs HTTPS, and is refused before a
/// connection is even attempted, by the library and by the command line.
extension SecretsAndTrust {
    @Suite struct PlainHTTPTests {
        static let password = "Ht-4tp-n0-Pla1n-Pa55"

        /// Hosts that are remote, or remote dressed up as loopback.
        static let refused = [
            "http://example.com/api/v1", "HTTP://EXAMPLE.COM/api/v1", "http://api.applicant-tracking.com/api/v1",
            "http://127.0.0.1.example.com/api/v1", "http://localhost.example.com/api/v1",
            "http://127.0.0.1@example.com/api/v1", "http://localhost@example.com/api/v1",
            "http://localhost:80@example.com/api/v1", "http://127.0.0.1:8080@example.com/api/v1",
            "http://user:pw@127.0.0.1/api/v1", "http://127.0.0.1%2eexample.com/api/v1",
            "http://example.com#@127.0.0.1/api/v1", "http://example.com?@127.0.0.1/api/v1",
            "http://127.0.0.1..example.com/api/v1", "http://127..0.0.1/api/v1", "http://127.0.0.1.:80/api/v1",
            "http://128.0.0.1/api/v1", "http://127.0.0.256/api/v1", "http://10.0.0.1/api/v1", "http://0.0.0.0/api/v1",
            "http://[::ffff:8.8.8.8]/api/v1", "http://[fe80::1]/api/v1", "http://localhost./api/v1",
            "http://xn--localhost-/api/v1", "http://example.com\\@127.0.0.1/api/v1", "ftp://127.0.0.1/api/v1",
            "//127.0.0.1/api/v1", "127.0.0.1/api/v1",
        ]

        /// Loopback in its honest spellings.
        static let allowed = [
            "http://127.0.0.1/api/v1", "http://127.0.0.1:8080/api/v1", "http://127.0.0.2/api/v1",
            "http://127.255.255.254/api/v1", "http://localhost/api/v1", "http://LOCALHOST:9/api/v1",
            "http://[::1]/api/v1", "http://[::1]:8080/api/v1", "https://example.com/api/v1",
        ]

        static func configuration(_ url: String) -> TrackerAPI.Configuration {
            TrackerAPI.Configuration(baseURL: url, apiKey: "key-7f3a", apiPassword: password)
        }

        @Test func theLibraryRefusesPlainHTTPToAnyHostButLoopback() async throws {
            for url in Self.refused {
                let error = #expect(throws: TrackerAPIError.self, "\(url)") {
                    _ = try TrackerAPI(configuration: Self.configuration(url))
                }
                #expect(error?.code == .invalidConfiguration, "\(url)")
                #expect(!"\(error.map { "\($0)" } ?? "")".contains(Self.password))
                #expect(!"\(Self.configuration(url))".contains("pw@"), "\(url)")
                TrustFigures.shared.add { $0.plainHTTPRefused += 1 }
            }
            for url in Self.allowed {
                let api = try TrackerAPI(configuration: Self.configuration(url))
                try await api.shutdown()
                TrustFigures.shared.add { $0.loopbackAllowed += 1 }
            }
        }

        @Test func aPasswordInTheBaseURLIsRefusedAndNeverShown() {
            let secret = "Url-Emb3dd3d-Pa55"
            let url = "https://key:\(secret)@api.applicant-tracking.com/api/v1"
            let configuration = TrackerAPI.Configuration(baseURL: url, apiKey: "key-7f3a", apiPassword: Self.password)
            #expect(!"\(configuration)".contains(secret))
            #expect("\(configuration)".contains("api.applicant-tracking.com"))
            let error = #expect(throws: TrackerAPIError.self) { _ = try TrackerAPI(configuration: configuration) }
            #expect(error?.code == .invalidConfiguration)
            #expect(!"\(error.map { "\($0)" } ?? "")".contains(secret))
        }

        /// A sandbox listening on every interface, reached through this machine's own non-loopback
        /// address: the client refuses, and the sandbox sees no request at all.
        @Test func nothingIsSentToANonLoopbackAddress() async throws {
            var settings = SandboxConfiguration(jobCount: 1, applicationCount: 3)
            settings.host = "0.0.0.0"
            settings.apiPassword = Self.password
            try await withTrackerSandbox(settings) { sandbox in
                let reachable = TrackerAPI.Configuration(
                    baseURL: "http://127.0.0.1:\(sandbox.port)/api/v1", apiKey: sandbox.apiKey,
                    apiPassword: Self.password)
                _ = try await TrackerAPI.withTrackerAPI(configuration: reachable) { api in
                    try await api.jobs.get(TrackerJobID(rawValue: "1"))
                }
                sandbox.control.clearRequestLog()
                let hosts =
                    Self.nonLoopbackAddresses().map { "http://\($0):\(sandbox.port)/api/v1" }
                    + ["http://127.0.0.1.localhost.invalid:\(sandbox.port)/api/v1"]
                for url in hosts {
                    var configuration = Self.configuration(url)
                    configuration.retryPolicy.maximumAttempts = 1
                    let error = await #expect(throws: TrackerAPIError.self, "\(url)") {
                        try await TrackerAPI.withTrackerAPI(configuration: configuration) { api in
                            _ = try await api.jobs.get(TrackerJobID(rawValue: "1"))
                        }
                    }
                    #expect(error?.code == .invalidConfiguration)

                    // The same through `ats jobs get`: one clear paragraph, non-zero, nothing sent.
                    let command = try #require(
                        try ATSCommand.parseAsRoot([
                            "jobs", "get", "1", "--base-url", url, "--api-key", "k", "--api-password", Self.password,
                        ]) as? JobsGetCommand)
                    var failure: CommandFailure?
                    do {
                        try await command.connection.withClient(environment: [:]) { client in
                            try await command.execute(client, output: CollectedLines().output)
                        }
                    } catch {
                        failure = CommandFailure.explaining(error)
                    }
                    let message = try #require(failure?.message, "\(url) was not refused")
                    #expect(message.contains("HTTPS"), "\(message)")
                    #expect(message.contains("loopback"))
                    #expect(!message.contains(Self.password))
                    #expect(failure?.exitCode != 0)
                    TrustFigures.shared.add { $0.plainHTTPRefused += 2 }
                }
                #expect(sandbox.control.requestLog().isEmpty, "a refused URL still reached the server")
            }
        }

        /// The real executable: the message on standard error and a non-zero status.
        @Test(.enabled(if: atsExecutable != nil))
        func atsRefusesPlainHTTPWithAClearMessage() async throws {
            let errors = PipeText()
            let command = try ChildProcess(
                try #require(atsExecutable),
                ["jobs", "list", "--base-url", "http://127.0.0.1.example.com/api/v1", "--api-key", "k"],
                environment: ["TRACKER_API_PASSWORD": Self.password], standardError: errors.pipe)
            #expect(try await command.exit(within: .seconds(120)) != 0)
            let message = try await errors.wait(for: "the refusal on standard error") { $0.hasSuffix("\n") }
            #expect(message.contains("HTTPS is required except for loopback"), "\(message)")
            #expect(!message.contains(Self.password))
            TrustFigures.shared.add { $0.plainHTTPRefused += 1 }
        }

        /// This machine's IPv4 addresses outside 127.0.0.0/8 (none in some containers).
        static func nonLoopbackAddresses() -> [String] {
            var addresses: [String] = []
            var list: UnsafeMutablePointer<ifaddrs>?
            guard getifaddrs(&list) == 0, let first = list else { return [] }
            defer { freeifaddrs(list) }
            var cursor: UnsafeMutablePointer<ifaddrs>? = first
            while let entry = cursor {
                defer { cursor = entry.pointee.ifa_next }
                guard let address = entry.pointee.ifa_addr, Int32(address.pointee.sa_family) == AF_INET else {
                    continue
                }
                var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                guard
                    getnameinfo(
                        address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0,
                        NI_NUMERICHOST) == 0
                else { continue }
                let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !text.hasPrefix("127.") { addresses.append(text) }
            }
            return addresses
        }
    }
}

import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// Redirects over real sockets: the sandbox answers with a `3xx` and a `Location`, and the client's
/// own redirect handling (not a transport double) decides whether to follow it and with which
/// headers.
@Suite struct SandboxRedirectTests {
    static let statuses = [301, 307, 308]

    @Test(arguments: statuses)
    func aRedirectToTheSameHostIsFollowedWithTheCredentials(status: Int) async throws {
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 10)) { api, sandbox in
            let control = sandbox.control
            control.scriptRedirect(
                status: status, to: "\(sandbox.baseURL)/users", method: "GET", pathSuffix: "/users")
            let users = try await api.users.list()
            #expect(users.count == control.users().count)
            let answers = control.requestLog().filter { $0.path.hasSuffix("/users") }.map(\.status)
            #expect(answers == [status, 200], "the redirect, then the target answered with the credentials")
        }
    }

    @Test(arguments: statuses)
    func anotherHostNeverReceivesTheCredentials(status: Int) async throws {
        // The other server would accept the same credentials: only their absence makes it refuse.
        var shared = SandboxConfiguration(applicationCount: 10)
        shared.apiKey = "shared-key"
        shared.apiPassword = "shared-password"
        try await withTrackerSandbox(shared) { other in
            let otherHost = try #require(URL(string: other.baseURL)?.host)
            let alias = otherHost == "localhost" ? "127.0.0.1" : "localhost"
            let target = other.baseURL.replacingOccurrences(of: "//\(otherHost):", with: "//\(alias):")
            try await withSandboxAPI(shared) { api, sandbox in
                #expect(URL(string: sandbox.baseURL)?.host != alias, "the target is another host name")
                sandbox.control.scriptRedirect(
                    status: status, to: "\(target)/users", method: "GET", pathSuffix: "/users")
                await #expect(throws: TrackerAPIError.self) { try await api.users.list() }
            }
            let reached = other.control.requestLog().filter { $0.path.hasSuffix("/users") }.map(\.status)
            #expect(reached == [403], "the other host was asked without credentials, and refused")
        }
    }

    // A stalled answer never ends on its own: the client's per-attempt limit is what ends the
    // attempt. It is long (10 s) so that a loaded machine's normal answers stay well inside it; the
    // verdicts count requests, not time.
    static let stallOptions = ClientOptions(requestTimeout: .seconds(10))

    @Test func aGetWhoseAnswerStallsMidBodyIsRetriedAndCompletes() async throws {
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 10), client: Self.stallOptions) {
            api, sandbox in
            sandbox.control.scriptStallMidBody(method: "GET", pathSuffix: "/users")
            let users = try await api.users.list()
            #expect(users.map(\.id.int) == sandbox.control.users().map(\.id))
            #expect(sandbox.control.requestLog().filter { $0.path.hasSuffix("/users") }.count == 2)
        }
    }

    @Test func aPostWhoseAnswerStallsIsNotSentAgain() async throws {
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 10), client: Self.stallOptions) {
            api, sandbox in
            let before = sandbox.control.noteCount
            sandbox.control.scriptStallMidBody(method: "POST", pathSuffix: "/notes")
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.notes.create(.init(applicationID: 1, body: "once"))
            }
            #expect(error.code == .outcomeUnknown, "\(error)")
            let posts = sandbox.control.requestLog().filter { $0.method == "POST" && $0.path.hasSuffix("/notes") }
            #expect(posts.count == 1, "the POST went out once")
            #expect(sandbox.control.noteCount == before + 1)
        }
    }
}

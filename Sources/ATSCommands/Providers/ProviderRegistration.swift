import ATSCore
import ATSSync
import Foundation
import Logging

/// One provider the `ats` command line can talk to: its name, what its client can do, and how the
/// commands reach it. A provider module is added to the command line by one registration in
/// ``ProviderRegistry/standard``; nothing else in ATSCommands names it.
struct ProviderRegistration: Sendable {
    /// The provider's stable name, as `--provider`, `ATS_PROVIDER` and the profile key `provider` give it.
    var name: ATSProvider
    /// What the provider is, in a few words, for listings and `--help`.
    var summary: String
    /// What the provider's client can do; `ats coverage` shows one column per registered provider.
    var capabilities: ATSCapabilities
    /// Connects (or starts the provider's embedded sandbox for `--sandbox`) and runs the work with
    /// the provider's client; the connection ends when the work does.
    var withClient: ClientFactory
    /// Runs the provider's sandbox server until it is stopped (`ats sandbox --provider NAME`).
    var sandbox: SandboxLauncher
    /// Connects for `ats sync` and runs the work with the provider's sync source.
    var withSyncSource: SyncSourceFactory

    /// Makes a client from the command's connection options.
    typealias ClientFactory =
        @Sendable (_ request: ProviderRequest, _ body: (any ATSClient) async throws -> Void) async throws -> Void

    /// Opens a sync session from the command's connection options.
    typealias SyncSourceFactory =
        @Sendable (_ request: ProviderRequest, _ body: (ProviderSyncSession) async throws -> Void) async throws -> Void

    /// Runs a sandbox server.
    typealias SandboxLauncher = @Sendable (_ request: SandboxRequest) async throws -> Void
}

/// What a command asks of a provider: its connection options and the settings they resolve to.
struct ProviderRequest {
    /// The command's connection options (flags, `--sandbox`, `--profile`).
    var options: ConnectionOptions
    /// The process environment.
    var environment: [String: String]
    /// Settings given by the command's own flags (such as `--rejection-status`).
    var flags: [SettingKey: SettingValue]
    /// `ats sync`'s `--page-size`, `--rate-limit` and log level; nil for other commands.
    var tuning: SyncTuning?
}

/// `ats sandbox --provider NAME`: the listening address, and the options the command line did not
/// recognise, which are the provider's own knobs for its launcher to parse.
struct SandboxRequest: Sendable {
    /// The address to listen on.
    var host: String
    /// The port to listen on (0 picks a free one).
    var port: Int
    /// The seed of the generated data.
    var seed: UInt64
    /// The provider's own options, in the order given.
    var arguments: [String]
}

/// A provider's side of `ats sync` for one account: the account's default name in the mirror and
/// a way to run one pass of the sync engine into a store.
struct ProviderSyncSession: Sendable {
    /// The account's name in the mirror when `--account` does not give one.
    var defaultAccountName: String
    /// Runs one pass (every stream once) into the store.
    var run: @Sendable (_ pass: ProviderSyncPass) async throws -> SyncRunReport
}

/// One pass of `ats sync` for one account.
struct ProviderSyncPass: Sendable {
    /// The mirror.
    var store: any SyncStore
    /// The account's name in the mirror.
    var account: String
    /// The streams to sync; streams the provider's source does not have are left out.
    var streams: [SyncStreamName]
    /// Whether `--streams` chose them (else they are every stream, and a provider may leave out the
    /// costly ones a first sync must not wait for).
    var streamsChosen = false
    /// Whether to read everything and mark what is gone as deleted.
    var full: Bool
    /// The progress display, when progress is shown.
    var progress: SyncProgressDisplay?
    /// The engine's logger.
    var logger: Logger
}

extension ProviderSyncPass {
    /// Runs the engine over `source` as this pass asks.
    /// - Parameter source: The provider's source for this pass's account.
    /// - Returns: The run's report.
    func run<Source: SyncSource>(_ source: Source) async throws -> SyncRunReport {
        var engine = SyncEngine(source: source, store: store, logger: logger)
        if let progress {
            engine.onProgress = { progress.update($0) }
        }
        defer { progress?.finish() }
        return try await engine.run(streams.filter(source.streams.contains), fullScan: full)
    }
}

extension ProviderRegistration {
    /// The sync side of a provider that has no sync source of its own: its client's streams,
    /// through ``ATSClientSyncSource``. The account's default name is the provider's name.
    /// - Parameter withClient: The provider's client factory.
    /// - Returns: A sync source factory.
    static func syncingThroughClient(_ withClient: @escaping ClientFactory) -> SyncSourceFactory {
        { request, body in
            try await withClient(request) { client in
                try await body(
                    ProviderSyncSession(defaultAccountName: client.capabilities.provider.rawValue) { pass in
                        try await pass.run(ATSClientSyncSource(client: client, account: pass.account))
                    })
            }
        }
    }
}

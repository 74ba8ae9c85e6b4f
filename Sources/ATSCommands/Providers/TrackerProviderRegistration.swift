import ATSCore
import ArgumentParser
import TrackerATS

extension ProviderRegistration {
    /// Tracker, the ATS Anywhere API: its client (``TrackerATSClient``), its sandbox (`ats sandbox`'s
    /// own knobs) and its sync source (`TrackerSync`).
    static let tracker = ProviderRegistration(
        name: .tracker,
        summary: "the ATS Anywhere API",
        capabilities: .tracker,
        withClient: { request, body in
            try await request.options.withClient(environment: request.environment, flags: request.flags) {
                try await body($0)
            }
        },
        sandbox: { request in
            let command = try SandboxCommand.parse(
                ["--host", request.host, "--port", String(request.port), "--seed", String(request.seed)]
                    + request.arguments)
            try await command.runTrackerSandbox()
        },
        withSyncSource: { request, body in
            try await request.options.withConnection(environment: request.environment, flags: request.flags) {
                connection in
                var tuned = connection
                request.tuning?.apply(to: &tuned.configuration)
                let connection = tuned
                try await body(
                    ProviderSyncSession(defaultAccountName: SyncRunner.accountName(nil, connection: connection)) {
                        pass in
                        try await SyncRunner(
                            connection: connection, store: pass.store, account: pass.account, streams: pass.streams,
                            progress: pass.progress, logger: pass.logger
                        ).run(full: pass.full)
                    })
            }
        }
    )
}

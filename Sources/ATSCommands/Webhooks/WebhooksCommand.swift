import ArgumentParser
import Foundation
import ServiceLifecycle
import TrackerAPI
import UnixSignals
import WorkableAPI

/// `ats webhooks`: receive Tracker's or Workable's webhook deliveries.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Receive Tracker's or Workable's webhook deliveries.",
        subcommands: [WebhooksListenCommand.self]
    )
}

/// `ats webhooks listen`: a receiver that verifies each delivery's signature and prints the good
/// ones as JSON lines.
struct WebhooksListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Receive webhook deliveries, verify their signatures and print each one as a JSON line.",
        discussion: """
            Register http://HOST:PORT/ (any path) for an event with Tracker's POST /webhooks. Every delivery's \
            signatures are checked against the API password before its body is read: X-ATS-Signature must match \
            the body (HMAC-SHA256, SHA-256 of password and body, or of body and password; --signature-construction \
            accepts only one) and X-Hub-Signature, when sent, the SHA-256 of the password. A verified delivery \
            is answered 200 and printed on standard output as one line of JSON, flushed at once, so the output \
            can be piped; a missing or wrong signature gets 401 (Tracker then re-sends it), a signed body that \
            is not a delivery 400, a body above --max-body-bytes 413. What happened to each request is noted \
            on standard error. Stop it with Ctrl-C (SIGINT) or SIGTERM; requests in flight are answered first.

            With --provider workable, register the URL with Workable's POST /subscriptions (one URL per event: \
            the body does not name it). Each delivery's X-Workable-Signature must be the HMAC-SHA256 of the body \
            keyed with --signing-key (env WORKABLE_WEBHOOK_SECRET, else WORKABLE_API_TOKEN: the account token, or \
            the OAuth app's secret); a verified one prints the candidate's id, name, email, job_shortcode, stage \
            and updated_at with "provider":"workable". A delivery is a hint: fetch the candidate before acting.
            """
    )

    @Option(help: "Whose deliveries to receive: tracker or workable (env ATS_PROVIDER; default tracker).")
    var provider: String?

    @Option(help: "The port to listen on (0 picks a free one, shown on standard error).")
    var port: Int

    @Option(help: "The address to listen on. Anything but loopback receives applicants' data over plain HTTP.")
    var host = "127.0.0.1"

    @Option(help: "The API password, the signing key (env TRACKER_API_PASSWORD). Never printed.")
    var apiPassword: String?

    @Option(
        help: """
            Workable's signing key: the account token or the OAuth app's secret (env WORKABLE_WEBHOOK_SECRET, \
            else WORKABLE_API_TOKEN). Never printed.
            """)
    var signingKey: String?

    @Option(help: "The account's IANA time zone, for the applications' timestamps (env TRACKER_TIMEZONE).")
    var timezone: String?

    @Option(help: "The largest delivery body accepted, in bytes.")
    var maxBodyBytes = 1_048_576

    @Option(
        help: ArgumentHelp(
            "How X-ATS-Signature combines the API password and the body: any (the default: all three are tried), "
                + "hmac, password-body or body-password.",
            valueName: "construction"))
    var signatureConstruction = "any"

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port takes 0 to 65535, not \(port).")
        }
        guard maxBodyBytes > 0 else {
            throw ValidationError("--max-body-bytes takes a number of bytes above 0, not \(maxBodyBytes).")
        }
        _ = try construction()
    }

    /// The one construction `--signature-construction` names, or nil for `any`.
    func construction() throws -> TrackerWebhookSignatureConstruction? {
        if signatureConstruction == "any" { return nil }
        guard let construction = TrackerWebhookSignatureConstruction(rawValue: signatureConstruction) else {
            let names = ["any"] + TrackerWebhookSignatureConstruction.allCases.map(\.rawValue)
            throw ValidationError(
                "--signature-construction takes one of \(names.joined(separator: ", ")), not '\(signatureConstruction)'."
            )
        }
        return construction
    }

    func run() async throws {
        try await reporting {
            let listener = try makeListener(environment: ProcessInfo.processInfo.environment, output: .flushed)
            let group = listener.makeServiceGroup(signals: [.sigterm, .sigint]) { port in
                standardError(Self.banner(provider: listener.verifier.providerName, host: host, port: port))
            }
            try await group.run()
            standardError("Stopped listening for webhooks.\n")
        }
    }

    /// The listener the flags and the environment describe; tests call it with their own.
    /// - Throws: ``CommandFailure`` when the provider is unknown, its signing key missing, or the
    ///   time zone unknown.
    func makeListener(environment: [String: String], output: CommandOutput) throws -> WebhookListener {
        let name = provider ?? environment["ATS_PROVIDER"].flatMap { $0.isEmpty ? nil : $0 } ?? "tracker"
        let check: any WebhookDeliveryCheck
        switch name {
        case "tracker": check = try trackerCheck(environment: environment)
        case "workable": check = try workableCheck(environment: environment)
        default:
            let source = provider != nil ? "--provider" : "ATS_PROVIDER"
            throw CommandFailure.usage(
                "ats webhooks listen receives tracker or workable deliveries, not '\(name)' (from \(source)).")
        }
        return WebhookListener(
            host: host, port: port, verifier: check, maximumBodyBytes: maxBodyBytes, output: output,
            onOutcome: { outcome in
                switch outcome {
                case .accepted(let summary):
                    standardError("Accepted \(summary).\n")
                case .rejected(let status, let reason):
                    standardError("Answered \(status): \(reason)\n")
                }
            })
    }

    private func trackerCheck(environment: [String: String]) throws -> TrackerDeliveryCheck {
        guard signingKey == nil else {
            throw CommandFailure.usage(
                "--signing-key is Workable's; Tracker signs deliveries with the API password (--api-password).")
        }
        guard let password = apiPassword ?? environment["TRACKER_API_PASSWORD"], !password.isEmpty else {
            throw CommandFailure.usage(
                "No API password given. Deliveries are signed with the account's API password: pass --api-password "
                    + "(or set TRACKER_API_PASSWORD) from Tracker's \"Account Details → API\" page.")
        }
        var zone: TimeZone?
        if let name = timezone ?? environment["TRACKER_TIMEZONE"], !name.isEmpty {
            guard let known = TimeZone(identifier: name) else {
                throw CommandFailure.usage("Unknown time zone '\(name)'. Use an IANA name such as America/Los_Angeles.")
            }
            zone = known
        }
        return TrackerDeliveryCheck(
            verifier: TrackerWebhookVerifier(
                apiPassword: password, accountTimeZone: zone, construction: try construction())
        )
    }

    private func workableCheck(environment: [String: String]) throws -> WorkableDeliveryCheck {
        // Tracker's options would be silently ignored here; saying so beats a listener that
        // rejects every delivery for a reason the user cannot see.
        guard apiPassword == nil, timezone == nil, signatureConstruction == "any" else {
            throw CommandFailure.usage(
                "--api-password, --timezone and --signature-construction are Tracker's. Workable signs deliveries "
                    + "with --signing-key (or WORKABLE_WEBHOOK_SECRET, else WORKABLE_API_TOKEN).")
        }
        let key = [signingKey, environment["WORKABLE_WEBHOOK_SECRET"], environment["WORKABLE_API_TOKEN"]]
            .lazy.compactMap { $0 }.first { !$0.isEmpty }
        guard let key else {
            throw CommandFailure.usage(
                "No signing key given. Workable signs deliveries with the account token, or the OAuth app's secret: "
                    + "pass --signing-key (or set WORKABLE_WEBHOOK_SECRET or WORKABLE_API_TOKEN).")
        }
        return WorkableDeliveryCheck(verifier: WorkableWebhookVerifier(signingKey: key))
    }

    static func banner(provider: String, host: String, port: Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        var text = "Listening for \(provider) webhooks on http://\(shown):\(port)/ (Ctrl-C to stop).\n"
        if !["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) {
            text +=
                "Deliveries carry applicants' data: outside this machine, put an HTTPS proxy in front of this port.\n"
        }
        return text
    }
}

/// Everything the sandbox needs to start: where to listen, what data to generate, the account's
/// credentials and statuses, the clock, and the initial ``SandboxBehavior``.
public struct SandboxConfiguration: Sendable {
    /// The address to listen on. Default `127.0.0.1`.
    public var host: String
    /// The port to listen on; 0 (the default) picks a free port.
    public var port: Int
    /// The seed of the data generator and of every random draw (faults, jitter, mutations).
    public var seed: UInt64
    /// How many jobs the account starts with. Default 40.
    public var jobCount: Int
    /// How many applications the account starts with. Default 2,000.
    public var applicationCount: Int
    /// Notes per application, on average. Default 0.6.
    public var notesPerApplication: Double
    /// Files per application, on average. Default 0.9.
    public var filesPerApplication: Double
    /// The account's applicant status names, as configured in "Workflow → Applicant Status".
    public var statuses: [String]
    /// The API key (the Basic-auth user). Default `sandbox`.
    public var apiKey: String
    /// The API password (the Basic-auth password, and the webhook signing key). Default `sandbox`.
    public var apiPassword: String
    /// The account's company id, shown on records and accepted in `/api/v1/companies/{id}/...`.
    public var companyID: Int
    /// The wall clock; its reading at start-up anchors the generated data. Default the system clock.
    public var clock: any SandboxClock
    /// When workflow actions run. Default ``SandboxActionExecution/automatic``.
    public var actionExecution: SandboxActionExecution
    /// How many times a webhook delivery is attempted before the sandbox gives up. Default 5.
    public var webhookMaximumAttempts: Int
    /// The wait before the first re-delivery of a webhook; it doubles after each failure. Default 1 s.
    public var webhookRetryBackoff: Duration
    /// How webhook deliveries' `X-ATS-Signature` combines the API password and the body (every
    /// delivery also carries `X-Hub-Signature`, the SHA-256 of the password). Default
    /// ``SandboxWebhookSignature/Construction/hmac``.
    public var webhookSignatureConstruction: SandboxWebhookSignature.Construction
    /// How many requests the request log keeps (the oldest are dropped). Default 10,000.
    public var requestLogLimit: Int
    /// The largest request body accepted, in bytes; larger ones get `413`. Default 16 MiB, which
    /// carries the largest file: `POST /files` sends it base64-encoded (4 bytes per 3) inside JSON,
    /// so it must be at least ``largestUploadBodyBytes``.
    public var maximumRequestBodyBytes: Int
    /// The largest file `POST /files` stores, in decoded bytes; larger ones get `413`. Default 10 MiB.
    public var maximumFileBytes: Int
    /// The content types `POST /files` stores (given as `content_type`, or derived from the file
    /// name's extension); others get `415`. Default: PDF, Word, OpenDocument text, RTF, plain
    /// text, PNG, JPEG and GIF.
    public var acceptedFileTypes: Set<String>
    /// The quirks and faults the sandbox starts with.
    public var behavior: SandboxBehavior

    /// The file types `POST /files` accepts by default.
    public static let defaultAcceptedFileTypes: Set<String> = [
        "application/pdf", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text", "application/rtf", "text/plain", "image/png", "image/jpeg",
        "image/gif",
    ]

    /// The status names an account has when none are configured.
    public static let defaultStatuses = [
        "New", "Screening", "Phone Interview", "Interview", "Offer", "Hired", "Not Selected",
    ]

    /// Creates a configuration; every parameter has the documented default.
    /// - Parameters:
    ///   - host: the listening address.
    ///   - port: the listening port, 0 for any free port.
    ///   - seed: the generator seed.
    ///   - jobCount: initial number of jobs.
    ///   - applicationCount: initial number of applications.
    ///   - notesPerApplication: average notes per application.
    ///   - filesPerApplication: average files per application.
    ///   - statuses: the account's status names.
    ///   - apiKey: the API key.
    ///   - apiPassword: the API password.
    ///   - companyID: the account's company id.
    ///   - clock: the wall clock.
    ///   - actionExecution: automatic or manual action execution.
    ///   - behavior: the initial quirks and faults.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        seed: UInt64 = 1,
        jobCount: Int = 40,
        applicationCount: Int = 2_000,
        notesPerApplication: Double = 0.6,
        filesPerApplication: Double = 0.9,
        statuses: [String] = SandboxConfiguration.defaultStatuses,
        apiKey: String = "sandbox",
        apiPassword: String = "sandbox",
        companyID: Int = 1,
        clock: any SandboxClock = SystemSandboxClock(),
        actionExecution: SandboxActionExecution = .automatic,
        behavior: SandboxBehavior = SandboxBehavior()
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.jobCount = jobCount
        self.applicationCount = applicationCount
        self.notesPerApplication = notesPerApplication
        self.filesPerApplication = filesPerApplication
        self.statuses = statuses
        self.apiKey = apiKey
        self.apiPassword = apiPassword
        self.companyID = companyID
        self.clock = clock
        self.actionExecution = actionExecution
        self.webhookMaximumAttempts = 5
        self.webhookRetryBackoff = .seconds(1)
        self.webhookSignatureConstruction = .hmac
        self.requestLogLimit = 10_000
        self.maximumRequestBodyBytes = 16 << 20
        self.maximumFileBytes = 10 << 20
        self.acceptedFileTypes = SandboxConfiguration.defaultAcceptedFileTypes
        self.behavior = behavior
    }

    /// The request body a `POST /files` of the largest file needs: its base64 text (4 bytes for
    /// every started 3) plus 64 KiB for the other members (`app_id`, `filename`, `kind`).
    public var largestUploadBodyBytes: Int {
        (maximumFileBytes + 2) / 3 * 4 + (64 << 10)
    }

    /// Checks sizes, names and every behaviour knob.
    /// - Throws: ``SandboxConfigurationError`` naming the first problem.
    public func validate() throws {
        func fail(_ message: String) -> SandboxConfigurationError { SandboxConfigurationError(message) }
        if !(0...65_535).contains(port) { throw fail("port must be between 0 and 65535, not \(port)") }
        if jobCount < 1 { throw fail("there must be at least one job (jobs: \(jobCount))") }
        if applicationCount < 0 || applicationCount > 50_000_000 {
            throw fail("applications must be between 0 and 50,000,000, not \(applicationCount)")
        }
        if !(0...20).contains(notesPerApplication) { throw fail("notes per application must be between 0 and 20") }
        if !(0...20).contains(filesPerApplication) { throw fail("files per application must be between 0 and 20") }
        let names = statuses.map { $0.trimmingSpaces() }
        if names.isEmpty || names.contains(where: \.isEmpty) {
            throw fail("statuses must be a non-empty list of non-empty names")
        }
        if Set(names).count != names.count { throw fail("status names must be unique") }
        if apiKey.isEmpty || apiKey.contains(":") { throw fail("the API key must be non-empty and contain no ':'") }
        if apiPassword.isEmpty { throw fail("the API password must not be empty") }
        if companyID < 1 { throw fail("the company id must be positive") }
        if webhookMaximumAttempts < 1 { throw fail("webhook deliveries need at least one attempt") }
        if webhookRetryBackoff < .zero { throw fail("the webhook retry backoff must not be negative") }
        if maximumFileBytes < 1 { throw fail("the largest file must be at least one byte") }
        if maximumFileBytes > 1 << 40 { throw fail("the largest file must be at most 1 TiB") }
        if maximumRequestBodyBytes < largestUploadBodyBytes {
            throw fail(
                "the largest request body (\(maximumRequestBodyBytes) bytes) cannot carry the largest file: "
                    + "\(maximumFileBytes) bytes take \(largestUploadBodyBytes) bytes as base64 JSON; raise "
                    + "maximumRequestBodyBytes or lower maximumFileBytes")
        }
        try behavior.validate()
    }
}

import ATSCore
import Logging
import WorkableAPI

/// The account's lists a client reads once and keeps: stages, job pipelines, disqualification
/// reasons, custom attributes and the member writes are recorded against.
///
/// Each is read on first use (one request each; one per job for pipelines) and kept for the
/// client's life: they change rarely, and every request counts against 10 per 10 s.
actor WorkableDirectory {
    let api: WorkableAPI
    let configuredMember: WorkableMemberID?
    let logger: Logger
    private var accountStages: [WorkableStage]?
    private var pipelines: [WorkableShortcode: [WorkableStage]] = [:]
    private var reasons: [WorkableDisqualificationReason]?
    private var attributes: [WorkableCustomAttribute]?
    private var defaultMember: WorkableWriteMember?

    init(api: WorkableAPI, configuredMember: WorkableMemberID?, logger: Logger) {
        self.api = api
        self.configuredMember = configuredMember
        self.logger = logger
    }

    /// The account's stages (`GET /stages`).
    func stages(operation: ATSOperation) async throws -> [WorkableStage] {
        if let accountStages { return accountStages }
        let read = try await WorkableErrors.translating(operation, subject: "the account's stages") {
            try await api.account.stages(logger: logger)
        }
        accountStages = read
        return read
    }

    /// A job's pipeline (`GET /jobs/{shortcode}/stages`).
    func pipeline(of job: WorkableShortcode, operation: ATSOperation) async throws -> [WorkableStage] {
        if let known = pipelines[job] { return known }
        let read = try await WorkableErrors.translating(operation, subject: "job \(job.rawValue)'s pipeline") {
            try await api.jobs.stages(job, logger: logger)
        }
        pipelines[job] = read
        return read
    }

    /// The account's disqualification reasons.
    func disqualificationReasons(operation: ATSOperation) async throws -> [WorkableDisqualificationReason] {
        if let reasons { return reasons }
        let read = try await WorkableErrors.translating(operation, subject: "the disqualification reasons") {
            try await api.account.disqualificationReasons(logger: logger)
        }
        reasons = read
        return read
    }

    /// The account's custom attribute definitions.
    func customAttributes(operation: ATSOperation) async throws -> [WorkableCustomAttribute] {
        if let attributes { return attributes }
        let read = try await WorkableErrors.translating(operation, subject: "the custom attributes") {
            try await api.account.customAttributes(logger: logger)
        }
        attributes = read
        return read
    }

    /// The configured member, or the first active admin (read once).
    func member(operation: String) async throws -> WorkableWriteMember {
        if let configuredMember { return WorkableWriteMember(id: configuredMember, name: nil, isConfigured: true) }
        if let defaultMember { return defaultMember }
        do {
            let found = try await api.account.defaultMember(logger: logger)
            let member = WorkableWriteMember(id: found.id, name: found.name, isConfigured: false)
            logger.info(
                "Workable writes are recorded against the first active admin",
                metadata: ["workable.member": "\(found.id.rawValue)"])
            defaultMember = member
            return member
        } catch let error as WorkableAPIError where error.code == .invalidConfiguration {
            throw ATSError(
                code: .invalidInput, operation: operation, provider: .workable,
                message: "Workable records every candidate write against an account member, none is configured, "
                    + "and the account has no active admin to default to. Nothing was sent.",
                suggestion: "Name a member with --member-id or WORKABLE_MEMBER_ID (GET /members lists their ids).")
        } catch {
            throw WorkableErrors.translate(error, operation: operation, subject: "the account's members")
        }
    }
}

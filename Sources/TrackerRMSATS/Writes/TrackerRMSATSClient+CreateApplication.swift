public import ATSCore
import Foundation
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// Creates an application: finds the resource by normalised e-mail (trimmed, ignoring case) or
    /// creates it, then puts it on the job (`resourceApplication`, which gives the account's default
    /// Applied status). Never makes a duplicate: the server matches resources by e-mail and
    /// placements by resource and job (status 3 with the existing id), which also makes both creates
    /// safe to repeat after a lost answer; when the resource's create still ends in doubt, the
    /// resources are searched by e-mail before anything is said.
    /// - Parameter request: The job, the applicant (details with first name, last name and e-mail, or
    ///   a known candidate id), the source, custom fields (placement fields) and a resume.
    /// - Returns: The application and whether this call created it.
    /// - Throws: ``ATSCore/ATSError``: `invalidInput` for missing details or bad fields (nothing
    ///   sent), `notFound` for an unknown job or candidate, `outcomeUnknown` when it cannot tell.
    public func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult {
        let operation = ATSOperation.createApplication
        let fields = try await placementCustomFields(request.customFields, operation: operation)
        let details: CandidateDetails?
        switch request.applicant {
        case .details(let given):
            details = given
            try Self.checkApplicant(given)
        case .candidate: details = nil
        }
        return try await RMSErrors.mapping(operation) {
            let jobID = RMSRecordID(rawValue: request.job.rawValue)
            guard try await rms.record(RMSOpportunity.self, id: jobID) != nil else {
                throw RMSErrors.notFound("opportunity (job)", id: request.job.rawValue, operation: operation)
            }
            let resourceID: RMSRecordID
            switch request.applicant {
            case .candidate(let id): resourceID = try await resource(id, operation: operation).id
            case .details: resourceID = try await findOrCreateResource(details ?? CandidateDetails(), request: request)
            }
            let created = try await rms.createPlacement(
                resource: resourceID, opportunity: jobID, source: request.source ?? "")
            guard let placementID = created.recordID else {
                throw ATSError(
                    code: .outcomeUnknown, operation: operation.rawValue, provider: .trackerRMS,
                    message: "Tracker RMS accepted the application but its id could not be found.",
                    suggestion: "List the job's applications before creating it again.")
            }
            var warning: String?
            if !fields.isEmpty, !created.alreadyExisted {
                do {
                    try await rms.updateRecord(.placement, id: placementID, updates: [], customFields: fields)
                } catch {
                    warning = "The application was created, but its custom fields could not be set: \(error)"
                }
            }
            let application = try await self.application(ApplicationID(placementID.rawValue))
            var resume: Attachment?
            if let upload = request.resume, !created.alreadyExisted {
                do {
                    resume = try await uploadAttachment(upload, to: application.id)
                } catch {
                    let text = "The application was created, but the resume could not be attached: \(error)"
                    warning = warning.map { $0 + " " + text } ?? text
                }
            }
            return ApplicationCreationResult(
                application: application, wasCreated: !created.alreadyExisted, resume: resume, warning: warning)
        }
    }

    static func checkApplicant(_ details: CandidateDetails) throws {
        let missing = [
            ("first name", details.firstName), ("last name", details.lastName), ("e-mail", details.email),
        ].filter { ($0.1 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.0)
        guard missing.isEmpty else {
            throw RMSErrors.invalidInput(
                "An applicant needs a first name, a last name and an e-mail address; missing: "
                    + missing.joined(separator: ", ") + ". Nothing was sent.", operation: .createApplication)
        }
        let email = (details.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else {
            throw RMSErrors.invalidInput(
                "\"\(email)\" is not an e-mail address; nothing was sent.", operation: .createApplication)
        }
    }

    /// The resource with this e-mail address, made when there is none.
    private func findOrCreateResource(_ details: CandidateDetails, request: ApplicationCreationRequest)
        async throws -> RMSRecordID
    {
        let email = (details.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let first = (details.firstName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let last = (details.lastName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let existing = try await rms.findResources(email: email, nameHint: "\(first) \(last)").first {
            return existing.id
        }
        let resource = RMSNewResource(
            firstName: first, lastName: last, email: email, mobilePhone: details.phone ?? "",
            source: request.source ?? "")
        do {
            let outcome = try await rms.createResource(resource, overwrite: false)
            if let id = outcome.recordID { return id }
        } catch let error as TrackerRMSError where error.code == .outcomeUnknown || error.code == .transportFailure {
            // The create may have landed: a resource with this address (found by reading every
            // resource, since the name search may miss one) is the one it made, or an older one.
            if let found = try await rms.findResources(email: email).first { return found.id }
            throw ATSError(
                code: .outcomeUnknown, operation: ATSOperation.createApplication.rawValue, provider: .trackerRMS,
                message: "The candidate's creation was sent but its answer was lost, and no resource with "
                    + "\(email) can be found yet.", suggestion: "Run it again: it never makes a duplicate.",
                underlying: error)
        }
        if let found = try await rms.findResources(email: email).first { return found.id }
        throw ATSError(
            code: .outcomeUnknown, operation: ATSOperation.createApplication.rawValue, provider: .trackerRMS,
            message: "Tracker RMS accepted the candidate but no resource with \(email) can be found.",
            suggestion: "Run it again: it never makes a duplicate.")
    }
}

public import ATSCore
import Foundation
import TrackerAPI

extension TrackerATSClient {
    /// Creates an application for a person on a job, unless that person already applied there.
    ///
    /// Everything is checked before anything is sent: the applicant's first name, last name and
    /// e-mail (Tracker requires them), the custom fields against the application schema (required
    /// ones included), the resume's name, type and size, and that the job exists. Then the job's
    /// applications are read: one whose e-mail is the same once trimmed and lowercased is returned
    /// as is (`ApplicationCreationResult.wasCreated` false). Otherwise the application is created
    /// and the resume attached to it. When the answer to the create is lost, the job's applications
    /// are read again: the one that arrived is returned, and nothing is created twice.
    /// - Parameter request: The job, the applicant, source, custom fields and resume.
    /// - Returns: The application and whether it was created; a resume problem after creation is
    ///   reported in `ApplicationCreationResult.warning`, since the application exists.
    /// - Throws: `ATSError` (`ATSError.Code.invalidInput` for what would be refused,
    ///   `ATSError.Code.notFound` for an unknown job or candidate).
    public func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult {
        let operation = ATSOperation.createApplication
        let details = try await applicantDetails(request.applicant, operation: operation)
        guard let firstName = details.firstName?.trimmingSpaces, !firstName.isEmpty,
            let lastName = details.lastName?.trimmingSpaces, !lastName.isEmpty,
            let email = ContactNormalization.email(details.email), email.contains("@")
        else {
            throw inputError(
                operation, "Tracker needs a first name, a last name and an e-mail address to create an application.",
                suggestion: "Give all three (the e-mail is also how a repeated application is recognised).")
        }
        let fields = try await checkedApplicationFields(request.customFields, operation: operation, requiresAll: true)
        var resume: (upload: AttachmentUpload, check: UploadCheck)?
        if let upload = request.resume {
            let check = UploadCheck(settings: configuration.writes, operation: operation)
            try await check.verify(upload)
            resume = (upload, check)
        }
        let job = TrackerJobID(rawValue: request.job.rawValue)
        _ = try await fetchJob(request.job, operation: operation)
        if let existing = try await application(on: job, email: email, operation: operation) {
            return ApplicationCreationResult(
                application: try await mapApplication(existing, operation: operation), wasCreated: false)
        }
        let body = TrackerApplicationCreateRequest(
            jobID: job, firstName: firstName, lastName: lastName, email: details.email?.trimmingSpaces ?? email,
            phone: details.phone?.trimmingSpaces, source: request.source, customFields: fields)
        let created: TrackerApplication
        do {
            created = try await api.applications.create(body, logger: logger)
        } catch let error as TrackerAPIError where error.code == .outcomeUnknown || error.code == .malformedResponse {
            // The request may have arrived: look before anything is sent again.
            guard let arrived = try await application(on: job, email: email, operation: operation) else {
                throw Self.translate(error, operation: operation, subject: "the new application")
            }
            created = arrived
        } catch {
            throw Self.translate(error, operation: operation, subject: "the new application")
        }
        if let status = created.status { await apply(.status(status.rawValue)) }
        let application = try await mapApplication(created, operation: operation)
        guard let resume else { return ApplicationCreationResult(application: application, wasCreated: true) }
        do {
            let file = try await send(resume.upload, to: application.id, operation: operation)
            return ApplicationCreationResult(application: application, wasCreated: true, resume: file)
        } catch {
            return ApplicationCreationResult(
                application: application, wasCreated: true,
                warning: "Application \(application.id) was created, but attaching the resume failed: \(error)")
        }
    }

    private func applicantDetails(_ applicant: ApplicationCreationRequest.Applicant, operation: ATSOperation)
        async throws -> CandidateDetails
    {
        switch applicant {
        case .details(let details):
            return details
        case .candidate(let id):
            let person = try await fetchCandidate(id, operation: operation).person
            return CandidateDetails(
                firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone)
        }
    }

    /// The newest application on the job whose normalised e-mail is `email`.
    private func application(on job: TrackerJobID, email: String, operation: ATSOperation) async throws
        -> TrackerApplication?
    {
        var match: TrackerApplication?
        try await scanApplications(operation, jobID: job) { wire in
            guard ContactNormalization.email(wire.email) == email else { return }
            if let current = match, (current.id.integerValue ?? 0) > (wire.id.integerValue ?? 0) { return }
            match = wire
        }
        return match
    }
}

public import ATSCore
import Foundation
import WorkableAPI

extension WorkableATSClient {
    /// Creates an application (a candidate record in a job), or returns the one the person already
    /// has there: never a duplicate.
    ///
    /// The job is first read for a record with the same normalised e-mail (`GET /candidates?email=&
    /// shortcode=`); only when there is none is the record created, as sourced (no "thank you for
    /// applying" e-mail), with the request's source as Workable's `domain`. When the answer to the
    /// create is lost, or Workable says the candidate already exists, the job is read again and the
    /// record found there returned. Custom fields are written afterwards, one request each; a
    /// failure there is a warning on a created application.
    /// - Parameter request: The job, the applicant and custom fields (a resume cannot be given:
    ///   Workable's v3 has no file upload).
    /// - Returns: The application and whether this call created it.
    /// - Throws: `ATSError`: `invalidInput` (missing name or e-mail, a resume, unknown custom
    ///   fields; nothing is sent), `outcomeUnknown` (the answer was lost and the record is not
    ///   there yet: read the job again before creating again).
    public func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult {
        let operation = ATSOperation.createApplication
        func invalid(_ message: String, _ suggestion: String? = nil) -> ATSError {
            ATSError(
                code: .invalidInput, operation: operation.rawValue, provider: .workable,
                message: message + " Nothing was sent.", suggestion: suggestion)
        }
        if request.resume != nil {
            throw invalid(
                "Workable's SPI v3 cannot add a file to a candidate, so a resume cannot be attached.",
                "Create the application without the resume.")
        }
        let details: CandidateDetails
        switch request.applicant {
        case .details(let given): details = given
        case .candidate(let id):
            let person = try await candidate(id).person
            details = CandidateDetails(
                firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone)
        }
        let first = details.firstName?.trimmingCharacters(in: .whitespaces) ?? ""
        let last = details.lastName?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let email = WorkableCandidateIdentity.normalizedEmail(details.email) else {
            throw invalid("Workable needs an e-mail address for a new candidate.")
        }
        guard !first.isEmpty || !last.isEmpty else { throw invalid("Workable needs a name for a new candidate.") }
        let writes = try await customAttributeWrites(request.customFields, operation: operation)
        let job = WorkableShortcode(request.job.rawValue)
        if let existing = try await existingRecord(email: email, job: job, operation: operation) {
            return ApplicationCreationResult(application: existing, wasCreated: false)
        }
        var new = WorkableAPI.Candidates.NewCandidate(
            firstname: first.isEmpty ? nil : first, lastname: last.isEmpty ? nil : last,
            email: details.email?.trimmingCharacters(in: .whitespacesAndNewlines) ?? email,
            phone: details.phone, domain: request.source)
        new.name = [first, last].filter { !$0.isEmpty }.joined(separator: " ")
        let created: WorkableCandidate
        do {
            created = try await api.candidates.create(new, in: job, logger: logger)
        } catch let error as WorkableAPIError where error.code == .outcomeUnknown || Self.alreadyExists(error) {
            // The answer was lost, or a concurrent create won: the job itself says what exists.
            if let found = try await existingRecord(email: email, job: job, operation: operation) {
                return ApplicationCreationResult(application: found, wasCreated: error.code == .outcomeUnknown)
            }
            throw WorkableErrors.translate(error, operation: operation.rawValue, subject: "job \(job.rawValue)")
        } catch {
            throw WorkableErrors.translate(error, operation: operation.rawValue, subject: "job \(job.rawValue)")
        }
        var warning: String?
        if !writes.isEmpty {
            do {
                try await write(writes, to: created.id, operation: operation)
            } catch {
                warning = "The application was created, but its custom fields could not all be written: \(error)"
            }
        }
        let application =
            writes.isEmpty
            ? await map(created, operation: operation)
            : try await self.application(
                ApplicationID(created.id.rawValue))
        return ApplicationCreationResult(application: application, wasCreated: true, warning: warning)
    }

    /// The record a person (by normalised e-mail) has in a job, oldest first when there are several.
    func existingRecord(email: String, job: WorkableShortcode, operation: ATSOperation) async throws -> Application? {
        let request = WorkableAPI.Candidates.ListRequest(email: email, shortcode: job)
        let records = try await WorkableErrors.translating(operation, subject: "job \(job.rawValue)") {
            try await api.candidates.list(request, logger: logger).collect()
        }
        guard
            let record = records.first(where: {
                WorkableCandidateIdentity.normalizedEmail($0.email) == email && $0.jobShortcode == job
            })
        else { return nil }
        return await map(record, operation: operation)
    }

    /// Whether a 422 says the candidate is already in the job.
    static func alreadyExists(_ error: WorkableAPIError) -> Bool {
        error.code == .validationFailed
            && (error.validationErrors["email"] ?? []).contains {
                $0.localizedCaseInsensitiveContains("already exists")
            }
    }
}

import ATSCore
import ArgumentParser
import Foundation
import TrackerATS

/// `ats applications create`: creates an application, or finds the one the person already has.
struct ApplicationsCreateCommand: ClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an application for a person on a job (or show the one they already have).",
        discussion: """
            Give the person with --first-name, --last-name and --email, or an existing --candidate. If the same \
            e-mail (case and spaces ignored) already applied to the job, that application is shown and nothing \
            is created. Custom fields (--field name=value) are checked against the schema and a --resume file \
            against Tracker's size and type limits before anything is sent.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The job's id.") var job: String
    @Option(help: "An existing candidate's id (their details are copied).") var candidate: String?
    @Option(help: "First name.") var firstName: String?
    @Option(help: "Last name.") var lastName: String?
    @Option(help: "E-mail address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "Where the application came from.") var source: String?
    @Option(name: .customLong("field"), help: "A custom field value, name=value (repeatable).") var fields: [String] =
        []
    @Option(help: "A resume file to attach (PDF, Word, text …).") var resume: String?
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        if candidate != nil, firstName != nil || lastName != nil || email != nil || phone != nil {
            throw CommandFailure.usage("Give either --candidate or the person's details, not both.")
        }
        if candidate == nil, firstName == nil || lastName == nil || email == nil {
            throw CommandFailure.usage("Give --first-name, --last-name and --email (or --candidate ID).")
        }
        _ = try KeyValueArguments.parse(fields, what: "a --field")
    }

    func execute(_ client: any ATSClient, output: CommandOutput) async throws {
        let applicant: ApplicationCreationRequest.Applicant =
            if let candidate {
                .candidate(CandidateID(candidate))
            } else {
                .details(CandidateDetails(firstName: firstName, lastName: lastName, email: email, phone: phone))
            }
        let values = try KeyValueArguments.parse(fields, what: "a --field").mapValues(CustomFieldsSetCommand.value)
        let result = try await client.createApplication(
            ApplicationCreationRequest(
                job: JobID(job), applicant: applicant, source: source, customFields: values,
                resume: resume.map { AttachmentUpload.file(URL(fileURLWithPath: $0), kind: .resume) }))
        if json {
            output.line(try RecordJSON.line(CreatedObject(result)))
            return
        }
        let application = result.application
        output.line(
            result.wasCreated
                ? "Created application \(application.id) for \(application.applicant.fullName ?? "the applicant") "
                    + "on job \(application.jobID)."
                    + (result.resume.map { " Resume attached as file \($0.id)." } ?? "")
                : "\(application.applicant.email ?? "This person") already applied to job \(application.jobID): "
                    + "application \(application.id). Nothing was created.")
        if let warning = result.warning { output.line("Warning: \(warning)") }
    }

    struct CreatedObject: Encodable {
        var created: Bool
        var application: RecordJSON.ApplicationObject
        var resumeFileId: String?
        var warning: String?

        init(_ result: ApplicationCreationResult) {
            created = result.wasCreated
            application = RecordJSON.ApplicationObject(result.application)
            resumeFileId = result.resume?.id.rawValue
            warning = result.warning
        }
    }
}

import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// Tracker's field types onto the neutral ones, and values typed by the schemas.
@Suite struct CustomFieldTests {
    typealias Definition = TrackerCustomFieldDefinition

    @Test func trackerFieldTypesMapOntoNeutralTypes() {
        let cases: [(Definition, CustomFieldType)] = [
            (Definition(fieldName: "a", displayName: "A"), .text),
            (Definition(fieldName: "a", displayName: "A", fieldType: .string, inputType: .textField), .text),
            (Definition(fieldName: "a", displayName: "A", fieldType: .string, inputType: .textArea), .longText),
            (Definition(fieldName: "a", displayName: "A", fieldType: .integer), .integer),
            (Definition(fieldName: "a", displayName: "A", fieldType: .decimal), .decimal),
            (Definition(fieldName: "a", displayName: "A", fieldType: .boolean), .boolean),
            (
                Definition(fieldName: "a", displayName: "A", fieldType: .string, allowedValues: ["x", "y"]),
                .singleSelect(options: ["x", "y"])
            ),
            (
                Definition(fieldName: "a", displayName: "A", fieldType: .string, inputType: .select),
                .singleSelect(options: [])
            ),
            (Definition(fieldName: "a", displayName: "A", fieldType: "date"), .unknown("date")),
        ]
        for (definition, expected) in cases {
            #expect(TrackerFieldMappings.type(of: definition) == expected, "\(definition.jsonValue)")
        }
    }

    @Test func valuesAreTypedByTheirFieldsType() {
        #expect(CustomFieldTyping.value("3", as: .integer) == .integer(3))
        #expect(CustomFieldTyping.value(3.0, as: .integer) == .integer(3))
        #expect(CustomFieldTyping.value(12, as: .decimal) == .decimal("12"))
        #expect(CustomFieldTyping.value(" 12.50 ", as: .decimal) == .decimal("12.50"))
        #expect(CustomFieldTyping.value("yes", as: .boolean) == .boolean(true))
        #expect(CustomFieldTyping.value(0, as: .boolean) == .boolean(false))
        #expect(CustomFieldTyping.value(42, as: .text) == .text("42"))
        #expect(CustomFieldTyping.value(nil, as: .integer) == .null)
        // A value that does not fit its declared type is kept as sent, never dropped.
        #expect(CustomFieldTyping.value("about ten", as: .integer) == .text("about ten"))
        #expect(CustomFieldTyping.value(true, as: .unknown("date")) == .boolean(true))
    }

    @Test func definitionsComeFromTheSchemas() async throws {
        try await withSandboxClient { client, sandbox in
            let applications = try await client.customFieldDefinitions(for: .application)
            #expect(applications.map(\.name) == sandbox.control.applicationSchema().map(\.fieldName))
            #expect(applications.allSatisfy { $0.owner == .application })
            let years = try #require(applications.first { $0.name == "years_experience" })
            #expect(years.type == .integer)
            let relocate = try #require(applications.first { $0.name == "willing_to_relocate" })
            #expect(relocate.defaultValue == .boolean(false))
            let candidates = try await client.customFieldDefinitions(for: .candidate)
            #expect(candidates.map(\.name) == applications.map(\.name))
            #expect(candidates.allSatisfy { $0.owner == .candidate })
            let jobs = try await client.customFieldDefinitions(for: .job)
            #expect(jobs.first { $0.name == "department" }?.isRequired == true)
        }
    }

    @Test func recordValuesAreTypedEntries() async throws {
        try await withSandboxClient { client, sandbox in
            let truth = try #require(sandbox.control.applications().first { $0.customFields["desired_salary"] != nil })
            let entries = try await client.customFields(ofApplication: ApplicationID(String(truth.id)))
            #expect(entries.map(\.name) == sandbox.control.applicationSchema().map(\.fieldName))
            let salary = try #require(entries.first { $0.name == "desired_salary" })
            guard case .decimal(let text) = salary.value else {
                Issue.record("desired_salary should be a decimal, got \(salary.value)")
                return
            }
            guard case .double(let expected)? = truth.customFields["desired_salary"] else {
                Issue.record("the sandbox's desired_salary should be a number")
                return
            }
            #expect(Double(text) == expected)
            let unset = sandbox.control.applicationSchema().map(\.fieldName).filter { truth.customFields[$0] == nil }
            for name in unset { #expect(entries.first { $0.name == name }?.value == .null) }

            let job = try #require(sandbox.control.jobs().first)
            let jobEntries = try await client.customFields(ofJob: JobID(String(job.id)))
            #expect(
                jobEntries.first { $0.name == "is_confidential" }?.value
                    == job.customFields["is_confidential"]?.boolValue.map(CustomFieldValue.boolean))

            let application = try await client.application(ApplicationID(String(truth.id)))
            let candidate = try await client.candidate(application.candidateID)
            let candidateEntries = try await client.customFields(ofCandidate: candidate.id)
            #expect(candidateEntries.allSatisfy { $0.definition?.owner == .candidate })
            #expect(
                Dictionary(uniqueKeysWithValues: candidateEntries.map { ($0.name, $0.value) }).filter {
                    $0.value != .null
                } == candidate.customFields.filter { $0.value != .null })
        }
    }
}

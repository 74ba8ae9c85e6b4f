import Foundation
import Testing

@testable import TrackerSandbox

@Suite("Data generator: deterministic and realistic")
struct GeneratorTests {
    private let configuration = Fixture.configuration(applications: 3000, jobs: 40)
    private var generator: DataGenerator {
        DataGenerator(configuration: configuration, anchor: Fixture.start.epochSeconds)
    }

    @Test("the same seed gives the same records; another seed gives others")
    func deterministic() {
        let again = DataGenerator(configuration: configuration, anchor: Fixture.start.epochSeconds)
        var other = configuration
        other.seed = 43
        let different = DataGenerator(configuration: other, anchor: Fixture.start.epochSeconds)
        for id in [1, 2, 999, 3000] {
            #expect(generator.application(id) == again.application(id))
        }
        #expect((1...50).contains { generator.application($0) != different.application($0) })
    }

    @Test("timestamps: updated ≥ created, ids in creation order, spread over two years, none in the future")
    func timeline() {
        let anchor = generator.anchor
        var previous = Int64.min
        for id in 1...3000 {
            let record = generator.application(id)
            let created = record.createdAt.epochSeconds
            #expect(record.updatedAt >= record.createdAt)
            #expect(record.updatedAt.epochSeconds <= anchor)
            #expect(created >= previous)
            previous = created
        }
        let first = generator.application(1).createdAt.epochSeconds
        #expect(anchor - first > 700 * 86_400)
        #expect(anchor - first <= 731 * 86_400)
        for id in 1...40 {
            let job = generator.job(id)
            #expect(job.updatedAt >= job.createdAt)
        }
    }

    @Test("people apply to several jobs; e-mails vary in case and spaces; some have none")
    func people() throws {
        let records = (1...3000).map(generator.application)
        var byPerson: [String: [SandboxApplication]] = [:]
        for record in records {
            guard let email = record.email?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty else {
                continue
            }
            byPerson[email, default: []].append(record)
        }
        let repeaters = byPerson.values.filter { Set($0.map(\.jobID)).count > 1 }
        #expect(repeaters.count > 100, "people applying to several jobs")
        #expect(records.contains { $0.email == nil }, "missing e-mail")
        #expect(records.contains { $0.email == "" }, "empty e-mail")
        #expect(records.contains { ($0.email ?? "").hasPrefix(" ") || ($0.email ?? "").hasSuffix(" ") }, "spaces")
        let caseVariants = byPerson.values.filter { Set($0.compactMap(\.email)).count > 1 }
        #expect(!caseVariants.isEmpty, "the same address typed differently")
        let phoneShapes = Set(
            records.compactMap(\.phone).map { phone in
                String(phone.map { $0.isNumber ? "9" : $0 })
            })
        #expect(phoneShapes.count >= 5, "several phone formats: \(phoneShapes)")
        #expect(records.contains { $0.phone == nil })
        #expect(records.contains { $0.firstName.unicodeScalars.contains { !$0.isASCII } }, "non-ASCII names")
    }

    @Test("statuses come from the configured list; all of them occur")
    func statuses() {
        var custom = configuration
        custom.statuses = ["Applied", "Reviewed", "Rejected"]
        let generator = DataGenerator(configuration: custom, anchor: Fixture.start.epochSeconds)
        let seen = Set((1...3000).map { generator.application($0).status })
        #expect(seen == ["Applied", "Reviewed", "Rejected"])
        let defaults = Set((1...3000).map { self.generator.application($0).status })
        #expect(defaults == Set(SandboxConfiguration.defaultStatuses))
    }

    @Test("jobs fall in all four sets; custom fields cover all four types and a select")
    func jobsAndFields() {
        let visibilities = Set((1...40).map { generator.job($0).visibility })
        #expect(visibilities == Set(SandboxJob.Visibility.allCases))
        let types = Set(DataGenerator.initialApplicationSchema.map(\.fieldType))
        #expect(types == Set(SandboxCustomField.FieldType.allCases))
        #expect(DataGenerator.initialApplicationSchema.contains { !($0.whitelistValues ?? []).isEmpty })
        let values = (1...300).flatMap { generator.application($0).customFields.keys }
        #expect(Set(values) == Set(DataGenerator.initialApplicationSchema.map(\.fieldName)))
    }

    @Test("notes and files map to applications and back")
    func notesAndFiles() {
        for id in stride(from: 1, through: generator.noteCount, by: 7) {
            let applicationID = generator.noteApplicationID(id)
            #expect(generator.noteIDs(ofApplication: applicationID)?.contains(id) == true)
            let note = generator.note(id)
            #expect(note.createdAt >= generator.application(applicationID).createdAt)
        }
        for id in stride(from: 1, through: generator.fileCount, by: 11) {
            let file = generator.file(id)
            #expect(generator.fileIDs(ofApplication: file.applicationID)?.contains(id) == true)
            #expect(file.size > 0)
            if file.contentType == "application/pdf" {
                #expect(String(decoding: file.content.prefix(8), as: UTF8.self) == "%PDF-1.4")
            }
        }
        #expect((1...generator.fileCount).contains { generator.file($0).kind == "resume" })
        #expect((1...generator.fileCount).contains { generator.file($0).kind == "attachment" })
    }
}

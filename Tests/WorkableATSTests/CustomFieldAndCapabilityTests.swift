import ATSCore
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox

@Suite struct CustomFieldAndCapabilityTests {
    @Test func customAttributesAreTheSchemaAndWritesAreCheckedFirst() async throws {
        try await withWorkableClient(people: 5) { harness in
            let definitions = try await harness.client.customFieldDefinitions(for: .application)
            #expect(definitions.map(\.name) == ["notice_period", "relocate", "seniority"])
            #expect(definitions.last?.type == .singleSelect(options: ["Junior", "Mid", "Senior"]))
            #expect(try await harness.client.customFieldDefinitions(for: .job).isEmpty)
            let id = ApplicationID(try #require(harness.control.candidates.first?.id))
            let entries = try await harness.client.setCustomFields(
                ["Notice period": .text("1 month"), "relocate": .boolean(true), "seniority": .text("senior")],
                ofApplication: id)
            let values = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.value) })
            #expect(values["notice_period"] == .text("1 month"))
            #expect(values["relocate"] == .boolean(true))
            #expect(values["seniority"] == .text("Senior"))
            let wrongType = await atsError {
                _ = try await harness.client.setCustomFields(["relocate": .text("maybe")], ofApplication: id)
            }
            #expect(wrongType?.code == .invalidInput)
            let unknown = await atsError {
                _ = try await harness.client.setCustomFields(["favourite_colour": .text("red")], ofApplication: id)
            }
            #expect(unknown?.message.contains("no custom attribute") == true)
        }
    }

    @Test func everyOperationListedAsAvailableIsImplementedAndEveryOtherHasAReason() async throws {
        try await withWorkableClient(people: 3) { harness in
            let client: any ATSClient = harness.client
            let capabilities = client.capabilities
            #expect(capabilities.provider.rawValue == "workable")
            #expect(!capabilities.timestampsAreLocalTime)
            for operation in ATSOperation.all {
                if case .notSupported(let reason) = capabilities.support(for: operation) {
                    #expect(!reason.contains("does not implement"), "\(operation) needs a real reason")
                }
            }
            // Probe the operations with inputs that name no record: an implemented one reads the
            // provider (not found), a defaulted one refuses as a defect.
            func isImplemented(_ body: () async throws -> Void) async -> Bool {
                do {
                    try await body()
                    return true
                } catch let error as ATSError {
                    return !(error.code == .notSupported && (error.reason ?? "").contains("defect"))
                } catch {
                    return true
                }
            }
            let missing = ApplicationID("no-such-record")
            let probes: [(ATSOperation, () async throws -> Void)] = [
                (.application, { _ = try await client.application(missing) }),
                (.moveToStage, { _ = try await client.moveToStage(StageMoveRequest(application: missing, to: "x")) }),
                (.rejectApplication, { _ = try await client.reject(missing, options: RejectionOptions()) }),
                (
                    .bulkRejectApplications,
                    { _ = try await client.bulkReject(BulkRejectionRequest(applications: [missing])) }
                ),
                (.job, { _ = try await client.job("NOPE") }),
                (.enhancedJob, { _ = try await client.enhancedJob("NOPE") }),
                (.candidate, { _ = try await client.candidate("wr_nope") }),
                (.resume, { _ = try await client.resume(of: "wr_nope") }),
                (.applicationNotes, { _ = try await client.notes(ofApplication: missing) }),
                (.candidateNotes, { _ = try await client.notes(ofCandidate: "wr_nope") }),
                (.addApplicationNote, { _ = try await client.addNote(NoteDraft("x"), toApplication: missing) }),
                (.applicationAttachments, { _ = try await client.attachments(ofApplication: missing) }),
                (.candidateAttachments, { _ = try await client.attachments(ofCandidate: "wr_nope") }),
                (.applicationCustomFields, { _ = try await client.customFields(ofApplication: missing) }),
                (.candidateCustomFields, { _ = try await client.customFields(ofCandidate: "wr_nope") }),
                (
                    .setApplicationCustomFields,
                    { _ = try await client.setCustomFields(["x": .null], ofApplication: missing) }
                ),
            ]
            for (operation, probe) in probes {
                #expect(capabilities.support(for: operation).isAvailable)
                #expect(await isImplemented(probe), "\(operation) is listed but not implemented")
            }
            let upload = await atsError {
                _ = try await client.uploadAttachment(
                    AttachmentUpload(filename: "a.txt", source: .bytes(Data("a".utf8))), to: missing)
            }
            #expect(upload?.code == .notSupported)
            #expect(upload?.reason?.contains("SPI v3") == true)
        }
    }
}

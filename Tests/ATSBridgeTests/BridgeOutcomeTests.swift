import ATSBridge
import ATSCore
import Foundation
import Testing
import TrackerSandbox

/// The bridge's per-application outcomes, against two in-process Tracker sandboxes: one person
/// once per mapped target job, whatever their e-mail's case and spaces.
@Suite struct BridgeOutcomeTests {
    @Test func aFirstRunCreatesTheMissingFindsTheExistingAndReportsEveryApplication() async throws {
        try await withBridgeSandboxes { sandboxes in
            let mapped = sandboxes.mappedSourceApplications
            let unmapped = sandboxes.sourceSandbox.control.applications().filter {
                sandboxes.mapping[JobID(String($0.jobID))] == nil
            }
            #expect(!unmapped.isEmpty, "the source has applications on an unmapped job")
            // One applicant without an e-mail, and one the target already has under another spelling.
            let withoutEmail = try #require(mapped.first { BridgeEmail.normalized($0.email) != nil })
            _ = sandboxes.sourceSandbox.control.updateApplication(id: withoutEmail.id) { $0.email = "  " }
            let known = try #require(
                mapped.first { $0.id != withoutEmail.id && BridgeEmail.normalized($0.email) != nil })
            let knownJob = try #require(sandboxes.mapping[JobID(String(known.jobID))])
            let knownEmail = try #require(BridgeEmail.normalized(known.email))
            let plantedID = try await sandboxes.plantOnTarget(job: knownJob, email: "  \(knownEmail.uppercased()) ")

            let report = try await sandboxes.bridge().run()

            let total = sandboxes.sourceSandbox.control.applicationCount
            #expect(report.rows.count == total, "one row per source application")
            let unmappedIDs = Set(unmapped.map { ApplicationID(String($0.id)) })
            let skipped = report.rows.filter { unmappedIDs.contains($0.sourceID) }
            #expect(skipped.count == unmappedIDs.count)
            #expect(skipped.allSatisfy { $0.outcome == .skipped && $0.reason == .unmappedJob && $0.targetJob == nil })
            let noEmailRow = try #require(report.rows.first { $0.sourceID.rawValue == String(withoutEmail.id) })
            #expect(noEmailRow.outcome == .failed && noEmailRow.reason == .noEmail)
            let knownRow = try #require(report.rows.first { $0.sourceID.rawValue == String(known.id) })
            #expect(knownRow.outcome == .existing(plantedID), "matched across case and spaces")

            // Every person with an e-mail now has exactly one application on their mapped target job.
            let perPerson = sandboxes.targetApplicationsPerPerson()
            let expected = sandboxes.expectedPeople()
            #expect(Set(perPerson.keys) == expected)
            #expect(perPerson.values.allSatisfy { $0 == 1 }, "no duplicates: \(perPerson.filter { $0.value > 1 })")
            let created = report.rows.filter { $0.outcome.name == "created" }
            #expect(created.count == expected.count - 1, "everyone but the planted person was created")
            #expect(sandboxes.targetCreates == expected.count, "one POST per created person, plus the planted one")
            for row in created {
                let id = try #require(row.outcome.targetID.flatMap { Int($0.rawValue) })
                let application = try #require(sandboxes.targetSandbox.control.application(id: id))
                #expect(application.source == "Workable")
                #expect(String(application.jobID) == row.targetJob?.rawValue)
            }
            #expect(report.hasFailures, "the applicant without an e-mail failed")
        }
    }

    @Test func aReRunSendsNoCreateAndReportsEveryoneAsExisting() async throws {
        try await withBridgeSandboxes { sandboxes in
            let first = try await sandboxes.bridge().run()
            let postsAfterFirst = sandboxes.targetCreates
            #expect(first.counts["created", default: 0] > 0)

            let second = try await sandboxes.bridge().run()
            #expect(sandboxes.targetCreates == postsAfterFirst, "the re-run sent no create")
            #expect(second.counts["created", default: 0] == 0)
            #expect(
                second.counts["existing", default: 0] == first.counts["created", default: 0]
                    + first.counts["existing", default: 0])
            // Same target application for each source application, run after run.
            for (before, after) in zip(first.rows, second.rows) {
                #expect(before.sourceID == after.sourceID)
                #expect(before.outcome.targetID == after.outcome.targetID)
            }
        }
    }

    @Test func twoSourceJobsMappedToOneTargetJobGiveThePersonOneApplication() async throws {
        try await withBridgeSandboxes(sourceApplications: 40) { sandboxes in
            let sourceJobs = sandboxes.sourceSandbox.control.jobs().map(\.id).sorted()
            let shared = sandboxes.mapping[JobID(String(sourceJobs[0]))]
            let mapping = [
                JobID(String(sourceJobs[0])): try #require(shared), JobID(String(sourceJobs[1])): try #require(shared),
            ]
            // The same person on both source jobs, spelled differently.
            let onFirst = try #require(
                sandboxes.sourceSandbox.control.applications().first {
                    $0.jobID == sourceJobs[0] && BridgeEmail.normalized($0.email) != nil
                })
            let onSecond = try #require(
                sandboxes.sourceSandbox.control.applications().first { $0.jobID == sourceJobs[1] })
            _ = sandboxes.sourceSandbox.control.updateApplication(id: onSecond.id) {
                $0.email = " " + (onFirst.email ?? "").uppercased()
            }
            let bridge = ApplicationBridge(source: sandboxes.source, target: sandboxes.target, jobs: mapping)
            let report = try await bridge.run()
            let first = try #require(report.rows.first { $0.sourceID.rawValue == String(onFirst.id) })
            let second = try #require(report.rows.first { $0.sourceID.rawValue == String(onSecond.id) })
            #expect(first.outcome.targetID == second.outcome.targetID)
            #expect(sandboxes.targetApplicationsPerPerson().values.allSatisfy { $0 == 1 })
        }
    }

    @Test func duplicatesAlreadyOnTheTargetAreReportedAndTheOldestIsUsed() async throws {
        try await withBridgeSandboxes { sandboxes in
            let applicant = try #require(
                sandboxes.mappedSourceApplications.first { BridgeEmail.normalized($0.email) != nil })
            let job = try #require(sandboxes.mapping[JobID(String(applicant.jobID))])
            let email = try #require(BridgeEmail.normalized(applicant.email))
            let oldest = try await sandboxes.plantOnTarget(job: job, email: email)
            let newer = try await sandboxes.plantOnTarget(job: job, email: email.uppercased())
            // On another target job: never counts.
            let otherJob = try #require(Set(sandboxes.mapping.values).subtracting([job]).first)
            try await sandboxes.plantOnTarget(job: otherJob, email: email)

            let report = try await sandboxes.bridge().run()
            let row = try #require(report.rows.first { $0.sourceID.rawValue == String(applicant.id) })
            #expect(row.outcome == .existing(oldest))
            #expect(row.duplicates == [newer])
            #expect(row.reason == .duplicatesOnTarget)
        }
    }

    @Test func aCreateTheTargetRefusesFailsItsRowAndTheOthersGoOn() async throws {
        try await withBridgeSandboxes { sandboxes in
            let refused = try #require(
                sandboxes.mappedSourceApplications.first { BridgeEmail.normalized($0.email) != nil })
            // Tracker needs a last name; the source has none for this applicant.
            _ = sandboxes.sourceSandbox.control.updateApplication(id: refused.id) { $0.lastName = "" }
            let report = try await sandboxes.bridge().run()
            let row = try #require(report.rows.first { $0.sourceID.rawValue == String(refused.id) })
            #expect(row.outcome == .failed)
            #expect(row.reason == .createFailed)
            #expect(row.detail?.contains("last name") == true, "the target's reason: \(row.detail ?? "none")")
            #expect(report.counts["created", default: 0] > 0, "the others were created")
        }
    }

    @Test func anUnknownMappedJobStopsTheRunBeforeAnyWrite() async throws {
        try await withBridgeSandboxes { sandboxes in
            var mapping = sandboxes.mapping
            mapping[JobID("424242")] = JobID("1")
            let first = try #require(mapping.keys.sorted().first)
            mapping[first] = JobID("999999")
            let bridge = ApplicationBridge(source: sandboxes.source, target: sandboxes.target, jobs: mapping)
            let error = try await #require(throws: ATSError.self) { try await bridge.run() }
            #expect(error.code == .notFound)
            #expect(error.message.contains("424242 on the source"))
            #expect(error.message.contains("999999 on the target"))
            #expect(sandboxes.targetCreates == 0)
        }
    }

    @Test func aDryRunReportsWhatWouldBeCreatedAndWritesNothing() async throws {
        try await withBridgeSandboxes { sandboxes in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("bridge.journal")
            let journal = try FileBridgeJournal(url: file, bridge: "test", readOnly: true)
            let report = try await sandboxes.bridge(journal: journal).run(dryRun: true)
            #expect(report.isDryRun)
            #expect(report.creates == sandboxes.expectedPeople().count, "one create per person and job")
            #expect(report.counts["would_create", default: 0] >= report.creates)
            #expect(report.counts["created", default: 0] == 0)
            #expect(sandboxes.targetSandbox.control.requestLog().allSatisfy { $0.method == "GET" }, "only reads")
            #expect(!FileManager.default.fileExists(atPath: file.path), "no journal file made")
        }
    }

    @Test func aLostJournalMakesNoDuplicate() async throws {
        try await withBridgeSandboxes { sandboxes in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("bridge.journal")
            let journal = try FileBridgeJournal(url: file, bridge: "test")
            _ = try await sandboxes.bridge(journal: journal).run()
            await journal.close()
            let posts = sandboxes.targetCreates
            try FileManager.default.removeItem(at: file)

            let fresh = try FileBridgeJournal(url: file, bridge: "test")
            let report = try await sandboxes.bridge(journal: fresh).run()
            await fresh.close()
            #expect(sandboxes.targetCreates == posts, "nothing created again")
            #expect(report.counts["created", default: 0] == 0)
            #expect(sandboxes.targetApplicationsPerPerson().values.allSatisfy { $0 == 1 })
        }
    }
}

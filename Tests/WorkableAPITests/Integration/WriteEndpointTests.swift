import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

@Suite struct WriteEndpointTests {
    /// Runs `body` and returns the WorkableAPIError it throws.
    func apiError(_ body: () async throws -> Void) async -> WorkableAPIError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? WorkableAPIError
        }
    }

    @Test func createFindsTheDuplicateAndEditChangesContactFields() async throws {
        try await withWorkableHarness { harness in
            let shortcode = WorkableShortcode(try #require(harness.control.jobs.first?.shortcode))
            var new = WorkableAPI.Candidates.NewCandidate(
                name: "Zoë Quinn", email: "zoe.quinn@example.com", phone: "+30 210 000 0000", sourced: false,
                domain: "Workable")
            new.tags = ["bridge"]
            let created = try await harness.api.candidates.create(new, in: shortcode)
            #expect(created.name == "Zoë Quinn")
            #expect(created.stage == "Applied")
            #expect(harness.control.candidates.last?.id == created.id.rawValue)

            new.email = "  ZOE.QUINN@example.com "
            let duplicate = await apiError { _ = try await harness.api.candidates.create(new, in: shortcode) }
            #expect(duplicate?.code == .validationFailed)
            #expect(duplicate?.validationErrors["email"] == ["candidate already exists"])
            #expect(duplicate?.description.contains("email: candidate already exists") == true)

            let inStage = try await harness.api.candidates.create(
                .init(firstname: "Sam", lastname: "Ode", email: "sam@example.com"), in: shortcode, stage: "interview")
            #expect(inStage.stage == "Interview")

            let edited = try await harness.api.candidates.update(created.id, fields: ["phone": "+44 20 1234 5678"])
            #expect(edited.phone == "+44 20 1234 5678")
            let refused = await apiError {
                _ = try await harness.api.candidates.update(created.id, fields: ["stage": "x"])
            }
            #expect(refused?.code == .validationFailed)
            #expect(refused?.validationErrors["stage"] != nil)
        }
    }

    @Test func moveDisqualifyRevertNameAMemberAndChangeTheRecord() async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first { !$0.isDisqualified && $0.stageSlug != "offer" })
            let id = WorkableCandidateID(truth.id)
            let pipeline = try #require(harness.control.jobs.first { $0.shortcode == truth.shortcode }?.pipeline)
            try await harness.api.candidates.move(id, to: "offer", by: harness.admin)
            #expect(harness.control.candidates.first { $0.id == truth.id }?.stageSlug == "offer")
            #expect(harness.control.activities(of: truth.id).last?.memberID == harness.admin.rawValue)

            let outside = await apiError {
                try await harness.api.candidates.move(id, to: "no-such-stage", by: harness.admin)
            }
            #expect(outside?.code == .validationFailed)
            #expect(outside?.validationErrors["target_stage"] != nil)
            #expect(pipeline.contains("offer"))

            let inactive = WorkableMemberID(try #require(harness.control.members.first { !$0.active }?.id))
            let refused = await apiError { try await harness.api.candidates.move(id, to: "hired", by: inactive) }
            #expect(refused?.validationErrors["member_id"] != nil)

            let withdrewReason = try #require(harness.control.reasons.first { $0.withdrew })
            try await harness.api.candidates.disqualify(
                id, by: harness.admin, reason: .id(WorkableDisqualificationReasonID(withdrewReason.id)),
                note: "Took a job")
            var record = try #require(harness.control.candidates.first { $0.id == truth.id })
            #expect(record.isDisqualified && record.withdrew)
            #expect(record.disqualificationReason == withdrewReason.text)

            try await harness.api.candidates.revert(id, by: harness.admin)
            record = try #require(harness.control.candidates.first { $0.id == truth.id })
            #expect(!record.isDisqualified)

            try await harness.api.candidates.disqualify(id, by: harness.admin, reason: .text("Salary expectations"))
            record = try #require(harness.control.candidates.first { $0.id == truth.id })
            #expect(record.disqualificationReason == "Salary expectations" && !record.withdrew)

            let longNote = await apiError {
                try await harness.api.candidates.disqualify(
                    id, by: harness.admin, note: String(repeating: "x", count: 257))
            }
            #expect(longNote?.validationErrors["disqualify_note"] != nil)
            let unknownReason = await apiError {
                try await harness.api.candidates.disqualify(id, by: harness.admin, reason: .id("ffffff"))
            }
            #expect(unknownReason?.validationErrors["disqualify_reason_id"] != nil)
        }
    }

    @Test func commentsRatingsTagsAndCustomAttributes() async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first)
            let id = WorkableCandidateID(truth.id)
            let commentID = try await harness.api.candidates.comment(
                id, body: "Great call — next round ✓", by: harness.admin)
            let activities = try await harness.api.candidates.activities(id).collect()
            let comment = try #require(activities.first { $0.id == commentID })
            #expect(comment.isComment && comment.body == "Great call — next round ✓")
            #expect(comment.memberID == harness.admin)
            let blank = await apiError {
                _ = try await harness.api.candidates.comment(id, body: "  ", by: harness.admin)
            }
            #expect(blank?.code == .validationFailed)

            let ratingID = try await harness.api.candidates.rate(id, grade: 3, scale: "stars", by: harness.admin)
            #expect(harness.control.activities(of: truth.id).contains { $0.id == ratingID && $0.action == "rating" })

            let tags = try await harness.api.candidates.setTags(id, ["senior", "remote"])
            #expect(tags == ["senior", "remote"])
            #expect(harness.control.candidates.first { $0.id == truth.id }?.tags == ["senior", "remote"])

            try await harness.api.candidates.setCustomAttribute(id, key: "seniority", value: .choices(["c3"]))
            try await harness.api.candidates.setCustomAttribute(id, key: "notice_period", value: .text("1 month"))
            let full = try await harness.api.candidates.get(id)
            #expect(full.customAttributes["seniority"] == .array(["Senior"]))
            #expect(full.customAttributes["notice_period"] == "1 month")
            let unknown = await apiError {
                try await harness.api.candidates.setCustomAttribute(id, key: "nope", value: .text("x"))
            }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test func copyMakesANewRecordAndRelocateKeepsTheID() async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first)
            let other = try #require(harness.control.jobs.first { $0.shortcode != truth.shortcode })
            let id = WorkableCandidateID(truth.id)
            let copy = try await harness.api.candidates.copy(
                id, to: WorkableShortcode(other.shortcode), stage: "applied", by: harness.admin)
            #expect(copy.id != id)
            #expect(copy.originatingCandidateID == id)
            #expect(copy.jobShortcode?.rawValue == other.shortcode)
            try await harness.api.candidates.relocate(id, to: WorkableShortcode(other.shortcode), by: harness.admin)
            #expect(harness.control.candidates.first { $0.id == truth.id }?.shortcode == other.shortcode)
        }
    }

    @Test func subscriptionsAreCreatedListedRefusedTwiceAndDeleted() async throws {
        try await withWorkableHarness { harness in
            let id = try await harness.api.subscriptions.create(
                target: "http://127.0.0.1:9/hook?event=moved", event: "candidate_moved")
            let listed = try await harness.api.subscriptions.list()
            #expect(listed.map(\.id) == [id])
            #expect(listed.first?.event == "candidate_moved")
            let again = await apiError {
                _ = try await harness.api.subscriptions.create(
                    target: "http://127.0.0.1:9/hook?event=moved", event: "candidate_moved")
            }
            #expect(again?.code == .conflict)
            let filtered = await apiError {
                _ = try await harness.api.subscriptions.create(
                    target: "http://127.0.0.1:9/e", event: "employee_created", job: "SBX")
            }
            #expect(filtered?.validationErrors["args"] != nil)
            try await harness.api.subscriptions.delete(id)
            #expect(harness.control.subscriptions.isEmpty)
            let missing = await apiError { try await harness.api.subscriptions.delete(id) }
            #expect(missing?.code == .notFound)
        }
    }
}

@Suite struct DefaultMemberTests {
    @Test func theFirstActiveAdminIsTheDefaultMember() async throws {
        try await withWorkableHarness { harness in
            let member = try await harness.api.account.defaultMember()
            #expect(member.id == harness.admin)
            #expect(member.name == "Avery Admin")
            // The inactive admin listed first is passed over.
            #expect(harness.control.members.first?.active == false)
        }
    }
}

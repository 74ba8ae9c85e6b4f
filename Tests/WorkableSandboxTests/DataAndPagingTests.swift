import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Testing
import WorkableSandbox

@Suite struct DataAndPagingTests {
    @Test func theSeedMakesTheSamePersonInSeveralJobsWithVaryingEmails() async throws {
        let first = try await withSandbox { _, sandbox, _ in sandbox.control.candidates }
        let again = try await withSandbox { _, sandbox, _ in sandbox.control.candidates }
        #expect(first == again)
        let people = Dictionary(
            grouping: first.compactMap { record in
                record.email.map { ($0.trimmingCharacters(in: .whitespaces).lowercased(), record) }
            }, by: \.0)
        let multi = people.values.filter { $0.count > 1 }
        #expect(!multi.isEmpty)
        #expect(multi.contains { Set($0.map { $0.1.email }).count > 1 })
        #expect(multi.contains { group in group.contains { $0.1.email?.hasPrefix(" ") == true } })
        #expect(multi.allSatisfy { Set($0.map(\.1.shortcode)).count == $0.count })
        #expect(first.contains { $0.email == nil })
        #expect(zip(first, first.dropFirst()).allSatisfy { $0.createdAtMillis <= $1.createdAtMillis })
        // Ids are hex text of varying length: their order is not the insertion order.
        let ids = first.map(\.id)
        #expect(Set(ids.map(\.count)).count > 1)
        #expect(ids != ids.sorted())
    }

    @Test func pagesFollowNextOnTheLegacyFormWithSinceIDOfTheNextRecord() async throws {
        try await withSandbox { wire, sandbox, _ in
            let truth = sandbox.control.candidates
            let first = try await wire.get("/candidates?limit=10&shortcode=")
            #expect(first.list("candidates").isEmpty)
            var answer = try await wire.get("/candidates?limit=10")
            var seen: [String] = answer.list("candidates").compactMap { $0["id"] as? String }
            let next = try #require((answer.object["paging"] as? [String: Any])?["next"] as? String)
            #expect(next.hasPrefix(sandbox.baseURL + "/accounts/\(sandbox.subdomain)/candidates?limit=10"))
            #expect(next.hasSuffix("since_id=\(truth[10].id)"))
            var link: String? = next
            while let url = link {
                answer = try await wire.send(.GET, url, absolute: true)
                seen += answer.list("candidates").compactMap { $0["id"] as? String }
                link = (answer.object["paging"] as? [String: Any])?["next"] as? String
            }
            #expect(seen == truth.map(\.id))
            #expect(answer.object["paging"] == nil)
            #expect(try await wire.get("/candidates").list("candidates").count == min(50, truth.count))
            #expect(try await wire.get("/candidates?limit=500").list("candidates").count == min(100, truth.count))
            let bad = try await wire.get("/candidates?limit=many")
            #expect(bad.status == 422)
            #expect((bad.object["validation_errors"] as? [String: [String]])?["limit"] != nil)
        }
    }

    @Test func timeFiltersAreStrictAndAcceptEveryDocumentedForm() async throws {
        try await withSandbox { wire, sandbox, _ in
            let truth = sandbox.control.candidates
            let pivot = truth[truth.count / 2]
            let millis = pivot.updatedAtMillis
            let iso = ISO8601DateFormatter()
            iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let text = iso.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
            let strict = try await wire.get(
                "/candidates?limit=100&updated_after=\(text.replacingOccurrences(of: "+", with: "%2B"))")
            let ids = strict.list("candidates").compactMap { $0["id"] as? String }
            #expect(ids == truth.filter { $0.updatedAtMillis > millis }.map(\.id))
            let unix = try await wire.get("/candidates?limit=100&created_after=\(millis / 1000)")
            #expect(unix.list("candidates").count == truth.filter { $0.createdAtMillis > millis / 1000 * 1000 }.count)
            let day = try await wire.get("/candidates?limit=100&created_after=2000-01-01")
            #expect(day.list("candidates").count == truth.count)
            let offset = try await wire.get("/candidates?limit=100&created_after=2000-01-01T02:00:00%2B02:00")
            #expect(offset.list("candidates").count == truth.count)
            let bad = try await wire.get("/candidates?updated_after=yesterday")
            #expect(bad.status == 422)
            let email = try #require(truth.first { $0.email?.hasPrefix(" ") == true }?.email)
            let byEmail = try await wire.get(
                "/candidates?email=\(email.trimmingCharacters(in: .whitespaces).uppercased())")
            #expect(byEmail.list("candidates").count >= 2)
        }
    }

    @Test func recordsCarryTheContractsFields() async throws {
        try await withSandbox { wire, sandbox, _ in
            let item = try #require(try await wire.get("/candidates?limit=1").list("candidates").first)
            for key in [
                "id", "name", "firstname", "job", "stage", "stage_kind", "disqualified", "created_at", "updated_at",
                "email", "domain", "account",
            ] {
                #expect(item.keys.contains(key), "list item lacks \(key)")
            }
            let id = try #require(item["id"] as? String)
            let full = try #require(try await wire.get("/candidates/\(id)").object["candidate"] as? [String: Any])
            for key in [
                "resume_url", "resume_metadata", "tags", "custom_attributes", "disqualified_at",
                "originating_candidate_id",
            ] {
                #expect(full.keys.contains(key), "full record lacks \(key)")
            }
            let reasons = try await wire.get("/disqualification_reasons")
            #expect((reasons.json as? [[String: Any]])?.count == sandbox.control.reasons.count)
            let members = try await wire.get("/members").list("members")
            #expect(members.allSatisfy { $0["roles"] is [String] && $0["active"] as? Bool == true })
            let shortcode = try #require(sandbox.control.jobs.first?.shortcode)
            let stages = try await wire.get("/jobs/\(shortcode)/stages").list("stages")
            #expect(stages.allSatisfy { $0["id"] is NSNumber && $0["slug"] is String })
            #expect(try await wire.get("/jobs?state=open").status == 422)
            let job = try await wire.get("/jobs/\(shortcode)").object
            #expect(job["shortcode"] as? String == shortcode)
            #expect(job["full_description"] is String)
        }
    }

    @Test func backgroundChangesFollowTheInjectedClock() async throws {
        try await withSandbox({ $0.behavior.mutationInterval = .seconds(60) }) { wire, sandbox, clock in
            _ = try await wire.get("/stages")
            #expect(sandbox.control.mutationsApplied == 0)
            clock.advance(by: .seconds(300))
            let before = sandbox.control.candidates.count
            _ = try await wire.get("/stages")
            #expect(sandbox.control.mutationsApplied == 5)
            #expect(sandbox.control.candidates.count >= before)
            _ = try await wire.get("/stages")
            #expect(sandbox.control.mutationsApplied == 5)
        }
    }
}

@Suite struct SandboxDeletionTests {
    @Test func aDeletedRecordLeavesThePagingOrderWithItsActivitiesAndFiles() async throws {
        var configuration = WorkableSandboxConfiguration(personCount: 8)
        configuration.behavior.rateLimit = nil
        try await withWorkableSandbox(configuration) { sandbox in
            let before = sandbox.control.candidates.map(\.id)
            let victim = before[2]
            #expect(sandbox.control.delete(candidateID: victim))
            #expect(!sandbox.control.delete(candidateID: victim))
            #expect(sandbox.control.candidates.map(\.id) == before.filter { $0 != victim })
            #expect(sandbox.control.activities(of: victim).isEmpty)
            #expect(sandbox.control.files(of: victim).isEmpty)
        }
    }
}

@Suite struct SandboxPipelineKnobTests {
    @Test func withoutJobPipelinesTheEndpointAnswers404() async throws {
        var configuration = WorkableSandboxConfiguration(personCount: 2)
        configuration.behavior.rateLimit = nil
        configuration.behavior.lacksJobPipelines = true
        try await withWorkableSandbox(configuration) { sandbox in
            let shortcode = try #require(sandbox.control.jobs.first?.shortcode)
            var request = HTTPClientRequest(url: sandbox.baseURL + "/jobs/\(shortcode)/stages")
            request.headers.add(name: "Authorization", value: "Bearer " + sandbox.token)
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(response.status.code == 404)
            _ = try await response.body.collect(upTo: 1 << 16)
        }
    }
}

import Foundation
import Testing
import TrackerSandbox

@Suite("Mutations: updates, insertions and deletions while clients page")
struct MutationTests {
    @Test("mutate(count:) is deterministic and the API reflects every change")
    func deterministic() async throws {
        let changes = try await Fixture.run { sandbox, wire in
            let changes = sandbox.control.mutate(count: 60)
            #expect(Set(changes.map(\.kind)) == [.updated, .inserted, .deleted])
            let truth = sandbox.control.applications()
            let listed = try await wire.all("/applications", perPage: 37)
            #expect(listed.compactMap { $0.id() } == truth.map(\.id))
            #expect(sandbox.control.applicationCount == truth.count)
            let deleted = sandbox.control.deletedApplicationIDs()
            #expect(deleted.sorted() == Set(changes.filter { $0.kind == .deleted }.map(\.applicationID)).sorted())
            for id in deleted.prefix(3) {
                #expect((try await wire.get("/applications/\(id)")).status == 404)
            }
            for change in changes where change.kind == .inserted {
                #expect(change.applicationID > 300)
            }
            return changes
        }
        let again = try await Fixture.run { sandbox, _ in sandbox.control.mutate(count: 60) }
        #expect(changes == again)
    }

    @Test("a deletion shifts every later offset page by one")
    func offsetShift() async throws {
        try await Fixture.run { sandbox, wire in
            let before = try (try await wire.get("/applications?page=2&per_page=100")).array()
            #expect(before.first?.id() == 101)
            #expect(sandbox.control.deleteApplication(id: 50))
            let after = try await wire.get("/applications?page=2&per_page=100")
            #expect(try after.array().first?.id() == 102)
            #expect(after.header("Total-Count") == "299")
            #expect(sandbox.control.notes().allSatisfy { $0.applicationID != 50 }, "notes go with the application")
        }
    }

    @Test("changed records carry the clock's time and show up in updated_after")
    func updatedAfterSeesChanges() async throws {
        let clock = ManualSandboxClock(start: Fixture.start)
        try await Fixture.run(Fixture.configuration(clock: clock)) { sandbox, wire in
            clock.advance(by: .seconds(7200))
            let changes = sandbox.control.mutate(count: 20)
            let updated = sandbox.control.updateApplication(id: 3) { $0.phone = "555-0000" }
            #expect(updated?.updatedAt == Fixture.start.addingTimeInterval(7200))
            let live = Set(sandbox.control.applications().map(\.id))
            let expected = Set(changes.filter { $0.kind != .deleted }.map(\.applicationID)).union([3]).intersection(
                live)
            let since = try await wire.all("/applications?updated_after=2024-06-15T14:00:00Z")
            #expect(Set(since.compactMap { $0.id() }) == expected)
            #expect(since.allSatisfy { $0.string("updated_at") == "2024-06-15T07:00:00" }, "naive Los Angeles time")
        }
    }

    @Test("a background mutation rate changes the data while the server runs")
    func backgroundRate() async throws {
        try await Fixture.run(Fixture.configuration(behavior: SandboxBehavior(mutationRate: 500))) { sandbox, wire in
            try await sandbox.control.awaitMutations(atLeast: 10)
            try sandbox.control.updateBehavior { $0.mutationRate = 0 }
            let truth = sandbox.control.applications()
            let listed = try await wire.all("/applications")
            // With the rate back at 0 nothing changes between the two reads.
            #expect(listed.compactMap { $0.id() } == truth.map(\.id))
            #expect(sandbox.control.mutationCount >= 10)
            #expect(truth.count != 300 || !sandbox.control.events().isEmpty)
        }
    }
}

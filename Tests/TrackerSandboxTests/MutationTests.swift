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

    @Test("a background mutation rate changes the data as the sandbox clock moves, not the wall clock")
    func backgroundRate() async throws {
        let clock = ManualSandboxClock(start: Fixture.start)
        let behavior = SandboxBehavior(mutationRate: 10)
        try await Fixture.run(Fixture.configuration(clock: clock, behavior: behavior)) { sandbox, wire in
            // The clock has not moved: however long the machine takes, nothing changed yet.
            _ = try await wire.get("/applications?per_page=1")
            #expect(sandbox.control.mutationCount == 0)
            // 2 s of sandbox time at 10 per second: exactly 20 changes, made when a request arrives.
            clock.advance(by: .seconds(2))
            _ = try await wire.get("/applications?per_page=1")
            #expect(sandbox.control.mutationCount == 20)
            try sandbox.control.updateBehavior { $0.mutationRate = 0 }
            clock.advance(by: .seconds(5))
            let truth = sandbox.control.applications()
            let listed = try await wire.all("/applications")
            // With the rate back at 0 nothing changes between the two reads.
            #expect(listed.compactMap { $0.id() } == truth.map(\.id))
            #expect(sandbox.control.mutationCount == 20)
        }
    }

    /// What an account looked like after a run of background changes, for comparing two runs.
    struct AccountSnapshot: Equatable {
        var mutations: Int
        var applications: [String]
        var deleted: [Int]
        var files: [Int]
    }

    /// Runs a sandbox with a background mutation rate whose clock moves in `steps`, with requests
    /// in between (as a client's waits would move it), and returns what the account became.
    static func backgroundRun(seed: UInt64, steps: [Duration]) async throws -> AccountSnapshot {
        let clock = ManualSandboxClock(start: Fixture.start)
        var configuration = Fixture.configuration(clock: clock, behavior: SandboxBehavior(mutationRate: 37))
        configuration.seed = seed
        return try await Fixture.run(configuration) { sandbox, wire in
            for step in steps {
                clock.advance(by: step)
                _ = try await wire.get("/files?per_page=3")
            }
            try sandbox.control.updateBehavior { $0.mutationRate = 0 }
            return AccountSnapshot(
                mutations: sandbox.control.mutationCount,
                applications: sandbox.control.applications().map {
                    "\($0.id) \($0.status) \($0.email ?? "") \($0.updatedAt.timeIntervalSince1970)"
                },
                deleted: sandbox.control.deletedApplicationIDs().sorted(),
                files: sandbox.control.files().map(\.id))
        }
    }

    @Test("two runs with the same seed and the same clock make the same changes")
    func backgroundChangesFollowTheSeedAndTheClock() async throws {
        let steps: [Duration] = [.milliseconds(250), .seconds(1), .milliseconds(40), .seconds(3), .milliseconds(720)]
        let first = try await Self.backgroundRun(seed: 7_001, steps: steps)
        let second = try await Self.backgroundRun(seed: 7_001, steps: steps)
        // 5.01 s of sandbox time at 37 per second.
        #expect(first.mutations == 185)
        #expect(first == second)
        let otherSeed = try await Self.backgroundRun(seed: 7_002, steps: steps)
        #expect(otherSeed.mutations == 185)
        #expect(otherSeed != first, "the seed decides the changes")
    }
}

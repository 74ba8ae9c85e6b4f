import ATSCore
import ArgumentParser
import Foundation
import Testing
import TrackerATS

@testable import ATSCommands

@Suite struct CoverageCommandTests {
    /// docs/COVERAGE.md is generated; this fails when the capabilities in code change without it.
    @Test func theCheckedInCoverageDocumentMatchesTheCode() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: repository.appendingPathComponent("docs/COVERAGE.md"), encoding: .utf8)
        let generated = CoverageMatrix(providers: CoverageCommand.columns(registry: .standard)).markdown()
        #expect(
            document == generated,
            "docs/COVERAGE.md is stale: run `swift run ats coverage --markdown > docs/COVERAGE.md`"
        )
    }

    /// The seed's hybrid (Workable applicants into Tracker) has its own column: Tracker's operations,
    /// the applications stream described as bridged.
    @Test func theHybridIsAColumnNextToItsTwoProviders() throws {
        let columns = CoverageCommand.columns(registry: .standard).map(\.provider.rawValue)
        #expect(columns == ["tracker", "tracker-rms", "workable", "tracker_workable"])
        let hybrid = try #require(CoverageCommand.columns(registry: .standard).last)
        #expect(hybrid.support(for: .streamApplications).note?.contains("workable applications on mapped jobs") == true)
        #expect(hybrid.support(for: .moveToStage) == ATSCapabilities.tracker.support(for: .moveToStage))
    }

    @Test func jsonLinesNameEveryOperationOnce() throws {
        let lines = CoverageRendering.jsonLines(CoverageMatrix(providers: [.tracker]))
        #expect(lines.count == ATSOperation.all.count)
        let first = try #require(lines.first { $0.contains(#""operation":"dispositionReasons""#) })
        #expect(first.contains(#""support":"not_supported""#))
        #expect(first.contains(#""provider":"tracker""#))
    }

    @Test func trackerCannotListStagesOrRejectionReasons() {
        #expect(ATSCapabilities.tracker.supportsDispositionReasons == false)
        #expect(ATSCapabilities.tracker.supportsStageEnumeration == false)
        #expect(ATSCapabilities.tracker.noteFormat == .plain)
    }

    @Test func refusesTwoOutputFormatsAtOnce() {
        #expect(throws: (any Error).self) {
            _ = try ATSCommand.parseAsRoot(["coverage", "--json", "--markdown"])
        }
    }
}

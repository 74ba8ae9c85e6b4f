import ATSBridge
import ATSCore
import ArgumentParser
import TrackerATS
import WorkableATS

/// `ats coverage`: prints which operations each provider supports.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show which operations each provider supports, and why not where it cannot.",
        discussion: "docs/COVERAGE.md is this command's --markdown output; CI checks that they agree."
    )

    @Flag(help: "Print JSON Lines, one object per operation and provider (one column per provider otherwise).")
    var json = false

    @Flag(help: "Print the Markdown document kept in docs/COVERAGE.md.")
    var markdown = false

    func validate() throws {
        if json && markdown {
            throw ValidationError("Choose one of --json and --markdown.")
        }
    }

    /// One column per registered provider, then the seed's hybrid (Workable applicants into
    /// Tracker, `ats bridge` and `HybridATSClient`) when both are registered.
    static func columns(registry: ProviderRegistry) -> [ATSCapabilities] {
        let providers = registry.capabilities
        guard let tracker = providers.first(where: { $0.provider == .tracker }),
            providers.contains(where: { $0.provider == .workable })
        else { return providers }
        return providers + [HybridATSClient.capabilities(target: tracker, source: .workable)]
    }

    func run() throws {
        let matrix = CoverageMatrix(providers: Self.columns(registry: ProviderRegistry.active))
        if markdown {
            print(matrix.markdown(), terminator: "")
        } else if json {
            for line in CoverageRendering.jsonLines(matrix) { print(line) }
        } else {
            print(CoverageRendering.table(matrix))
        }
    }
}

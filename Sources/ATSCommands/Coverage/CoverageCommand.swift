import ATSCore
import ArgumentParser
import TrackerATS

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

    func run() throws {
        let matrix = CoverageMatrix(providers: ProviderRegistry.active.capabilities)
        if markdown {
            print(matrix.markdown(), terminator: "")
        } else if json {
            for line in CoverageRendering.jsonLines(matrix) { print(line) }
        } else {
            print(CoverageRendering.table(matrix))
        }
    }
}

import ArgumentParser

/// `ats sandbox`: runs the Tracker sandbox server. (Placeholder until the sandbox lands.)
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local server that behaves like Tracker."
    )
}

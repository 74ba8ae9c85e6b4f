public import Foundation

/// The `ats` command line the process tests run.
public enum ATSExecutable {
    /// The `ats` SwiftPM builds next to the test bundle, or the one `ATSKIT_ATS_EXECUTABLE` names
    /// (`scripts/release-check` points the process suites at a release build this way); nil when
    /// neither is an executable file, so that a test can be skipped instead of failing.
    public static let url: URL? = {
        let candidate =
            ProcessInfo.processInfo.environment["ATSKIT_ATS_EXECUTABLE"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ats")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()
}

import Logging

/// Where the commands' logs go: standard error, from the level `--log-level` (or `ATS_LOG_LEVEL`)
/// names. Nothing the libraries log carries a password, at any level; the secrets suite checks that.
enum CommandLogging {
    /// Replaces standard error as the destination, for tests that read what was logged. Read when
    /// a logger is made.
    @TaskLocal static var handlerFactory: (@Sendable (_ label: String) -> any LogHandler)?

    /// A logger at `level` that writes to standard error (or to ``handlerFactory``).
    static func logger(label: String, level: Logger.Level) -> Logger {
        let factory = handlerFactory
        var logger = Logger(label: label) { label in
            factory?(label) ?? StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = level
        return logger
    }

    /// The level named by `--log-level` or, without it, `ATS_LOG_LEVEL`; nil when neither is set.
    /// - Parameters:
    ///   - flag: The flag's value.
    ///   - environment: The process environment.
    /// - Throws: ``CommandFailure`` for a name that is not a level.
    static func level(flag: String?, environment: [String: String]) throws -> Logger.Level? {
        guard let name = flag ?? environment["ATS_LOG_LEVEL"], !name.isEmpty else { return nil }
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure.usage(
                "Unknown log level '\(name)' (from \(flag == nil ? "ATS_LOG_LEVEL" : "--log-level")); use one of \(names)."
            )
        }
        return level
    }
}

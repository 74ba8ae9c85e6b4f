import ATSCore
import ArgumentParser
import Foundation
import TrackerAPI

/// A failure a read command explains in one paragraph on standard error before exiting non-zero.
struct CommandFailure: Error, CustomStringConvertible {
    /// The paragraph.
    var message: String
    /// The exit status: 64 (usage) for missing or bad settings, 1 otherwise.
    var exitCode: Int32

    /// A setting is missing or wrong.
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: ExitCode.validationFailure.rawValue)
    }

    /// Something went wrong while reading.
    static func failed(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: ExitCode.failure.rawValue)
    }

    var description: String { message }

    /// The paragraph for any error a read command meets.
    static func explaining(_ error: any Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let error as ATSError:
            var text = error.description
            if error.code == .transport {
                text += " If the server is a local sandbox, start it with `ats sandbox`, or pass --sandbox."
            }
            if error.code == .rateLimited { text += " " + UnattendedRequests.rateLimitedAdvice }
            return .failed(text)
        case let error as TrackerAPIError:
            var text = sentence("\(error)")
            if error.code == .transportFailure || error.code == .timedOut {
                text += " If the server is a local sandbox, start it with `ats sandbox`, or pass --sandbox."
            }
            if error.code == .rateLimited { text += " " + UnattendedRequests.rateLimitedAdvice }
            return .failed(text)
        case is CancellationError:
            return .failed("Cancelled.")
        case let error as any CustomStringConvertible:
            return .failed(sentence(error.description))
        default:
            return .failed("The command failed: \(error).")
        }
    }

    /// Text ending in exactly one full stop.
    private static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text + "."
    }
}

/// Where a read command writes: lines of text or JSON. Standard output by default; tests collect.
struct CommandOutput: Sendable {
    let write: @Sendable (String) -> Void

    /// Writes one line.
    func line(_ text: String) { write(text) }

    /// Standard output.
    static let standard = CommandOutput { text in
        print(text)
    }

    /// Standard output, flushed after every line: for commands that also draw progress on standard
    /// error, so that the two stay in order when both go to one file.
    static let flushed = CommandOutput { text in
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

extension AsyncParsableCommand {
    /// Runs a read command's work, turning every failure into a paragraph on standard error and
    /// a non-zero exit status.
    func reporting(_ work: () async throws -> Void) async throws {
        do {
            try await work()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = CommandFailure.explaining(error)
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            throw ExitCode(failure.exitCode)
        }
    }
}

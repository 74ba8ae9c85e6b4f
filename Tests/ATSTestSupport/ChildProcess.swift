public import Foundation
import Synchronization

/// A child process that a test starts and whose end it awaits with a deadline.
///
/// Every wait on it fails with a message that names the command when the deadline passes, and the
/// child is killed then, so a regression that hangs a command fails the test instead of CI. A child
/// still running when the test lets go of it (a test that failed before stopping it) is killed, so
/// no child outlives its test.
public final class ChildProcess: Sendable {
    /// The running process.
    public let process: Process
    /// How failure messages name it: the executable's name and its subcommand words (the arguments
    /// before the first option, so no option value such as a password is ever shown).
    public let name: String
    private let exited = OneShot<Int32>()

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - executable: The program.
    ///   - arguments: Its arguments.
    ///   - environment: Its whole environment, or nil to inherit the test's.
    ///   - currentDirectory: Its working folder, or nil for the test's.
    ///   - standardInput: A `FileHandle` or `Pipe`; nil for the null device.
    ///   - standardOutput: A `FileHandle` or `Pipe`; nil for the null device.
    ///   - standardError: A `FileHandle` or `Pipe`; nil for the null device.
    /// - Throws: When the program cannot be started.
    public init(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil,
        standardInput: Any? = nil,
        standardOutput: Any? = nil,
        standardError: Any? = nil
    ) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = standardInput ?? FileHandle.nullDevice
        process.standardOutput = standardOutput ?? FileHandle.nullDevice
        process.standardError = standardError ?? FileHandle.nullDevice
        self.process = process
        self.name = ([executable.lastPathComponent] + arguments.prefix { !$0.hasPrefix("-") }.prefix(3))
            .joined(separator: " ")
        let exited = exited
        process.terminationHandler = { finished in exited.resolve(.success(finished.terminationStatus)) }
        try ProcessLaunch.run(process)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The child's process id.
    public var pid: Int32 { process.processIdentifier }

    /// Sends a signal (SIGTERM, SIGKILL…) to the child.
    /// - Parameter signal: The signal number.
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the child to end; returns its exit status (or the number of the signal that ended it).
    /// - Parameter limit: The longest wait; the child is killed with SIGKILL when it passes.
    /// - Throws: ``DeadlineExceeded`` naming the command when it has not ended within `limit`.
    @discardableResult
    public func exit(within limit: Duration = .seconds(300)) async throws -> Int32 {
        let exited = exited
        do {
            return try await withDeadline("`\(name)` (pid \(pid)) to exit", within: limit) {
                try await exited.value
            }
        } catch let error as DeadlineExceeded {
            send(SIGKILL)
            throw error
        }
    }

    /// Runs a program to its end, with a deadline.
    /// - Parameters:
    ///   - executable: The program.
    ///   - arguments: Its arguments.
    ///   - limit: The longest wait; the program is killed when it passes.
    ///   - standardOutput: Where its output goes; nil for the null device.
    /// - Returns: Its exit status.
    /// - Throws: When it cannot be started, or ``DeadlineExceeded``.
    @discardableResult
    public static func run(
        _ executable: URL, _ arguments: [String], within limit: Duration = .seconds(300), standardOutput: Any? = nil
    ) async throws -> Int32 {
        try await ChildProcess(executable, arguments, standardOutput: standardOutput).exit(within: limit)
    }
}

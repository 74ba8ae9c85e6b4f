public import Foundation
import Subprocess
import Synchronization
import SystemPackage

/// A child process that a test starts and whose end it awaits with a deadline.
///
/// Every wait on it fails with a message that names the command when the deadline passes, and the
/// child is killed then, so a regression that hangs a command fails the test instead of CI. A child
/// still running when the test lets go of it (a test that failed before stopping it) is killed, so
/// no child outlives its test.
///
/// It is launched with swift-subprocess, not Foundation's `Process`, whose `run()` crashed the
/// test process now and then (a bad pointer in `memcpy`) even with every launch serialised.
/// swift-subprocess spawns every child on one worker thread of its own, so launches need no
/// serialising here. The run (launch, wait, reaping) is a task this object starts and owns; the
/// initialiser returns once the child runs, with its pid.
public final class ChildProcess: Sendable {
    /// How failure messages name it: the executable's name and its subcommand words (the arguments
    /// before the first option, so no option value such as a password is ever shown).
    public let name: String
    /// The child's process id.
    public let pid: Int32
    private let termination = ChildTermination()
    private let run: Task<Void, Never>

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - executable: The program.
    ///   - arguments: Its arguments.
    ///   - environment: Its whole environment, or nil to inherit the test's.
    ///   - currentDirectory: Its working folder, or nil for the test's.
    ///   - standardInput: A `FileHandle` or `Pipe`; nil for the null device.
    ///   - standardOutput: A `FileHandle` or `Pipe`; nil for the null device.
    ///   - standardError: A `FileHandle` or `Pipe`; nil for the null device.
    /// - Throws: When the program cannot be started (or has not started within a minute).
    public init(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil,
        standardInput: Any? = nil,
        standardOutput: Any? = nil,
        standardError: Any? = nil
    ) throws {
        let name = ([executable.lastPathComponent] + arguments.prefix { !$0.hasPrefix("-") }.prefix(3))
            .joined(separator: " ")
        self.name = name
        let input = ChildStream(standardInput, childReads: true)
        let output = ChildStream(standardOutput, childReads: false)
        let error = ChildStream(standardError, childReads: false)
        // The child has its own copies of the pipes' ends once it runs; the test's copies of the
        // child's ends are closed so that a reader sees the end of the output when the child ends.
        defer { for stream in [input, output, error] { stream.closeChildsEndHere() } }

        let configuration = Configuration(
            executable: .path(FilePath(executable.path)),
            arguments: Arguments(arguments),
            environment: environment.map { variables in
                .custom(
                    Dictionary(
                        variables.compactMap { key, value in Environment.Key(rawValue: key).map { ($0, value) } },
                        uniquingKeysWith: { first, _ in first }))
            } ?? .inherit,
            workingDirectory: currentDirectory.map { FilePath($0.path) })
        let launch = ChildLaunch()
        let termination = termination
        let (inputFD, outputFD, errorFD) = (input.descriptor, output.descriptor, error.descriptor)
        run = Task(executorPreference: ChildProcessExecutor.shared) {
            do {
                let result = try await Subprocess.run(
                    configuration,
                    input: .fileDescriptor(inputFD, closeAfterSpawningProcess: false),
                    output: .fileDescriptor(outputFD, closeAfterSpawningProcess: false),
                    error: .fileDescriptor(errorFD, closeAfterSpawningProcess: false)
                ) { execution in
                    launch.started(execution.processIdentifier.value)
                }
                switch result.terminationStatus {
                case .exited(let code): termination.record(.success(code))
                case .signaled(let signal): termination.record(.success(signal), bySignal: true)
                }
            } catch {
                launch.failed(error)
                termination.record(.failure(error))
            }
        }
        pid = try launch.pid(of: name, within: .seconds(60))
    }

    deinit {
        if isRunning { kill(pid, SIGKILL) }
    }

    /// The child's process id (as Foundation's `Process` named it).
    public var processIdentifier: Int32 { pid }

    /// Whether the child has not ended yet (or has ended and is not yet reaped).
    public var isRunning: Bool { !termination.hasEnded }

    /// Whether the child has ended because of a signal (then ``exit(within:)`` returns the signal's
    /// number), rather than by exiting with a status.
    public var endedBySignal: Bool { termination.endedBySignal }

    /// Sends a signal (SIGTERM, SIGKILL…) to the child, unless it has ended.
    /// - Parameter signal: The signal number.
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the child to end; returns its exit status (or the number of the signal that ended it).
    /// - Parameter limit: The longest wait; the child is killed with SIGKILL when it passes.
    /// - Throws: ``DeadlineExceeded`` naming the command when it has not ended within `limit`.
    @discardableResult
    public func exit(within limit: Duration = .seconds(300)) async throws -> Int32 {
        let status = termination.status
        do {
            return try await withDeadline("`\(name)` (pid \(pid)) to exit", within: limit) {
                try await status.value
            }
        } catch let error as DeadlineExceeded {
            send(SIGKILL)
            throw error
        }
    }

    /// Calls `handler` with the exit status (or the signal number) once the child has ended, at once
    /// when it has already ended; never when its end could not be awaited.
    /// - Parameter handler: Called once, on no particular thread.
    public func whenEnded(_ handler: @escaping @Sendable (Int32) -> Void) {
        let status = termination.status
        Task {
            if let code = try? await status.value { handler(code) }
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

/// The end of a child's run: its status for waiters, and a flag read without waiting.
private final class ChildTermination: Sendable {
    let status = OneShot<Int32>()
    private let ended = Atomic<Bool>(false)
    private let signaled = Atomic<Bool>(false)

    var hasEnded: Bool { ended.load(ordering: .acquiring) }
    var endedBySignal: Bool { signaled.load(ordering: .acquiring) }

    func record(_ result: Result<Int32, any Error>, bySignal: Bool = false) {
        signaled.store(bySignal, ordering: .releasing)
        ended.store(true, ordering: .releasing)
        status.resolve(result)
    }
}

/// Hands the pid from the run's task to the initialiser, which waits for it synchronously.
private final class ChildLaunch: Sendable {
    private enum State {
        case waiting
        case started(Int32)
        case failed(any Error)
        case abandoned
    }

    private let state = Mutex(State.waiting)
    private let signal = DispatchSemaphore(value: 0)

    func started(_ pid: Int32) {
        let abandoned = state.withLock { state -> Bool in
            if case .abandoned = state { return true }
            state = .started(pid)
            return false
        }
        // The initialiser gave up (and threw) before the child ran: nobody else would stop it.
        if abandoned { kill(pid, SIGKILL) }
        signal.signal()
    }

    func failed(_ error: any Error) {
        state.withLock { state in
            if case .waiting = state { state = .failed(error) }
        }
        signal.signal()
    }

    func pid(of name: String, within limit: Duration) throws -> Int32 {
        let seconds = Double(limit.components.seconds)
        _ = signal.wait(timeout: .now() + seconds)
        let outcome = state.withLock { state -> Result<Int32, any Error> in
            switch state {
            case .started(let pid): return .success(pid)
            case .failed(let error): return .failure(error)
            case .waiting, .abandoned:
                state = .abandoned
                return .failure(DeadlineExceeded(awaited: "`\(name)` to start", limit: limit))
            }
        }
        return try outcome.get()
    }
}

/// One of a child's standard streams, as given to ``ChildProcess``: the descriptor the child gets.
private struct ChildStream {
    /// The descriptor the child gets.
    let descriptor: FileDescriptor
    /// The test's copy of the child's end of a pipe, closed once the child has its own.
    private let childsEnd: FileHandle?

    init(_ stream: Any?, childReads: Bool) {
        switch stream {
        case let pipe as Pipe:
            childsEnd = childReads ? pipe.fileHandleForReading : pipe.fileHandleForWriting
        case let handle as FileHandle:
            childsEnd = nil
            descriptor = FileDescriptor(rawValue: handle.fileDescriptor)
            return
        default:
            childsEnd = nil
            descriptor = Self.nullDevice
            return
        }
        descriptor = FileDescriptor(rawValue: childsEnd?.fileDescriptor ?? -1)
    }

    /// The null device, opened once for every child (Foundation's `FileHandle.nullDevice` has no
    /// descriptor of its own on Linux); closed on exec, so only as a child's stream does it reach one.
    private static let nullDevice = FileDescriptor(rawValue: open("/dev/null", O_RDWR | O_CLOEXEC))

    func closeChildsEndHere() {
        try? childsEnd?.close()
    }
}

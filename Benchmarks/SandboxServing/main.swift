// Measures the Tracker sandbox with a large account: how long generation takes, how much memory
// the serving process uses, and how many application records per second it serves.
//
// Run (release mode matters):
//     swift run -c release SandboxServingBenchmark [--applications 1000000] [--per-page 1000]
//
// The benchmark starts itself a second time as the server (`--serve`), so the server's CPU time and
// memory are measured from /proc apart from the client's. "Records per server CPU second" is the
// server's user+system time spent answering the pages, i.e. what one core sustains.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import TrackerSandbox
import UnixSignals

struct Options {
    var applications = 1_000_000
    var perPage = 1000
    var seed: UInt64 = 7
    var serve = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--applications": applications = iterator.next().flatMap { Int($0) } ?? applications
            case "--per-page": perPage = iterator.next().flatMap { Int($0) } ?? perPage
            case "--seed": seed = iterator.next().flatMap { UInt64($0) } ?? seed
            case "--serve": serve = true
            default: break
            }
        }
    }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = start.duration(to: .now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// The server side: generate, listen on a free port, say which, and run until SIGTERM.
func serve(_ options: Options) async throws {
    let start = ContinuousClock.now
    let server = try SandboxServer(
        configuration: SandboxConfiguration(
            port: 0, seed: options.seed, jobCount: 200, applicationCount: options.applications,
            behavior: SandboxBehavior(actionDelay: .seconds(1))
        )
    )
    let generation = seconds(since: start)
    let group = ServiceGroup(
        services: [server], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [],
        logger: SandboxServer.loggingDisabled
    )
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        let running = try await server.waitUntilRunning()
        print("GENERATION_SECONDS \(generation)")
        print("PORT \(running.port)")
        fflush(nil)
        try await tasks.waitForAll()
    }
}

/// CPU seconds (user + system) and resident memory of a process, from /proc.
func processStats(_ pid: Int32) -> (cpu: Double, rssMB: Double, peakMB: Double) {
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    let fields = stat.split(separator: ")").last.map { $0.split(separator: " ") } ?? []
    // After the ")" closing the command name: field 3 is index 0, so utime (14) is 11, stime (15) is 12.
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    let cpu = fields.count > 12 ? ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / ticks : 0
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    func kilobytes(_ key: String) -> Double {
        let line = status.split(separator: "\n").first { $0.hasPrefix(key) } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
    }
    return (cpu, kilobytes("VmRSS:"), kilobytes("VmHWM:"))
}

func fetch(_ url: String, client: HTTPClient) async throws -> (records: Int, bytes: Int) {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "Authorization", value: "Basic " + Data("sandbox:sandbox".utf8).base64EncodedString())
    let response = try await client.execute(request, timeout: .seconds(60))
    let body = try await response.body.collect(upTo: 256 << 20)
    guard response.status == .ok else { throw NSError(domain: "bench", code: Int(response.status.code)) }
    // Count records without a full JSON parse: every record starts with {"id":".
    let marker = Array(#"{"id":""#.utf8)
    var count = 0
    body.withUnsafeReadableBytes { raw in
        var index = 0
        while index + marker.count <= raw.count {
            if raw[index] == marker[0], raw[index + 1] == marker[1],
                Array(raw[index..<(index + marker.count)]) == marker
            {
                count += 1
                index += marker.count
            } else {
                index += 1
            }
        }
    }
    return (count, body.readableBytes)
}

func measure(_ options: Options) async throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--serve", "--applications", String(options.applications), "--seed", String(options.seed)]
    let output = Pipe()
    process.standardOutput = output
    let spawn = ContinuousClock.now
    try process.run()
    var port = 0
    var generation = 0.0
    var buffer = ""
    while port == 0 {
        let data = output.fileHandleForReading.availableData
        guard !data.isEmpty else { throw NSError(domain: "bench: server exited", code: 1) }
        buffer += String(decoding: data, as: UTF8.self)
        for line in buffer.split(separator: "\n") {
            if line.hasPrefix("PORT ") { port = Int(line.dropFirst(5)) ?? 0 }
            if line.hasPrefix("GENERATION_SECONDS ") { generation = Double(line.dropFirst(19)) ?? 0 }
        }
    }
    let ready = seconds(since: spawn)
    let pid = process.processIdentifier
    let base = "http://127.0.0.1:\(port)/api/v1"
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    defer { process.terminate() }
    print("applications: \(options.applications), per_page: \(options.perPage)")
    print(
        String(format: "generation (SandboxServer.init): %.3f s; process start to listening: %.3f s", generation, ready)
    )
    let idle = processStats(pid)
    print(String(format: "server RSS when ready: %.1f MB", idle.rssMB))

    let pages = (options.applications + options.perPage - 1) / options.perPage
    _ = try await fetch("\(base)/applications?page=1&per_page=\(options.perPage)", client: client)
    let before = processStats(pid)
    let start = ContinuousClock.now
    var records = 0
    var bytes = 0
    for page in 1...pages {
        let result = try await fetch("\(base)/applications?page=\(page)&per_page=\(options.perPage)", client: client)
        records += result.records
        bytes += result.bytes
    }
    let wall = seconds(since: start)
    let after = processStats(pid)
    let cpu = after.cpu - before.cpu
    print(
        String(
            format: "sequential: %d records in %d pages, %.2f s wall → %.0f records/s; %.1f MB of JSON",
            records, pages, wall, Double(records) / wall, Double(bytes) / 1_048_576
        )
    )
    print(
        String(format: "server CPU %.2f s → %.0f records per server CPU second (one core)", cpu, Double(records) / cpu))

    let parallelStart = ContinuousClock.now
    let concurrency = 4
    let parallelRecords = try await withThrowingTaskGroup(of: Int.self) { group in
        for lane in 0..<concurrency {
            group.addTask {
                var count = 0
                for page in stride(from: lane + 1, through: pages, by: concurrency) {
                    count += try await fetch(
                        "\(base)/applications?page=\(page)&per_page=\(options.perPage)", client: client
                    ).records
                }
                return count
            }
        }
        return try await group.reduce(0, +)
    }
    let parallelWall = seconds(since: parallelStart)
    print(
        String(
            format: "%d concurrent clients (both cores): %d records, %.2f s → %.0f records/s",
            concurrency, parallelRecords, parallelWall, Double(parallelRecords) / parallelWall
        )
    )

    let filterStart = ContinuousClock.now
    let firstFiltered = try await fetch(
        "\(base)/applications?updated_after=2020-01-01T00:00:00&per_page=\(options.perPage)", client: client)
    let firstFilteredTime = seconds(since: filterStart)
    let secondStart = ContinuousClock.now
    _ = try await fetch(
        "\(base)/applications?updated_after=2020-01-01T00:00:00&page=2&per_page=\(options.perPage)", client: client)
    print(
        String(
            format: "updated_after: first page %.3f s (scans %d records, then cached), next page %.3f s (%d records)",
            firstFilteredTime, options.applications, seconds(since: secondStart), firstFiltered.records
        )
    )
    let end = processStats(pid)
    print(String(format: "server RSS after serving: %.1f MB, peak %.1f MB", end.rssMB, end.peakMB))
    try await client.shutdown()
}

let options = Options(CommandLine.arguments)
if options.serve {
    try await serve(options)
} else {
    try await measure(options)
}

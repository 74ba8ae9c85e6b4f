// Measures the Tracker RMS sandbox's serving rate: placements served per second of the server's CPU.
//
// Run (release mode matters):
//     swift build -c release --product TrackerRMSSandboxBenchmark
//     .build/release/TrackerRMSSandboxBenchmark [--placements 100000] [--per-page 500]
//
// The executable starts itself a second time with `--serve` as the server, so that the server's
// CPU time (user + system, from /proc/<pid>/stat; Linux only) is measured apart from the client's.
// The client pages through every placement with getRecords X, one request at a time.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TrackerRMSSandbox

struct Options {
    var placements = 100_000
    var perPage = 500
    var serve = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--placements": placements = iterator.next().flatMap { Int($0) } ?? placements
            case "--per-page": perPage = iterator.next().flatMap { Int($0) } ?? perPage
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

/// The server: seed, listen, print the port, serve until standard input closes.
func serve(_ options: Options) async throws {
    let start = ContinuousClock.now
    let configuration = RMSSandboxConfiguration(
        opportunityCount: 2000, resourceCount: max(1, options.placements / 3), placementCount: options.placements,
        activityCount: 0, behavior: RMSSandboxBehavior(pageSizeCap: max(500, options.perPage)))
    try await withTrackerRMSSandbox(configuration) { sandbox in
        // Written straight to the pipe: print() buffers when standard output is not a terminal.
        let lines = "SEED_SECONDS \(seconds(since: start))\nPORT \(sandbox.port)\n"
        FileHandle.standardOutput.write(Data(lines.utf8))
        while readLine() != nil {}
    }
}

/// user + system CPU seconds of a process.
func cpuSeconds(pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return .nan }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

func client(_ options: Options) async throws {
    let server = Process()
    server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    server.arguments = ["--serve", "--placements", String(options.placements), "--per-page", String(options.perPage)]
    let input = Pipe()
    let output = Pipe()
    server.standardInput = input
    server.standardOutput = output
    try server.run()
    var port = 0
    var buffer = ""
    let deadline = ContinuousClock.now + .seconds(120)
    while port == 0 {
        guard ContinuousClock.now < deadline else { fatalError("the server did not print its port within 120 s") }
        let data = output.fileHandleForReading.availableData
        guard !data.isEmpty else { fatalError("the server exited before listening") }
        buffer += String(decoding: data, as: UTF8.self)
        for line in buffer.split(separator: "\n") {
            if line.hasPrefix("SEED_SECONDS") { print(line) }
            if line.hasPrefix("PORT "), let value = Int(line.dropFirst(5)) { port = value }
        }
    }
    let url = "http://127.0.0.1:\(port)/api/widget/getRecords"
    let cpuBefore = cpuSeconds(pid: server.processIdentifier)
    let start = ContinuousClock.now
    var records = 0
    var bytes = 0
    var page = 0
    while true {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = """
            {"trackerrms":{"getRecords":{"credentials":{"apikey":"rms-sandbox-api-key-7f3c9a"},"instructions":\
            {"recordtype":"X","state":"","onlymyrecords":false,"numrecords":\(options.perPage),"pagenum":\(page)}}}}
            """
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let reply = try await response.body.collect(upTo: 512 * 1024 * 1024)
        bytes += reply.readableBytes
        // The envelope's count (this page's results with the default knobs), read without a JSON parser.
        let text = String(buffer: reply)
        guard let range = text.range(of: "\"count\":") else { fatalError("no count in the reply") }
        let count = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
        if count == 0 { break }
        records += count
        page += 1
    }
    let wall = seconds(since: start)
    let cpu = cpuSeconds(pid: server.processIdentifier) - cpuBefore
    try input.fileHandleForWriting.close()
    server.waitUntilExit()
    print("PLACEMENTS \(records) PAGES \(page + 1) BYTES \(bytes)")
    print(String(format: "WALL_SECONDS %.3f RECORDS_PER_WALL_SECOND %.0f", wall, Double(records) / wall))
    print(String(format: "SERVER_CPU_SECONDS %.3f RECORDS_PER_SERVER_CPU_SECOND %.0f", cpu, Double(records) / cpu))
}

let options = Options(CommandLine.arguments)
if options.serve {
    try await serve(options)
} else {
    try await client(options)
}

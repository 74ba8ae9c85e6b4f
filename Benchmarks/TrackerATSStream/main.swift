// Streams every application (or candidate) of a Tracker account through TrackerATSClient and
// prints how many arrived, how long it took and the process's peak resident memory, so that
// runs against accounts of different sizes show whether memory stays flat.
//
// Run against a sandbox in another process, so that only the client's memory is measured:
//     Benchmarks/TrackerATSStream/run.sh            (10k and 100k applications, debug build)
//     CONFIGURATION=release Benchmarks/TrackerATSStream/run.sh
// or by hand:
//     swift run TrackerATSStreamBenchmark --base-url http://127.0.0.1:8080/api/v1 [--stream candidates]
import ATSCore
import Foundation
import TrackerAPI
import TrackerATS

struct Options {
    var baseURL = "http://127.0.0.1:8080/api/v1"
    var apiKey = "sandbox"
    var apiPassword = "sandbox"
    var timeZone = "America/Los_Angeles"
    var stream = "applications"

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--base-url": baseURL = iterator.next() ?? baseURL
            case "--api-key": apiKey = iterator.next() ?? apiKey
            case "--api-password": apiPassword = iterator.next() ?? apiPassword
            case "--timezone": timeZone = iterator.next() ?? timeZone
            case "--stream": stream = iterator.next() ?? stream
            default: break
            }
        }
    }
}

/// A line of /proc/self/status in megabytes (VmHWM is the peak resident set, VmRSS the current one).
func statusMegabytes(_ key: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }),
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return -1 }
    return kilobytes / 1_024
}

let options = Options(CommandLine.arguments)
let configuration = TrackerAPI.Configuration(
    baseURL: options.baseURL, apiKey: options.apiKey, apiPassword: options.apiPassword,
    accountTimeZone: TimeZone(identifier: options.timeZone), rateLimit: nil)
let before = statusMegabytes("VmHWM")
let start = ContinuousClock.now
let count = try await TrackerATSClient.withTrackerATSClient(api: configuration) { client in
    var count = 0
    if options.stream == "candidates" {
        for try await _ in client.streamCandidates(.all) { count += 1 }
    } else {
        for try await _ in client.streamApplications(.all) { count += 1 }
    }
    return count
}
let elapsed = start.duration(to: .now)
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
print("STREAM \(options.stream)")
print("RECORDS \(count)")
print("SECONDS \(String(format: "%.2f", seconds))")
print("PEAK_RSS_BEFORE_MB \(String(format: "%.1f", before))")
print("PEAK_RSS_MB \(String(format: "%.1f", statusMegabytes("VmHWM")))")

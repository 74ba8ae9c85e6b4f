import Foundation
import Testing

/// Benchmarks are not tests: they run only when `TRACKERAPI_BENCHMARK=1` (see
/// `scripts/benchmark-trackerapi.sh`, which builds in release first) and print their numbers.
/// The parent of every benchmark suite: benchmarks run one at a time so they do not disturb
/// each other's numbers.
@Suite(.enabled(if: Benchmark.isEnabled), .serialized) enum TrackerAPIBenchmarks {}

enum Benchmark {
    static var isEnabled: Bool { ProcessInfo.processInfo.environment["TRACKERAPI_BENCHMARK"] == "1" }

    static func report(_ line: String) {
        print("BENCHMARK " + line)
    }

    /// A realistic application page (the fields the sandbox writes), `count` records from `firstID`.
    static func applicationPage(count: Int, firstID: Int = 1) -> String {
        let records = (0..<count).map { offset -> String in
            let id = firstID + offset
            return #"""
                {"id":"\#(id)","company_id":"1","job_id":"\#(id % 97 + 1)","first_name":"Firstname\#(id)",\#
                "last_name":"Lastname","email":"person\#(id)@example.com","phone":"+1 555 010 \#(id % 10_000)",\#
                "address":"\#(id) Main Street","address_2":null,"city":"Springfield","state":"OR","gender":null,\#
                "status":"Phone Screen","rating":\#(id % 5),"source":"LinkedIn","archived":false,\#
                "tags":["remote","senior"],"applied_at":"2024-03-0\#(id % 9 + 1) 09:15:00",\#
                "created_at":"2024-03-0\#(id % 9 + 1) 09:15:00","updated_at":"2024-04-1\#(id % 9) 17:45:12",\#
                "custom_fields":{"years_experience":\#(id % 30),"visa":"no","notice":"2 weeks"}}
                """#
        }
        return "[" + records.joined(separator: ",") + "]"
    }
}

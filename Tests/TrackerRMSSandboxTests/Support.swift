import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import TrackerRMSSandbox

/// A reply as a plain HTTP client sees it, parsed by Foundation (not by any ATSKit code).
struct RawReply {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers.first(name: name) }

    func object() throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            "not a JSON object: \(text.prefix(300))")
    }

    /// The envelope's `status`.
    func rmsStatus() throws -> Int {
        try #require(try object()["status"] as? Int, "no status in \(text.prefix(300))")
    }

    func results() throws -> [[String: Any]] {
        try #require(try object()["results"] as? [[String: Any]], "no results in \(text.prefix(300))")
    }
}

/// Posts widget operations to a running sandbox with AsyncHTTPClient's shared client.
struct RawWidget {
    let sandbox: RunningRMSSandbox

    func post(
        _ operation: String, _ payload: [String: Any] = [:], credentials: [String: Any]? = nil,
        headers: [(String, String)] = [], key: String? = nil, path: String? = nil
    ) async throws -> RawReply {
        var inner = payload
        inner["credentials"] = credentials ?? ["apikey": sandbox.apiKey]
        let body = try JSONSerialization.data(withJSONObject: ["trackerrms": [key ?? operation: inner]])
        return try await send("POST", path ?? "/api/widget/\(operation)", body: Array(body), headers: headers)
    }

    func send(_ method: String, _ path: String, body: [UInt8]? = nil, headers: [(String, String)] = []) async throws
        -> RawReply
    {
        var request = HTTPClientRequest(url: sandbox.baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return RawReply(
            status: Int(response.status.code), headers: response.headers, body: Array(bytes.readableBytesView))
    }

    /// getRecords with explicit instructions.
    func records(_ type: String, _ instructions: [String: Any] = [:]) async throws -> RawReply {
        var merged: [String: Any] = ["recordtype": type, "state": "", "onlymyrecords": false]
        merged.merge(instructions) { _, new in new }
        return try await post("getRecords", ["instructions": merged])
    }

    /// Every id of a type, paging with base `base` until an empty page.
    func allIDs(_ type: String, base: Int, pageSize: Int, extra: [String: Any] = [:]) async throws -> [Int] {
        var ids: [Int] = []
        var page = base
        while true {
            var instructions = extra
            instructions["numrecords"] = pageSize
            instructions["pagenum"] = page
            let results = try await records(type, instructions).results()
            if results.isEmpty { return ids }
            ids += results.compactMap { $0["id"] as? Int }
            page += 1
            #expect(page < 10_000, "paging did not end")
            if page >= 10_000 { return ids }
        }
    }
}

/// A sandbox clock fixed at a known instant: 2026-03-05 18:30:00 UTC.
let fixedStart = Date(timeIntervalSince1970: 1_772_735_400)

/// Wall-clock text of an instant in a zone, by Foundation's formatter (independent of the sandbox).
func naiveText(_ date: Date, zone: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
}

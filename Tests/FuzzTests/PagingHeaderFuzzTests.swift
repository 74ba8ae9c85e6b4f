import Foundation
import PropertyBased
import Testing

@testable import TrackerAPI

/// The paging headers (`Total-Count`, `Pages`, `Results-Per-Page`, `Current-Page`, the links) and
/// `Retry-After`, read alone and through the paging of a real page.
extension Fuzz {
    @Suite struct PagingHeaders {
        static let numbers = [
            "0", "1", "3", "-1", "  7 ", "\t2", "+5", "1e3", "0x10", "", "９", "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808", "4611686018427387904", "18446744073709551616", "1,000", "1.5", "NaN", "\u{0}", "٣",
        ]
        static let links = [
            "<https://fuzz.example/api/v1/applications?page=1>; rel=\"first\"", "https://fuzz.example/x", "<", ">",
            "<>",
            "<<>>", "<unterminated", " <a> ; <b>", "", "\u{FEFF}<x>", String(repeating: "<", count: 5_000),
        ]
        static let waits = [
            "0", "7", "1.5", "-3", "1e30", "1e308", "9223372036854775807", "1e-30", "inf", "nan", "", "soon",
            "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 99999999999999 08:49:37 GMT", "Sun, 32 Nov 2030 08:49:37 GMT", "Sun, 06 Nov 2030 99:99:99 GMT",
            "Sun, 06-Nov-9223372036854775807 08:49:37 GMT", "Sun Nov -6 08:49:37 -9999999999999",
            "Wed, 31 Feb 2035 00:00:00 GMT",
            "Sun, 06 Nov 2030 -1:-1:-1 GMT",
        ]

        /// A value from the list, or the list's value with random bytes mixed in.
        static func value(from list: [String]) -> Generator<String, Shrink.None<String>> {
            Generator { rng in
                var input = FuzzInput(
                    origin: "header", steps: [], bytes: Data((list.randomElement(using: &rng) ?? "").utf8))
                if Int.random(in: 0..<3, using: &rng) == 0 { Mutator.mutate(&input, using: &rng) }
                return String(decoding: input.bytes, as: UTF8.self)
            }
        }

        static let headers = Generator<TrackerHTTPHeaders, Shrink.None<TrackerHTTPHeaders>> { rng in
            var headers = TrackerHTTPHeaders()
            for name in ["Total-Count", "Pages", "Results-Per-Page", "Current-Page"] where Bool.random(using: &rng) {
                headers.add(
                    name: Bool.random(using: &rng) ? name : name.lowercased(),
                    value: value(from: numbers).run(using: &rng))
            }
            for name in ["First-Link", "Last-Link", "Link"] where Bool.random(using: &rng) {
                headers.add(name: name, value: value(from: links).run(using: &rng))
            }
            return headers
        }

        @Test func pagingHeadersReadAsNumbersOrNothing() async {
            await propertyCheck(count: FuzzBudget.cases(3_000), input: Self.headers) { headers in
                let info = TrackerPagingInfo(headers: headers)
                for number in [info.totalCount, info.pages, info.resultsPerPage, info.currentPage] {
                    #expect(number.map { $0 >= 0 } ?? true, "\(headers.fields)")
                }
                FuzzFigures.shared.record("paging-headers", .accepted)
            }
        }

        @Test func anyPagingHeadersOnARealPageEndInRecordsOrATypedError() async throws {
            let samples = try await WireCorpus.samples()
            let pages = samples.filter { $0.name.hasSuffix("-page") }
            let (api, transport) = try Fuzz.WireDecoding.replayingAPI()
            await propertyCheck(count: FuzzBudget.cases(800), input: Self.headers, Gen.element(of: pages)) {
                headers, sample in
                guard let sample else { return }
                await Fuzz.WireDecoding.check(
                    sample, headers: headers, body: sample.body, target: "paging-headers-on-pages",
                    input: "\(sample.name) with \(headers.fields)", api: api, transport: transport)
            }
        }

        @Test func retryAfterReadsAsAWaitOrNothing() async {
            let now = Date(timeIntervalSince1970: 1_900_000_000)
            await propertyCheck(count: FuzzBudget.cases(3_000), input: Self.value(from: Self.waits)) { text in
                let wait = RetryAfter.parse(text, now: now)
                #expect(wait.map { $0 >= .zero } ?? true, "\(text)")
                FuzzFigures.shared.record("retry-after", wait == nil ? .typedFailure : .accepted)
            }
        }

        @Test func anyRetryAfterOnA429OrA503EndsInATypedError() async throws {
            let samples = try await WireCorpus.samples()
            let job = try #require(samples.first { $0.name == "job" })
            let (api, transport) = try Fuzz.WireDecoding.replayingAPI()
            await propertyCheck(
                count: FuzzBudget.cases(300), input: Self.value(from: Self.waits), Gen.element(of: [429, 503, 500])
            ) { text, status in
                let code: Int = status ?? 429
                await Fuzz.WireDecoding.check(
                    job, status: code, headers: ["Retry-After": text], body: Data(),
                    target: "retry-after-on-answers", input: "HTTP \(code) Retry-After: \(text)", api: api,
                    transport: transport)
            }
        }
    }
}

extension Fuzz.PagingHeaders {
    /// A list of several pages whose ids and headers are generated: extreme ids (up to
    /// `Int64.max`), gaps, repeats, descending runs, and extreme paging headers.
    struct PagedList: CustomStringConvertible {
        var pages: [[Int64]]
        var headers: TrackerHTTPHeaders
        var description: String { "pages \(pages) with \(headers.fields.map { "\($0.name): \($0.value)" })" }
    }

    static let pagedLists = Generator<PagedList, Shrink.None<PagedList>> { rng in
        let extremes: [Int64] = [.max, .max - 1, .min, -1, 0, 1, 4_611_686_018_427_387_904]
        var next = Int64.random(in: 1...1_000, using: &rng)
        var pages: [[Int64]] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            var ids: [Int64] = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: next = extremes.randomElement(using: &rng) ?? 1
                case 1: next = next.addingReportingOverflow(Int64.random(in: 2...1_000_000, using: &rng)).partialValue
                default: next = next.addingReportingOverflow(1).partialValue
                }
                ids.append(next)
            }
            pages.append(ids)
        }
        var headers = headers.run(using: &rng)
        if Bool.random(using: &rng) { headers.replaceOrAdd(name: "Results-Per-Page", value: "9223372036854775807") }
        return PagedList(pages: pages, headers: headers)
    }

    @Test func generatedListsOfPagesEndInRecordsOrATypedError() async throws {
        let samples = try await WireCorpus.samples()
        let sample = try #require(samples.first { $0.name == "applications-page" })
        guard case .array(let records) = try TrackerJSON.parse(sample.body), case .object(let template)? = records.first
        else {
            Issue.record("the captured applications page holds no record")
            return
        }
        let (api, transport) = try Fuzz.WireDecoding.replayingAPI()
        await propertyCheck(count: FuzzBudget.cases(600), input: Self.pagedLists) { list in
            transport.answerPages { page, _ in
                let ids = page >= 1 && page <= list.pages.count ? list.pages[page - 1] : []
                let body = TrackerJSON.array(
                    ids.map { id in
                        var record = template
                        record["id"] = .integer(id)
                        return .object(record)
                    })
                return TrackerHTTPResponse(status: 200, headers: list.headers, body: TrackerHTTPBody(body.serialized()))
            }
            do {
                var count = 0
                // Bounded: the headers may claim any number of pages.
                for try await page in api.applications.pages(.init(pageSize: 4)) {
                    count += 1
                    if count > 12 { break }
                    _ = page
                }
                FuzzFigures.shared.record("paged-lists", .accepted)
            } catch let error as TrackerAPIError {
                #expect(error.description.count > 20)
                FuzzFigures.shared.record("paged-lists", .typedFailure)
            } catch {
                FuzzFigures.shared.record("paged-lists", .untypedFailure)
                Issue.record("\(type(of: error)) instead of TrackerAPIError for \(list)")
            }
        }
    }
}

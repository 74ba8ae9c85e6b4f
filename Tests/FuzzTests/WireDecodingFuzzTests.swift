import Foundation
import PropertyBased
import Testing
import TrackerAPI

/// Every resource decoder, reached through the public API (body collection, JSON parsing, wire
/// models, timestamps, paging), fed mutated versions of the sandbox's real answers.
extension Fuzz {
    @Suite struct WireDecoding {
        static let password = "fuzz-Secret-9"

        /// A client over a replaying transport: no rate limit, instant backoff.
        static func replayingAPI() throws -> (TrackerAPI, ReplayTransport) {
            let transport = ReplayTransport()
            let configuration = TrackerAPI.Configuration(
                baseURL: "https://fuzz.example/api/v1", apiKey: "fuzz-key", apiPassword: password,
                accountTimeZone: TimeZone(identifier: "America/Chicago"), rateLimit: nil)
            return (
                try TrackerAPI(configuration: configuration, transport: transport, clock: InstantClock()), transport
            )
        }

        /// Replays one answer to one call and sorts the outcome; any error that is not the
        /// library's typed error, or a typed error without a message or with the password, is a bug.
        static func check(
            _ sample: WireSample,
            status: Int? = nil,
            headers: TrackerHTTPHeaders? = nil,
            body: Data,
            target: String,
            input: @autoclosure () -> String,
            api: TrackerAPI,
            transport: ReplayTransport
        ) async {
            transport.answer(status: status ?? sample.status, headers: headers ?? sample.headers, body: body)
            do {
                _ = try await sample.call(api)
                FuzzFigures.shared.record(target, .accepted)
            } catch let error as TrackerAPIError {
                FuzzFigures.shared.record(target, .typedFailure)
                let message = error.description
                #expect(message.count > 20, "no useful message for \(input())")
                #expect(!message.contains(password), "the password leaked into the message for \(input())")
            } catch {
                FuzzFigures.shared.record(target, .untypedFailure)
                Issue.record("\(type(of: error)) instead of TrackerAPIError: \(error) for \(input())")
            }
        }

        @Test func theSandboxAnswersDecodeAsCaptured() async throws {
            let samples = try await WireCorpus.samples()
            #expect(samples.count == WireCorpus.calls.count)
            let (api, transport) = try Self.replayingAPI()
            for sample in samples {
                transport.answer(status: sample.status, headers: sample.headers, body: sample.body)
                if sample.name == "error-not-found" {
                    let error = await #expect(throws: TrackerAPIError.self) { try await sample.call(api) }
                    #expect(error?.code == .notFound)
                } else {
                    let count = try await sample.call(api)
                    #expect(
                        count > 0,
                        "\(sample.name) decoded nothing from \(String(decoding: sample.body.prefix(200), as: UTF8.self))"
                    )
                }
            }
        }

        @Test func mutatedAnswersDecodeOrFailTyped() async throws {
            let samples = try await WireCorpus.samples()
            let byName = Dictionary(uniqueKeysWithValues: samples.map { ($0.name, $0) })
            let (api, transport) = try Self.replayingAPI()
            await propertyCheck(
                count: FuzzBudget.cases(1_500), input: Mutator.mutating(samples.map { ($0.name, $0.body) })
            ) { input in
                guard let sample = byName[input.origin] else { return }
                await Self.check(
                    sample, body: input.bytes, target: "wire:" + sample.name, input: "\(input)", api: api,
                    transport: transport)
            }
        }

        @Test func everyTruncationOfEveryAnswerDecodesOrFailsTyped() async throws {
            let samples = try await WireCorpus.samples()
            let (api, transport) = try Self.replayingAPI()
            for sample in samples {
                // Every length in the long run; in the quick one every length of the first 600 bytes
                // (where the structure is decided) and every 7th after.
                let lengths = (0..<sample.body.count).filter { FuzzBudget.isFull || $0 < 600 || $0 % 7 == 0 }
                for length in lengths {
                    await Self.check(
                        sample, body: sample.body.prefix(length), target: "wire-truncated",
                        input: "\(sample.name) cut at \(length)", api: api, transport: transport)
                }
            }
        }

        @Test func errorAnswersOfAnyShapeAreTypedErrors() async throws {
            let samples = try await WireCorpus.samples()
            let (api, transport) = try Self.replayingAPI()
            let bodies = samples.map { ($0.name, $0.body) } + [("html", Data(Self.html.utf8)), ("empty", Data())]
            let statuses = [301, 400, 401, 403, 404, 405, 408, 409, 422, 429, 500, 502, 503, 504]
            let job = try #require(samples.first { $0.name == "job" })
            await propertyCheck(
                count: FuzzBudget.cases(300),
                input: Mutator.mutating(bodies), Gen.element(of: statuses).compactMap { $0 }
            ) { input, status in
                await Self.check(
                    job, status: status, headers: ["Content-Type": "text/html"], body: input.bytes,
                    target: "error-bodies", input: "HTTP \(status) \(input)", api: api, transport: transport)
            }
        }

        static let html = """
            <!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>
            <body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>
            """
    }
}

import Testing

@testable import WorkableAPI

@Suite struct SharedBudgetTests {
    @Test func clientsOfOneTokenShareOneBudgetAndOtherTokensDoNot() async throws {
        let base = "https://acme.workable.com/spi/v3"
        let first = try WorkableAPI(configuration: .init(baseURL: base, token: "token-one-aaaa"))
        let second = try WorkableAPI(configuration: .init(baseURL: base, token: "token-one-aaaa"))
        let other = try WorkableAPI(configuration: .init(baseURL: base, token: "token-two-bbbb"))
        let elsewhere = try WorkableAPI(
            configuration: .init(baseURL: "https://beta.workable.com/spi/v3", token: "token-one-aaaa"))
        #expect(first.pacer === second.pacer)
        #expect(first.pacer !== other.pacer)
        #expect(first.pacer !== elsewhere.pacer)
        for api in [first, second, other, elsewhere] { try await api.shutdown() }
    }
}

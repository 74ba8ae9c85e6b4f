import Foundation
import Testing

@testable import WorkableAPI

@Suite struct RateLimitHeaderTests {
    let now = Date(timeIntervalSince1970: 1_796_000_003)

    func read(_ headers: [String: String]) -> RateLimitHeaders {
        RateLimitHeaders(header: { headers[$0] }, wallClock: now)
    }

    @Test func everyFormOfResetBecomesTheWaitFromNow() {
        #expect(read(["X-Rate-Limit-Reset": "1796000010"]).resetIn == .seconds(7))
        #expect(read(["X-Rate-Limit-Reset": "7"]).resetIn == .seconds(7))
        #expect(read(["X-Rate-Limit-Reset": "2026-11-30T00:53:30Z"]).resetIn == .seconds(7))
        #expect(read(["Retry-After": "3", "X-Rate-Limit-Reset": "1796000010"]).resetIn == .seconds(3))
        #expect(read(["Retry-After": "Mon, 30 Nov 2026 00:53:33 GMT"]).resetIn == .seconds(10))
        #expect(read(["X-Rate-Limit-Reset": "1795999990"]).resetIn == .zero)
        let full = read(["X-Rate-Limit-Limit": "10", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "1796000010"])
        #expect(full.limit == 10 && full.remaining == 0)
        #expect(read(["X-Rate-Limit-Reset": "soon"]).resetIn == nil)
    }
}

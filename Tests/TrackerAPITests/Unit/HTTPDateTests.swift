import Foundation
import Testing

@testable import TrackerAPI

/// The one HTTP-date parser behind `Retry-After` and the server clock reading.
@Suite struct HTTPDateTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example instant.
    let instant = Date(timeIntervalSince1970: 784_111_777)

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
        "sun, 06 NOV 1994 08:49:37 GMT",
    ])
    func everyFormRecipientsMustAccept(text: String) {
        #expect(HTTPDate.parse(text) == instant)
    }

    @Test func theServerClockReadsTheObsoleteFormsToo() {
        let recorder = ServerClockRecorder()
        recorder.record(dateHeader: "Sun Nov  6 08:49:37 1994")
        #expect(recorder.reading?.serverDate == instant)
        recorder.record(dateHeader: "Sunday, 06-Nov-94 08:49:38 GMT")
        #expect(recorder.reading?.serverDate == instant.addingTimeInterval(1))
        recorder.record(dateHeader: "not a date")
        #expect(recorder.reading?.serverDate == instant.addingTimeInterval(1))
    }

    @Test(arguments: ["", "Sun, 06 Nov 1994", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 99999 08:49:37 GMT"])
    func garbageIsNoDate(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}

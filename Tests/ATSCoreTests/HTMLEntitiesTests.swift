import Testing

@testable import ATSCore

/// Named references come from the HTML standard's full list, case-sensitive, and a name the list
/// lacks stays as written.
@Suite struct HTMLEntitiesTests {
    @Test(arguments: [
        ("I &hearts; Swift", "I ♥ Swift"), ("next &rarr; step", "next → step"), ("R&AMP;D", "R&D"),
        ("&NotEqualTilde;", "\u{2242}\u{338}"), ("&CounterClockwiseContourIntegral;", "∳"),
        ("caf&eacute; &#233; &#xE9;", "café é é"), ("&fjlig;", "fj"),
    ])
    func namedAndNumericReferencesAreDecoded(text: String, expected: String) {
        #expect(HTMLEntities.decode(text) == expected)
    }

    @Test(arguments: ["&notaname;", "&Hearts;", "a & b", "&amp", "&#xZZ;"])
    func unknownReferencesStayAsWritten(text: String) {
        #expect(HTMLEntities.decode(text) == text)
    }

    @Test func theTableHoldsTheStandardsList() {
        #expect(HTMLEntityTable.byName.count == 2125)
        #expect(HTMLEntityTable.byName["nbsp"] == "\u{A0}")
    }

    @Test func aNoteInHTMLGetsEveryEntity() {
        let text = PlainTextNote.text(from: "<p>5 &starf; &mdash; &lsaquo;top&rsaquo;</p>", format: .html)
        #expect(text == "5 ★ — ‹top›")
    }
}

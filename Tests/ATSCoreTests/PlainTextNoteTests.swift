import ATSCore
import Testing

@Suite struct PlainTextNoteTests {
    private func html(_ text: String) -> String { PlainTextNote.text(from: text, format: .html) }
    private func markdown(_ text: String) -> String { PlainTextNote.text(from: text, format: .markdown) }

    @Test func htmlParagraphsAndLineBreaks() {
        #expect(html("<p>Great call.</p><p>Next: <b>onsite</b>.</p>") == "Great call.\n\nNext: onsite.")
        #expect(html("Line one<br>Line two<br/><br />After a gap") == "Line one\nLine two\n\nAfter a gap")
        #expect(html("<div>  lots   of\n   space </div>") == "lots of space")
        #expect(html("<h2>Summary</h2>Strong candidate") == "Summary\n\nStrong candidate")
    }

    @Test func htmlListsAreItemsOnTheirOwnLines() {
        #expect(
            html("<p>Pros:</p><ul><li>Swift</li><li>Kind</li></ul><p>Done</p>") == "Pros:\n\n- Swift\n- Kind\n\nDone")
        #expect(html("<ol><li><p>First</p></li><li>Second</li></ol>") == "1. First\n2. Second")
        #expect(html("<ul><li>Outer<ul><li>Inner</li></ul></li><li>Next</li></ul>") == "- Outer\n  - Inner\n- Next")
        #expect(html(#"<ol start="3"><li>Third</li></ol>"#) == "3. Third")
    }

    @Test func htmlLinksShowTheirAddress() {
        #expect(html(#"See <a href="https://x.io/cv">the CV</a> now"#) == "See the CV (https://x.io/cv) now")
        #expect(html(#"<a href="https://x.io">https://x.io</a>"#) == "https://x.io")
        #expect(html(#"Mail <a href="mailto:a@b.c">a@b.c</a>."#) == "Mail a@b.c.")
        #expect(html(#"<a href='https://x.io/a?b=1&amp;c=2'>link</a>"#) == "link (https://x.io/a?b=1&c=2)")
    }

    @Test func htmlEntitiesAreDecodedAndNoTagSurvives() {
        #expect(
            html("Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;x&#39; &#x263A; caf&eacute;&nbsp;ok")
                == "Tom & Jerry <3 \"hi\" 'x' ☺ café ok")
        let messy =
            #"<html><head><style>p{color:red}</style><script>alert("x")</script></head>"#
            + #"<body><!-- a comment --><P CLASS="x">Hi <SPAN>there</SPAN><img src="a.png" alt="logo"></p>"#
            + "<custom-tag>kept text</custom-tag></body></html>"
        let text = html(messy)
        #expect(text == "Hi there logo\n\nkept text")
        #expect(!text.contains("<"))
        #expect(html("a < b and c > d") == "a < b and c > d")
    }

    @Test func markdownStructureBecomesReadableText() {
        let note = """
            # Interview notes

            **Strong** in _Swift_ and `async/await`.
            Talked about [the project](https://example.com/p) and ![diagram](d.png).

            - Pros
              - Clear
            * Cons
            1. Follow up
            2) Offer

            > Would hire
            ---
            ```
            let x = **not bold**
            ```
            """
        let expected = """
            Interview notes

            Strong in Swift and async/await.
            Talked about the project (https://example.com/p) and diagram.

            - Pros
              - Clear
            - Cons
            1. Follow up
            2. Offer

            > Would hire

            let x = **not bold**
            """
        #expect(markdown(note) == expected)
    }

    @Test func markdownLinksEscapesAndEntities() {
        #expect(
            markdown("See [docs][1] or [Guide].\n\n[1]: https://d.io\n[guide]: https://g.io")
                == "See docs (https://d.io) or Guide (https://g.io).")
        #expect(markdown("Visit <https://a.io> or <mailto:me@a.io>") == "Visit https://a.io or me@a.io")
        #expect(
            markdown(#"2 \* 3 = 6 and snake_case_name stays, ~~gone~~ kept"#)
                == "2 * 3 = 6 and snake_case_name stays, gone kept")
        #expect(markdown("Fish &amp; chips<br>next line <b>bold</b>") == "Fish & chips\nnext line bold")
        #expect(markdown("Heading\n=======\nbody") == "Heading\n\nbody")
    }

    @Test func plainTextPassesThroughTidied() {
        #expect(
            PlainTextNote.text(from: "a <b> tag  \r\nnext\r\n\r\n\r\n\r\nlast\n\n", format: .plain)
                == "a <b> tag\nnext\n\nlast")
    }
}

import ATSCore
import Benchmark
import TrackerATS

/// A recruiter's note written in Markdown, about 500 bytes: headings, emphasis, a nested list, links of
/// every kind, a quote, inline code and entities — the shapes `MarkdownPlainText` handles.
private let markdownNote = """
    ## Phone screen

    **Strong** candidate for the _senior_ role; ~~maybe~~ a fit for [Platform](https://example.com/jobs/7).

    - Experience: 8 years, mostly `Swift` &amp; Go
      - led a team of 5
    - Notice period: 4 weeks
    1. Send the take-home
    2. Book the onsite with [the panel][panel]

    > Salary expectation is above band &mdash; discuss with the hiring manager.

    Contact: <mailto:someone@example.com> or <https://example.com/profile>

    [panel]: https://example.com/panel "Panel"
    """

/// Converting a note's Markdown to the plain text Tracker stores, once per note written. 100 notes
/// an iteration rather than the usual 1000: a note costs milliseconds, not microseconds.
func noteBenchmarks() {
    Benchmark("Convert 100 Markdown notes to plain text") { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<100 {
                blackHole(PlainTextNote.text(from: markdownNote, format: .markdown))
            }
        }
    }
}

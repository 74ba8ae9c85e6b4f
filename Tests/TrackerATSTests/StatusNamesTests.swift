import Testing

@testable import TrackerATS

@Suite struct StatusNamesTests {
    @Test(arguments: [
        ("Rejected", true), ("Not Selected", true), ("not_selected", true), ("Declined", true),
        ("Candidate Declined", true), ("Disqualified", true), ("Not a Fit", true), ("Unsuccessful", true),
        ("Hired", false), ("Interview", false), ("Selected", false), ("New", false), ("Offer Accepted", false),
    ])
    func rejectionLikeNames(name: String, isRejection: Bool) {
        #expect(StatusNames.rejectionLike([name]) == (isRejection ? [name] : []))
    }

    @Test func matchingAcceptsCaseAndSpacesButNothingElse() {
        let known = ["New", "Phone Interview", "Interview"]
        #expect(StatusNames.match("  interview ", in: known) == "Interview")
        #expect(StatusNames.match("PHONE  INTERVIEW", in: known) == "Phone Interview")
        #expect(StatusNames.match("Intervew", in: known) == nil)
    }

    @Test func suggestionsAreTheClosestNames() {
        let known = ["New", "Review", "Interview", "Hired", "Rejected"]
        #expect(StatusNames.suggestions(for: "Intervew", in: known).first == "Interview")
        #expect(StatusNames.suggestions(for: "rejectd", in: known) == ["Rejected"])
        #expect(StatusNames.suggestions(for: "Onboarding", in: known).isEmpty)
        #expect(StatusNames.didYouMean(["A", "B"]) == "Did you mean 'A' or 'B'?")
    }
}

import ATSSync
import Foundation
import Testing

/// The one decision every store makes for an incoming record (RecordUpdateRule), case by case,
/// without a store.
@Suite struct RecordUpdateRuleTests {
    typealias Rule = RecordUpdateRule
    let provider = Rule(ignoresOlderVersions: true, recordsStageChanges: true)

    func stored(
        _ order: Rule.UpdateTimeOrder, sameBytes: Bool = true, deleted: Bool = false, stage: String? = "New",
        needsRewrite: Bool = false
    ) -> Rule.Stored {
        Rule.Stored(
            updateTime: order, hasSameBytes: sameBytes, isDeleted: deleted, stage: stage, needsRewrite: needsRewrite)
    }

    @Test func aRecordWithoutARowIsNewAndRecordsItsFirstStage() {
        let decision = provider.decide(Rule.Incoming(stage: "New"), stored: nil) {
            Issue.record("parsed")
            return false
        }
        #expect(decision.kind == .new)
        #expect(decision.stageChange == Rule.StageTransition(from: nil, to: "New"))
        #expect(decision.writesRow && decision.queuesGroups && !decision.isRestored)
        let withoutStage = provider.decide(Rule.Incoming(stage: nil), stored: nil) { false }
        #expect(withoutStage.stageChange == nil)
    }

    @Test func theSameUpdateTimeAndBytesAreUnchangedWithoutParsing() {
        let decision = provider.decide(Rule.Incoming(stage: "Offer"), stored: stored(.same)) {
            Issue.record("the JSON was parsed although the bytes were equal")
            return false
        }
        #expect(decision.kind == .unchanged)
        #expect(decision.stageChange == nil)
        #expect(!decision.rewritesStoredJSON && !decision.writesRow && !decision.queuesGroups)
    }

    @Test func equivalentJSONInOtherBytesIsUnchangedAndTakesTheProvidersBytes() {
        let decision = provider.decide(Rule.Incoming(stage: "New"), stored: stored(.same, sameBytes: false)) { true }
        #expect(decision.kind == .unchanged)
        #expect(decision.rewritesStoredJSON)
        #expect(!decision.writesRow)
    }

    @Test func otherJSONUnderTheSameUpdateTimeIsAChange() {
        let decision = provider.decide(Rule.Incoming(stage: "Offer"), stored: stored(.same, sameBytes: false)) {
            false
        }
        #expect(decision.kind == .changed)
        #expect(decision.stageChange == Rule.StageTransition(from: "New", to: "Offer"))
        #expect(!decision.rewritesStoredJSON)
    }

    @Test func aLaterVersionIsAChangeAndRecordsOnlyAStageThatMoved() {
        let moved = provider.decide(Rule.Incoming(stage: "Offer"), stored: stored(.later, sameBytes: false)) { false }
        #expect(moved.kind == .changed)
        #expect(moved.stageChange == Rule.StageTransition(from: "New", to: "Offer"))
        let stayed = provider.decide(Rule.Incoming(stage: "New"), stored: stored(.later, sameBytes: false)) { false }
        #expect(stayed.kind == .changed)
        #expect(stayed.stageChange == nil)
        let cleared = provider.decide(Rule.Incoming(stage: nil), stored: stored(.later, sameBytes: false)) { false }
        #expect(cleared.stageChange == Rule.StageTransition(from: "New", to: nil))
    }

    @Test func anOlderVersionIsIgnoredUnlessItsTimeIsAmbiguousOrTheRowsAreDerived() {
        let older = provider.decide(Rule.Incoming(stage: "Applied"), stored: stored(.earlier, sameBytes: false)) {
            false
        }
        #expect(older.kind == .older)
        #expect(older.stageChange == nil)
        var outcome = PageOutcome()
        older.count(into: &outcome)
        #expect(outcome.unchanged == 1)
        let ambiguous = provider.decide(
            Rule.Incoming(stage: "Applied", updatedAtIsAmbiguous: true), stored: stored(.earlier, sameBytes: false)
        ) { false }
        #expect(ambiguous.kind == .changed)
        let derived = Rule(ignoresOlderVersions: false, recordsStageChanges: false)
        #expect(
            derived.decide(Rule.Incoming(stage: nil), stored: stored(.earlier, sameBytes: false)) { false }.kind
                == .changed)
    }

    @Test func aRowMarkedDeletedIsRestoredWhateverElseHappens() {
        for (order, sameBytes, kind) in [
            (Rule.UpdateTimeOrder.same, true, Rule.Decision.Kind.unchanged), (.later, false, .changed),
            (.earlier, false, .older),
        ] {
            let decision = provider.decide(
                Rule.Incoming(stage: "New"), stored: stored(order, sameBytes: sameBytes, deleted: true)
            ) { false }
            #expect(decision.kind == kind)
            #expect(decision.isRestored && decision.queuesGroups)
            var outcome = PageOutcome()
            decision.count(into: &outcome)
            #expect(outcome.restored == 1)
        }
    }

    @Test func aRowAMigrationMarkedIsWrittenInFullEvenWhenUnchanged() {
        let decision = provider.decide(Rule.Incoming(stage: "New"), stored: stored(.same, needsRewrite: true)) {
            true
        }
        #expect(decision.kind == .changed)
        #expect(decision.stageChange == nil)
    }

    @Test func aStreamWithoutAStageColumnRecordsNoStageChange() {
        let notes = Rule(schema: .notes)
        #expect(!notes.recordsStageChanges)
        #expect(notes.decide(Rule.Incoming(stage: "New"), stored: nil) { false }.stageChange == nil)
        #expect(
            notes.decide(Rule.Incoming(stage: "Offer"), stored: stored(.later, sameBytes: false)) { false }.stageChange
                == nil)
        #expect(Rule(schema: .applications).recordsStageChanges)
        #expect(!Rule(schema: .candidates, isDerived: true).ignoresOlderVersions)
    }

    @Test func updateTimesOrderAsDatesAndAsFixedWidthText() {
        let early = Date(timeIntervalSince1970: 100)
        let late = Date(timeIntervalSince1970: 200)
        #expect(Rule.UpdateTimeOrder(late, early) == .later)
        #expect(Rule.UpdateTimeOrder(early, late) == .earlier)
        #expect(Rule.UpdateTimeOrder(early, early) == .same)
        #expect(Rule.UpdateTimeOrder(Date?.none, Date?.none) == .same)
        #expect(Rule.UpdateTimeOrder(early, nil) == .unordered)
        #expect(Rule.UpdateTimeOrder("2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z") == .earlier)
    }
}

/// JSONEquivalence: the same value whatever the key order, spacing or escapes; a different value,
/// or text that is not JSON, is not.
@Suite struct JSONEquivalenceTests {
    func same(_ lhs: String, _ rhs: String) -> Bool {
        JSONEquivalence.same(Array(lhs.utf8), Array(rhs.utf8))
    }

    @Test func keyOrderSpacingAndEscapesDoNotMatter() {
        #expect(same(#"{"a":1,"b":[true,null,"x"]}"#, #"{ "b" : [ true , null , "x" ] ,"a": 1 }"#))
        #expect(same(#"{"name":"Zoë","path":"a/b"}"#, #"{"path":"a\/b","name":"Zo\u00eb"}"#))
        #expect(same(#"{"emoji":"😀"}"#, #"{"emoji":"\ud83d\ude00"}"#))
        #expect(same(#"{"n":{"y":2,"x":1}}"#, "{\n  \"n\": {\"x\": 1, \"y\": 2}\n}"))
        #expect(same(#"{"rating":4}"#, #"{"rating":4.0}"#))
        #expect(same(#"{"big":12345678901234567890}"#, #"{"big":1.2345678901234567890e19}"#))
        #expect(same(#"{"a":1,"a":2}"#, #"{"a":2}"#))
    }

    @Test func aDifferentValueIsNotTheSame() {
        #expect(!same(#"{"a":1}"#, #"{"a":2}"#))
        #expect(!same(#"{"a":1}"#, #"{"a":1,"b":null}"#))
        #expect(!same(#"{"a":"1"}"#, #"{"a":1}"#))
        #expect(!same(#"[1,2]"#, #"[2,1]"#))
        #expect(!same(#"{"id":9007199254740993}"#, #"{"id":9007199254740992}"#))
        #expect(!same(#"{"name":"Zoë"}"#, #"{"name":"Zoe\u0308"}"#))
        #expect(!same(#"{"a":true}"#, #"{"a":false}"#))
    }

    @Test func textThatIsNotJSONIsNeverTheSame() {
        #expect(!same(#"{"a":1"#, #"{"a":1}"#))
        #expect(!same(#"{"a":01}"#, #"{"a":1}"#))
        #expect(!same(#"{"a":1},"#, #"{"a":1}"#))
        #expect(!same(#"{"a":"\x"}"#, #"{"a":"x"}"#))
        #expect(!same(#"{"a":"\ud83d"}"#, #"{"a":"?"}"#))
        #expect(same(#"{"a":1"#, #"{"a":1"#))  // equal bytes are equal without parsing
    }
}

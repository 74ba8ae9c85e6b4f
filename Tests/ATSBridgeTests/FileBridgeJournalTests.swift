import ATSBridge
import ATSCore
import Foundation
import Testing

/// The journal file: whole from its first byte, someone else's file refused, one run at a time,
/// a line torn by a crash ignored, readable by its owner only.
@Suite struct FileBridgeJournalTests {
    static let bridge = "tracker http://source → tracker http://target"

    static func entry(_ step: BridgeJournalEntry.Step, _ source: String, email: String = "ada@example.com")
        -> BridgeJournalEntry
    {
        BridgeJournalEntry(
            step: step, sourceID: ApplicationID(source), key: BridgeIntentKey(targetJob: "7", email: email),
            targetID: step == .created ? ApplicationID("70") : nil)
    }

    @Test func entriesSurviveReopeningAndTheUnsettledIntentIsInDoubt() async throws {
        try await withScratchFolder { folder in
            let file = folder.appendingPathComponent("j.journal")
            let journal = try FileBridgeJournal(url: file, bridge: Self.bridge)
            try await journal.record(Self.entry(.intent, "1"))
            try await journal.record(Self.entry(.created, "1"))
            try await journal.record(Self.entry(.intent, "2", email: "bo@example.com"))
            await journal.close()

            let reopened = try FileBridgeJournal(url: file, bridge: Self.bridge)
            #expect(await reopened.entries().map(\.step) == [.intent, .created, .intent])
            #expect(try await reopened.createsInDoubt() == [BridgeIntentKey(targetJob: "7", email: "bo@example.com")])
            await reopened.close()
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "the owner's only")
        }
    }

    @Test func someoneElsesFileIsRefusedAndLeftAlone() async throws {
        try await withScratchFolder { folder in
            let file = folder.appendingPathComponent("reject.journal")
            let foreign =
                #"{"application":"12","recordedAt":"2026-12-05T00:00:00Z","references":[],"step":"intent"}"# + "\n"
            try foreign.write(to: file, atomically: true, encoding: .utf8)
            let error = try #require(throws: ATSError.self) { try FileBridgeJournal(url: file, bridge: Self.bridge) }
            #expect(error.message.contains("is not an ats bridge journal"))
            #expect(try String(contentsOf: file, encoding: .utf8) == foreign, "not a byte changed")

            let other = folder.appendingPathComponent("other.journal")
            let theirs = try FileBridgeJournal(url: other, bridge: "workable https://a → tracker https://b")
            await theirs.close()
            let mismatch = try #require(throws: ATSError.self) {
                try FileBridgeJournal(url: other, bridge: Self.bridge)
            }
            #expect(
                mismatch.message.contains("is the journal of another bridge (workable https://a → tracker https://b)"))
        }
    }

    @Test func aSecondRunOnTheSameJournalIsRefusedWhileTheFirstHoldsIt() async throws {
        try await withScratchFolder { folder in
            let file = folder.appendingPathComponent("j.journal")
            let first = try FileBridgeJournal(url: file, bridge: Self.bridge)
            let busy = try #require(throws: ATSError.self) { try FileBridgeJournal(url: file, bridge: Self.bridge) }
            #expect(busy.code == .conflict)
            #expect(busy.message.contains("Another `ats bridge` run is using the journal"))
            await first.close()
            let second = try FileBridgeJournal(url: file, bridge: Self.bridge)
            await second.close()
        }
    }

    @Test func aLineTornByACrashIsIgnoredAndCutOffBeforeTheNextEntry() async throws {
        try await withScratchFolder { folder in
            let file = folder.appendingPathComponent("j.journal")
            let journal = try FileBridgeJournal(url: file, bridge: Self.bridge)
            try await journal.record(Self.entry(.intent, "1"))
            await journal.close()
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"step":"created","sou"#.utf8))
            try handle.close()

            let reopened = try FileBridgeJournal(url: file, bridge: Self.bridge)
            #expect(await reopened.entries().count == 1)
            try await reopened.record(Self.entry(.created, "1"))
            await reopened.close()
            let again = try FileBridgeJournal(url: file, bridge: Self.bridge, readOnly: true)
            #expect(await again.entries().map(\.step) == [.intent, .created])
            #expect(try await again.createsInDoubt().isEmpty)
        }
    }

    @Test func aDamagedLineInTheMiddleIsReportedNotGuessedAround() async throws {
        try await withScratchFolder { folder in
            let file = folder.appendingPathComponent("j.journal")
            let journal = try FileBridgeJournal(url: file, bridge: Self.bridge)
            try await journal.record(Self.entry(.intent, "1"))
            await journal.close()
            var text = try String(contentsOf: file, encoding: .utf8)
            let lastLine = text.split(separator: "\n").last.map(String.init) ?? ""
            text += "not json\n" + lastLine + "\n"
            try text.write(to: file, atomically: true, encoding: .utf8)
            let error = try #require(throws: ATSError.self) { try FileBridgeJournal(url: file, bridge: Self.bridge) }
            #expect(error.message.contains("has a damaged line 3"))
        }
    }
}

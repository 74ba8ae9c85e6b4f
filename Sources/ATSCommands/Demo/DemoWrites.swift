import ATSCore
import Foundation
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// The recruiter's changes `ats demo` makes through the client between its two syncs.
struct DemoWrites {
    let client: TrackerATSClient
    let output: CommandOutput

    /// What was changed, to check the re-sync against.
    struct Changes {
        var stageMoves: [(id: Int, from: String, to: String)] = []
        var taggedApplications: [Int] = []
        var newNotes = 0

        var changedApplications: Set<Int> {
            Set(stageMoves.map(\.id)).union(taggedApplications)
        }
    }

    /// Moves one application forward, rejects another with a reason, notes a third and tags a fourth.
    func make(choosingFrom control: SandboxControl) async throws -> Changes {
        let live = control.applications()
        let screening = live.filter { $0.status == "Screening" && !$0.archived }
        guard screening.count >= 2, let noted = live.dropFirst(7).first, let tagged = live.dropFirst(11).first else {
            throw CommandFailure.failed(
                "The demo account is too small to pick applications from; use more applications.")
        }
        var changes = Changes()
        let moved = screening[0]
        let move = try await client.moveToStage(
            StageMoveRequest(
                application: id(moved), to: StageID("Interview"), onlyFromStage: StageID("Screening"),
                wait: .verified))
        output.line(
            "   • moved application \(moved.id) (\(name(moved))): \"\(move.previousStage?.name ?? "?")\" → "
                + "\"\(move.stage.name)\", only if still in Screening; Tracker ran the set_app_status action and "
                + "the client read it back")
        changes.stageMoves.append((moved.id, moved.status, move.stage.name))

        let rejectedApplication = screening[1]
        let rejection = try await client.reject(
            id(rejectedApplication), options: RejectionOptions(reason: "The position was filled internally."))
        var reason = "the reason could not be kept"
        if case .note(let note) = rejection.reason {
            reason = "the reason kept as note \(note.rawValue), since Tracker has no rejection reasons"
            changes.newNotes += 1
        }
        output.line(
            "   • rejected application \(rejectedApplication.id) (\(name(rejectedApplication))): now "
                + "\"\(rejection.stage.name)\", \(reason)")
        changes.stageMoves.append((rejectedApplication.id, rejectedApplication.status, rejection.stage.name))

        let note = try await client.addNote(
            NoteDraft(
                "**Strong portfolio.** Next: a call with the [hiring manager](https://example.com/hm).",
                format: .markdown),
            toApplication: id(noted))
        output.line(
            "   • added a note to application \(noted.id) (\(name(noted))), Markdown turned into Tracker's plain "
                + "text: \"\(note.body)\"")
        changes.newNotes += 1

        _ = try await client.runAction(
            .tagApp, data: ["app_id": .integer(Int64(tagged.id)), "tag_text": "ats-demo"], wait: .executed)
        output.line(
            "   • tagged application \(tagged.id) (\(name(tagged))) \"ats-demo\" with a tag_app action, now executed")
        changes.taggedApplications.append(tagged.id)
        return changes
    }

    private func id(_ application: SandboxApplication) -> ApplicationID {
        ApplicationID(String(application.id))
    }

    private func name(_ application: SandboxApplication) -> String {
        "\(application.firstName) \(application.lastName)"
    }
}

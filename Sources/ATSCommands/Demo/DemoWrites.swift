import Foundation
import TrackerAPI
import TrackerSandbox

/// The recruiter's changes `ats demo` makes through the API between its two syncs.
struct DemoWrites {
    let api: TrackerAPI
    let output: CommandOutput

    /// What was changed, to check the re-sync against.
    struct Changes {
        var stageMoves: [(id: Int, from: String, to: String)] = []
        var taggedApplications: [Int] = []
        var notedApplications: [Int] = []

        var changedApplications: Set<Int> {
            Set(stageMoves.map(\.id)).union(taggedApplications)
        }
    }

    /// Moves one application forward, rejects another, notes a third and tags a fourth.
    func make(choosingFrom control: SandboxControl) async throws -> Changes {
        let live = control.applications()
        let screening = live.filter { $0.status == "Screening" && !$0.archived }
        guard screening.count >= 2, let noted = live.dropFirst(7).first, let tagged = live.dropFirst(11).first else {
            throw CommandFailure.failed(
                "The demo account is too small to pick applications from; use more applications.")
        }
        var changes = Changes()
        let (moved, rejected) = (screening[0], screening[1])
        try await setStatus(moved, to: "Interview", verb: "moved", changes: &changes)
        try await setStatus(rejected, to: "Not Selected", verb: "rejected", changes: &changes)

        let note = try await api.notes.create(
            TrackerNoteCreateRequest(
                applicationID: TrackerApplicationID(rawValue: String(noted.id)),
                body: "Strong portfolio; schedule a call with the hiring manager."))
        output.line("   • added note \(note.id.rawValue) to application \(noted.id) (\(name(noted)))")
        changes.notedApplications.append(noted.id)

        try await runAction(.tagApp, ["app_id": .integer(Int64(tagged.id)), "tag_text": "ats-demo"])
        output.line(
            "   • tagged application \(tagged.id) (\(name(tagged))) \"ats-demo\" with a tag_app action, now executed")
        changes.taggedApplications.append(tagged.id)
        return changes
    }

    private func setStatus(
        _ application: SandboxApplication, to status: String, verb: String, changes: inout Changes
    ) async throws {
        try await runAction(.setAppStatus, ["app_id": .integer(Int64(application.id)), "status": .string(status)])
        output.line(
            "   • \(verb) application \(application.id) (\(name(application))): \"\(application.status)\" → "
                + "\"\(status)\" with a set_app_status action, now executed")
        changes.stageMoves.append((application.id, application.status, status))
    }

    /// Creates an action and waits until Tracker has run it (actions are asynchronous).
    private func runAction(_ type: TrackerActionType, _ data: [String: TrackerJSON]) async throws {
        let action = try await api.actions.create(TrackerActionCreateRequest(type: type, data: data))
        let done = try await api.actions.waitUntilExecuted(action.id, pollInterval: .milliseconds(200))
        if done.hasFailed {
            throw CommandFailure.failed(
                "The sandbox could not run the \(type.rawValue) action: \(done.errorMessage ?? "no reason given").")
        }
    }

    private func name(_ application: SandboxApplication) -> String {
        "\(application.firstName) \(application.lastName)"
    }
}

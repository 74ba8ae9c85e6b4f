/// The widget operations: which exist, and who handles each.
struct RMSSandboxOperations {
    let store: RMSSandboxStore

    static let names: Set<String> = [
        "getrecords", "getindividualrecord", "updaterecord", "createresource", "createcontact", "createopportunity",
        "resourceapplication", "createactivity", "attachdocument", "checkperson", "checklogon", "getsettings",
        "getsettingsdata",
    ]

    func knows(_ operation: String, behavior: RMSSandboxBehavior) -> Bool {
        let name = operation.lowercased()
        if name == "getsettings" && behavior.settingsShape == .onlySettingsData { return false }
        return Self.names.contains(name)
    }

    func perform(
        _ operation: String, request: RMSSandboxBody, caller: RMSSandboxCaller, behavior: RMSSandboxBehavior
    ) -> RMSSandboxReply {
        switch operation.lowercased() {
        case "getrecords": return RMSSandboxReads(store: store).getRecords(request, caller: caller, behavior: behavior)
        case "getindividualrecord": return RMSSandboxReads(store: store).getIndividualRecord(request)
        case "updaterecord": return RMSSandboxWrites(store: store).updateRecord(request)
        case "createresource":
            return RMSSandboxWrites(store: store).createResource(request, caller: caller, behavior: behavior)
        case "resourceapplication":
            return RMSSandboxWrites(store: store).resourceApplication(request, behavior: behavior)
        case "createactivity":
            return RMSSandboxWrites(store: store).createActivity(request, caller: caller, behavior: behavior)
        case "attachdocument": return RMSSandboxWrites(store: store).attachDocument(request, behavior: behavior)
        case "createopportunity":
            return RMSSandboxWrites(store: store).createOpportunity(request, caller: caller, behavior: behavior)
        case "createcontact": return RMSSandboxWrites(store: store).createContact(request, behavior: behavior)
        case "checkperson": return RMSSandboxSettings(store: store).checkPerson(request)
        case "checklogon": return .envelope(status: 0, message: "success")
        case "getsettings", "getsettingsdata": return RMSSandboxSettings(store: store).settings(behavior: behavior)
        default: return .aspNet(404, "No action was found on the controller 'Widget' that matches the request.")
        }
    }
}

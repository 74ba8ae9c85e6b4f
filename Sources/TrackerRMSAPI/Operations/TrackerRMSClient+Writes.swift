public import Foundation
public import Logging

extension TrackerRMSClient {
    /// `updateRecord`: changes columns and custom fields of one record. Harmless to repeat, so
    /// retried like a read.
    /// - Parameters:
    ///   - type: The record type.
    ///   - id: The record id.
    ///   - updates: Column changes (values as text).
    ///   - customFields: Custom field values.
    ///   - skills: Skills (C, N and R only), as sent.
    ///   - logger: The logger for this call.
    /// - Throws: ``TrackerRMSError``.
    public func updateRecord(
        _ type: RMSRecordType, id: RMSRecordID, updates: [RMSColumnUpdate], customFields: [RMSCustomFieldValue] = [],
        skills: [RMSJSON] = [], logger: Logger? = nil
    ) async throws {
        var payload: [String: RMSJSON] = [
            "instructions": .object(["recordtype": .string(type.rawValue), "recordid": id.json]),
            "updates": .array(updates.map { .object(["column": .string($0.column), "value": .string($0.value)]) }),
        ]
        if !customFields.isEmpty { payload["customfields"] = .array(customFields.map(\.json)) }
        if !skills.isEmpty { payload["skills"] = .array(skills) }
        _ = try await send(
            RMSCall(
                operation: "updateRecord", label: "updateRecord \(type)", payload: payload, repeatability: .repeatable),
            logger: logger)
    }

    /// Moves a placement to a status (`updateRecord X` of `opportunityresourcestatusid`), then
    /// reads it back to confirm, because a server may accept an unknown id and change nothing.
    /// - Parameters:
    ///   - placementID: The placement.
    ///   - status: The target status (from ``settings(logger:)``).
    ///   - logger: The logger for this call.
    /// - Returns: The placement as read back.
    /// - Throws: ``TrackerRMSError``: `recordNotFound` when the placement does not exist,
    ///   `invalidRequest` when the server refused the status or did not apply it.
    @discardableResult
    public func movePlacement(_ placementID: RMSRecordID, to status: RMSStatus, logger: Logger? = nil) async throws
        -> RMSPlacement
    {
        try await updateRecord(
            .placement, id: placementID,
            updates: [RMSColumnUpdate(column: "opportunityresourcestatusid", value: status.id.rawValue)], logger: logger
        )
        guard let placement = try await record(RMSPlacement.self, id: placementID, logger: logger) else {
            throw TrackerRMSError(
                code: .recordNotFound, operation: "updateRecord X", detail: "placement \(placementID) was not found")
        }
        let applied =
            placement.statusID.map { $0 == status.id }
            ?? (placement.statusName?.lowercased() == status.name.lowercased())
        guard applied else {
            throw TrackerRMSError(
                code: .invalidRequest, operation: "updateRecord X",
                detail: "the server accepted the move to \"\(status.name)\" (id \(status.id)) but placement "
                    + "\(placementID) is still in \"\(placement.statusName ?? "?")\"; is the status id right for this account?"
            )
        }
        return placement
    }

    /// `createResource`. With `overwrite` off, a resource with the same e-mail address answers
    /// status 3 and its existing id (``RMSCreateOutcome/alreadyExisted``), which is also what makes
    /// a retry after a lost answer safe. Optionally also creates the placement on a job.
    /// - Parameters:
    ///   - resource: The resource.
    ///   - overwrite: `overwriteresource`.
    ///   - opportunityID: `assigntoopportunity`, to create the placement too.
    ///   - list: Which list the placement goes on.
    ///   - logger: The logger for this call.
    /// - Returns: The outcome.
    /// - Throws: ``TrackerRMSError``; `outcomeUnknown` when a resource without an e-mail address
    ///   may or may not have been created.
    public func createResource(
        _ resource: RMSNewResource, overwrite: Bool = false, assignTo opportunityID: RMSRecordID? = nil,
        list: RMSPlacementList = .applied, logger: Logger? = nil
    ) async throws -> RMSCreateOutcome {
        var instructions: [String: RMSJSON] = ["overwriteresource": .bool(overwrite)]
        if let opportunityID {
            instructions["assigntoopportunity"] = opportunityID.json
            instructions["assigntolist"] = .string(list.assignToList)
            instructions["shortlistedby"] = .string(list.shortlistedBy)
        }
        let hasEmail = !resource.email.rmsTrimmed.isEmpty
        let reply = try await send(
            RMSCall(
                operation: "createResource", label: "createResource",
                payload: ["resource": resource.json, "instructions": .object(instructions)],
                repeatability: hasEmail && !overwrite ? .deduplicatedByServer : .notRepeatable, acceptsExists: true),
            logger: logger)
        var outcome = RMSCreateOutcome(
            recordID: reply.recordID, recordName: reply.recordName, alreadyExisted: reply.status == 3)
        if outcome.recordID == nil {
            observe(.createWithoutRecordID, operation: "createResource", logger: self.logger(logger))
            if hasEmail {
                outcome.recordID = try await findResources(
                    email: resource.email, nameHint: resource.fullName, logger: logger
                ).first?.id
            }
        }
        return outcome
    }

    /// `resourceApplication`: puts a resource on an opportunity (creates the placement). The status
    /// is the account's default for the list. The same pair twice answers status 3 with the
    /// existing placement, so the call is idempotent per resource and job and safe to retry.
    /// - Parameters:
    ///   - resourceID: The resource.
    ///   - opportunityID: The opportunity.
    ///   - list: Which list, which decides the first status.
    ///   - source: The source text.
    ///   - logger: The logger for this call.
    /// - Returns: The outcome; ``RMSCreateOutcome/recordID`` is the placement id.
    /// - Throws: ``TrackerRMSError``.
    public func createPlacement(
        resource resourceID: RMSRecordID, opportunity opportunityID: RMSRecordID, list: RMSPlacementList = .applied,
        source: String = "", logger: Logger? = nil
    ) async throws -> RMSCreateOutcome {
        let reply = try await send(
            RMSCall(
                operation: "resourceApplication", label: "resourceApplication",
                payload: [
                    "instructions": .object([
                        "opportunityid": opportunityID.json, "resourceid": resourceID.json,
                        "assigntolist": .string(list.assignToList), "shortlistedby": .string(list.shortlistedBy),
                        "source": .string(source),
                    ])
                ], repeatability: .deduplicatedByServer, acceptsExists: true), logger: logger)
        var outcome = RMSCreateOutcome(
            recordID: reply.recordID, recordName: reply.recordName, alreadyExisted: reply.status == 3)
        if outcome.recordID == nil {
            observe(.createWithoutRecordID, operation: "resourceApplication", logger: self.logger(logger))
            let recent = placements(RMSRecordQuery(order: .lastUpdatedDescending, pageSize: 100), logger: logger)
            var pages = recent.makeAsyncIterator()
            if let page = try await pages.next() {
                outcome.recordID =
                    page.records.first { $0.opportunityID == opportunityID && $0.resourceID == resourceID }?.id
            }
        }
        return outcome
    }

    /// `createActivity`: a note (or call, e-mail …) linked to a record. Not repeatable by itself:
    /// after a failure that may have landed, the newest activities are read and the call is
    /// repeated only when none matches.
    /// - Parameters:
    ///   - activity: The activity.
    ///   - at: When it happened, written as the account's local date and time; omitted (the
    ///     server uses its own now) when `nil` or when the account's zone is unknown.
    ///   - logger: The logger for this call.
    /// - Returns: The outcome; ``RMSCreateOutcome/recordID`` is the activity id.
    /// - Throws: ``TrackerRMSError``.
    public func createActivity(_ activity: RMSNewActivity, at: Date? = nil, logger: Logger? = nil) async throws
        -> RMSCreateOutcome
    {
        guard activity.linkRecordType != .placement else {
            throw TrackerRMSError(
                code: .invalidArgument, operation: "createActivity",
                detail: "an activity cannot link to a placement (X); link the resource and pass placementID")
        }
        var fields: [String: RMSJSON] = [
            "subject": .string(activity.subject), "type": .string(activity.type), "note": .string(activity.note),
            "linkRecordType": .string(activity.linkRecordType.rawValue), "linkRecordId": activity.linkRecordID.json,
            "status": .string("Completed"), "priority": .string("Normal"), "contactType": .string(""),
        ]
        if let placementID = activity.placementID { fields["opportunityResourceId"] = placementID.json }
        if let userID = activity.userID { fields["userId"] = userID.json }
        if let at, let wall = accountTime.wallClock(at) {
            let text = wall.wireText
            fields["date"] = .string(String(text.prefix(10)))
            fields["time"] = .string(String(text.dropFirst(11).prefix(5)))
        }
        var payload: [String: RMSJSON] = ["activity": .object(fields)]
        if !activity.customFields.isEmpty { payload["customfields"] = .array(activity.customFields.map(\.json)) }
        let reply = try await send(
            RMSCall(
                operation: "createActivity", label: "createActivity", payload: payload, repeatability: .notRepeatable),
            logger: logger
        ) { [self] in
            try await landedActivity(activity, logger: logger)
        }
        return RMSCreateOutcome(recordID: reply.recordID, recordName: reply.recordName, alreadyExisted: false)
    }

    /// The reply standing for an activity that landed although its answer was lost, or `nil`.
    private func landedActivity(_ activity: RMSNewActivity, logger: Logger?) async throws -> RMSReply? {
        var pages = activities(RMSRecordQuery(order: .lastUpdatedDescending, pageSize: 100), logger: logger)
            .makeAsyncIterator()
        guard let page = try await pages.next() else { return nil }
        let linked: (RMSActivity) -> Bool = { found in
            activity.linkRecordType == .resource
                ? found.resourceID == activity.linkRecordID : found.opportunityID == activity.linkRecordID
        }
        guard
            let match = page.records.first(where: {
                linked($0) && $0.subject == activity.subject && $0.note == activity.note
            })
        else { return nil }
        return RMSReply(
            status: 0, message: "found after a lost answer", count: 0, results: [], recordID: match.id, recordName: nil,
            body: .object([:]))
    }

    /// `attachDocument`: uploads a file (base64 in the JSON body) to a record. Not retried once it
    /// may have reached the server: there is no widget call to check whether it landed.
    /// - Parameters:
    ///   - document: The document.
    ///   - logger: The logger for this call.
    /// - Returns: The outcome; ``RMSCreateOutcome/recordID`` is the document id when sent.
    /// - Throws: ``TrackerRMSError``: `invalidArgument` above ``RMSNewDocument/maximumBytes`` or for an
    ///   empty name, `outcomeUnknown` when the answer was lost.
    public func attachDocument(_ document: RMSNewDocument, logger: Logger? = nil) async throws -> RMSCreateOutcome {
        guard document.data.count <= RMSNewDocument.maximumBytes else {
            throw TrackerRMSError(
                code: .invalidArgument, operation: "attachDocument",
                detail: "the file is \(document.data.count) bytes; uploads are capped at \(RMSNewDocument.maximumBytes)"
            )
        }
        guard !document.filename.rmsTrimmed.isEmpty, document.recordType != .placement else {
            throw TrackerRMSError(
                code: .invalidArgument, operation: "attachDocument",
                detail: "a document needs a file name and a record type other than X (attach to the resource)")
        }
        let file: RMSJSON = .object([
            "filename": .string(document.filename), "recordType": .string(document.recordType.rawValue),
            "recordId": document.recordID.json, "documentType": .string(document.documentType),
            "primary": .string(document.isPrimary ? "y" : "n"),
            "data": .string(Data(document.data).base64EncodedString()),
        ])
        let reply = try await send(
            RMSCall(
                operation: "attachDocument", label: "attachDocument", payload: ["file": file],
                repeatability: .notRepeatable),
            logger: logger)
        return RMSCreateOutcome(recordID: reply.recordID, recordName: reply.recordName, alreadyExisted: false)
    }

    /// `createOpportunity` (a job) or `createContact`: the payload as the vendor documents it,
    /// under its key (`opportunity` or `contact`). Seeding and tests only; not repeated once it may
    /// have landed.
    /// - Parameters:
    ///   - type: ``RMSRecordType/opportunity`` or ``RMSRecordType/contact``.
    ///   - fields: The record's fields.
    ///   - instructions: `createpersonifnotexists`, `createcompanyifnotexists` …
    ///   - logger: The logger for this call.
    /// - Returns: The outcome.
    /// - Throws: ``TrackerRMSError``.
    public func createRecord(
        _ type: RMSRecordType, fields: [String: RMSJSON], instructions: [String: RMSJSON] = [:], logger: Logger? = nil
    ) async throws -> RMSCreateOutcome {
        let (operation, key): (String, String)
        switch type {
        case .opportunity: (operation, key) = ("createOpportunity", "opportunity")
        case .contact: (operation, key) = ("createContact", "contact")
        default:
            throw TrackerRMSError(
                code: .invalidArgument, operation: "create",
                detail: "createRecord makes opportunities (O) and contacts (N); use createResource for resources")
        }
        let reply = try await send(
            RMSCall(
                operation: operation, label: operation,
                payload: [key: .object(fields), "instructions": .object(instructions)], repeatability: .notRepeatable,
                acceptsExists: true), logger: logger)
        return RMSCreateOutcome(
            recordID: reply.recordID, recordName: reply.recordName, alreadyExisted: reply.status == 3)
    }
}

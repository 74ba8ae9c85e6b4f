public import Logging

extension TrackerRMSClient {
    /// Opportunities (jobs): `getRecords` with `recordtype: "O"`, paged lazily.
    /// - Parameters:
    ///   - query: Filters and order.
    ///   - logger: The logger for this call; `nil` uses the configuration's.
    /// - Returns: The pages; iterate ``RMSPageSequence/records`` for one record at a time.
    public func opportunities(_ query: RMSRecordQuery = .init(), logger: Logger? = nil) -> RMSPageSequence<
        RMSOpportunity
    > {
        RMSPageSequence(client: self, query: query, logger: logger)
    }

    /// Resources (candidates): `getRecords` with `recordtype: "R"`.
    /// - Parameters:
    ///   - query: Filters and order.
    ///   - logger: The logger for this call.
    /// - Returns: The pages.
    public func resources(_ query: RMSRecordQuery = .init(), logger: Logger? = nil) -> RMSPageSequence<RMSResource> {
        RMSPageSequence(client: self, query: query, logger: logger)
    }

    /// Placements (applications): `getRecords` with `recordtype: "X"`. The vendor says a live
    /// account lists only placements in a Working, Offer or Complete state; earlier stages may be
    /// missing (cross-check with ``opportunity(_:logger:)``'s ``RMSOpportunityDetail/placements``).
    /// - Parameters:
    ///   - query: Filters and order.
    ///   - logger: The logger for this call.
    /// - Returns: The pages.
    public func placements(_ query: RMSRecordQuery = .init(), logger: Logger? = nil) -> RMSPageSequence<RMSPlacement> {
        RMSPageSequence(client: self, query: query, logger: logger)
    }

    /// Activities (notes, calls …): `getRecords` with `recordtype: "A"`. They cannot be filtered by
    /// linked record: filter on ``RMSActivity/resourceID`` and friends.
    /// - Parameters:
    ///   - query: Filters and order.
    ///   - logger: The logger for this call.
    /// - Returns: The pages.
    public func activities(_ query: RMSRecordQuery = .init(), logger: Logger? = nil) -> RMSPageSequence<RMSActivity> {
        RMSPageSequence(client: self, query: query, logger: logger)
    }

    /// One record by id through `getRecords` (`recordtype` + `recordid`), the way to read one
    /// placement; `nil` when the server has none.
    /// - Parameters:
    ///   - type: The record type to read, such as ``RMSPlacement``.
    ///   - id: The id.
    ///   - logger: The logger for this call.
    /// - Returns: The record, or `nil`.
    /// - Throws: ``TrackerRMSError``.
    public func record<Record: RMSRecordDecodable>(
        _ type: Record.Type, id: RMSRecordID, logger: Logger? = nil
    ) async throws -> Record? {
        let call = RMSCall(
            operation: "getRecords", label: "getRecords \(Record.recordType)",
            payload: [
                "instructions": .object([
                    "recordtype": .string(Record.recordType.rawValue), "recordid": id.json,
                    "includecustomfields": .bool(true),
                ])
            ], repeatability: .repeatable, status99Attempts: 3)
        do {
            let reply = try await send(call, logger: logger)
            return reply.results.lazy.compactMap { Record(record: RMSRecord(raw: $0), time: self.accountTime) }
                .first { $0.id == id }
        } catch let error as TrackerRMSError where error.rmsStatus == 99 {
            return nil
        }
    }

    /// `getIndividualRecord`: one record's richer view (types L, O, P, T, A, R only).
    /// - Parameters:
    ///   - type: The record type.
    ///   - id: The id.
    ///   - logger: The logger for this call.
    /// - Returns: The record.
    /// - Throws: ``TrackerRMSError`` with `recordNotFound` when it does not exist, or
    ///   `invalidArgument` for C, N or X, which the operation does not take.
    public func individualRecord(_ type: RMSRecordType, id: RMSRecordID, logger: Logger? = nil) async throws
        -> RMSRecord
    {
        let label = "getIndividualRecord \(type)"
        guard ![RMSRecordType.client, .contact, .placement].contains(type) else {
            throw TrackerRMSError(
                code: .invalidArgument, operation: label,
                detail: "getIndividualRecord takes record types L, O, P, T, A and R only; read \(type) with getRecords")
        }
        let call = RMSCall(
            operation: "getIndividualRecord", label: label,
            payload: ["instructions": .object(["recordtype": .string(type.rawValue), "recordid": id.json])],
            repeatability: .repeatable, status99Attempts: 3)
        let reply: RMSReply
        do {
            reply = try await send(call, logger: logger)
        } catch var error as TrackerRMSError where error.rmsStatus == 99 {
            error.code = .recordNotFound
            error.detail = "no \(type) record with id \(id) (or the server refused the request)"
            throw error
        }
        guard let first = reply.results.first else {
            throw TrackerRMSError(
                code: .recordNotFound, operation: label, rmsStatus: reply.status,
                detail: "no \(type) record with id \(id)")
        }
        return RMSRecord(raw: first)
    }

    /// An opportunity's full view, with its placements (`Placements`) and owners.
    /// - Parameters:
    ///   - id: The opportunity id.
    ///   - logger: The logger for this call.
    /// - Returns: The opportunity.
    /// - Throws: ``TrackerRMSError``.
    public func opportunity(_ id: RMSRecordID, logger: Logger? = nil) async throws -> RMSOpportunityDetail {
        let record = try await individualRecord(.opportunity, id: id, logger: logger)
        guard let detail = RMSOpportunityDetail(record: record, time: accountTime) else {
            throw TrackerRMSError(
                code: .malformedResponse, operation: "getIndividualRecord O", detail: "the record has no id")
        }
        return detail
    }
}

/// `getIndividualRecord O`: an opportunity with its client, contact, owners and placements.
public struct RMSOpportunityDetail: Sendable, Hashable {
    /// One entry of `Placements`.
    public struct PlacementEntry: Sendable, Hashable {
        /// `PlacementId`.
        public var placementID: RMSRecordID
        /// `CandidateId` (the resource).
        public var resourceID: RMSRecordID?
        /// `CandidateName`.
        public var resourceName: String?
    }

    /// The opportunity as a typed record.
    public var opportunity: RMSOpportunity
    /// `subject`, such as `JOB-3111 Private Secretary`.
    public var subject: String?
    /// `contactid`.
    public var contactID: RMSRecordID?
    /// `contactname`.
    public var contactName: String?
    /// `Owners`, as sent.
    public var owners: RMSJSON?
    /// `Placements`: the job's applications.
    public var placements: [PlacementEntry]

    init?(record: RMSRecord, time: RMSAccountTime) {
        guard let opportunity = RMSOpportunity(record: record, time: time) else { return nil }
        self.opportunity = opportunity
        subject = record.text("subject")
        contactID = RMSRecordID(json: record.field("contactid"))
        contactName = record.text("contactname")
        owners = record.field("Owners")
        let entries = record.field("Placements")?.arrayValue ?? []
        placements = entries.compactMap { entry in
            guard let id = RMSRecordID(json: entry.firstMember("PlacementId", "placementid", "id")) else { return nil }
            return PlacementEntry(
                placementID: id, resourceID: RMSRecordID(json: entry.firstMember("CandidateId", "resourceid")),
                resourceName: entry.firstMember("CandidateName", "resourcename")?.scalarText)
        }
    }
}

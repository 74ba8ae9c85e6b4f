public import Logging

extension TrackerRMSClient {
    /// `checkLogon`: whether the credentials are valid. Returns when they are.
    /// - Parameter logger: The logger for this call.
    /// - Throws: ``TrackerRMSError`` with `authenticationFailed` or `userInactive` when not.
    public func checkLogon(logger: Logger? = nil) async throws {
        _ = try await send(
            RMSCall(operation: "checkLogon", label: "checkLogon", payload: [:], repeatability: .repeatable),
            logger: logger)
    }

    /// The account's settings: placement statuses (the stages), opportunity and resource
    /// statuses, custom fields and users. Asks `getSettings`, and `getSettingsData` when the server
    /// does not know the first.
    /// - Parameter logger: The logger for this call.
    /// - Returns: The settings (lists may be empty when the account does not expose them).
    /// - Throws: ``TrackerRMSError``; `notSupported` when neither operation exists.
    public func settings(logger: Logger? = nil) async throws -> RMSSettings {
        do {
            let reply = try await send(
                RMSCall(
                    operation: "getSettings", label: "getSettings", payload: [:], repeatability: .repeatable,
                    status99Attempts: 3), logger: logger)
            let settings = RMSSettings(reply: reply, operation: "getSettings")
            if !settings.placementStatuses.isEmpty || !settings.customFields.isEmpty { return settings }
        } catch let error as TrackerRMSError where error.code == .notSupported || error.rmsStatus == 99 {
            // Fall through to the other spelling.
        }
        let reply = try await send(
            RMSCall(
                operation: "getSettingsData", label: "getSettingsData", payload: [:], repeatability: .repeatable),
            logger: logger)
        observe(.settingsDataFallback, operation: "getSettings", logger: self.logger(logger))
        return RMSSettings(reply: reply, operation: "getSettingsData")
    }

    /// `checkPerson`: which kinds of record hold an e-mail address, phone or LinkedIn URL. A hint
    /// only (it returns no id): find a resource by e-mail with ``findResources(email:nameHint:logger:)``.
    /// - Parameters:
    ///   - email: The e-mail address.
    ///   - phone: A phone number.
    ///   - linkedIn: A LinkedIn URL.
    ///   - logger: The logger for this call.
    /// - Returns: The record letters found and the first record's fields.
    /// - Throws: ``TrackerRMSError``.
    public func checkPerson(email: String = "", phone: String = "", linkedIn: String = "", logger: Logger? = nil)
        async throws -> RMSPersonCheck
    {
        let reply = try await send(
            RMSCall(
                operation: "checkPerson", label: "checkPerson",
                payload: [
                    "details": .object([
                        "email": .string(email), "phone": .string(phone), "linkedin": .string(linkedIn),
                    ])
                ], repeatability: .repeatable), logger: logger)
        let source = reply.body.member("recordTypes") != nil ? reply.body : (reply.results.first ?? reply.body)
        let types: [String]
        switch source.member("recordTypes") {
        case .array(let letters)?: types = letters.compactMap(\.scalarText)
        case .string(let letters)?: types = letters.split(separator: ",").map { $0.rmsTrimmed }
        default: types = []
        }
        return RMSPersonCheck(recordTypes: types, firstRecord: source.member("firstRecord"))
    }

    /// Resources whose e-mail address equals `email` (trimmed, ignoring case), found by paging
    /// `getRecords R` and comparing `details.email` (`searchtext` matches names only, so a name
    /// narrows the scan; without one every resource is read).
    /// - Parameters:
    ///   - email: The address.
    ///   - nameHint: The person's full name, used as `searchtext`, or `nil` to scan every resource.
    ///   - logger: The logger for this call.
    /// - Returns: The matching resources.
    /// - Throws: ``TrackerRMSError``.
    public func findResources(email: String, nameHint: String? = nil, logger: Logger? = nil) async throws
        -> [RMSResource]
    {
        let wanted = email.rmsTrimmed.lowercased()
        guard !wanted.isEmpty else { return [] }
        var found: [RMSResource] = []
        for try await resource in resources(RMSRecordQuery(searchText: nameHint ?? ""), logger: logger).records
        where resource.normalizedEmail == wanted || resource.otherEmail?.lowercased() == wanted {
            found.append(resource)
        }
        return found
    }
}

/// What `checkPerson` found.
public struct RMSPersonCheck: Sendable, Hashable {
    /// The letters of the record kinds holding the details: C contact, R resource, U user.
    public var recordTypes: [String]
    /// The first match's fields (name, e-mail, phones — no id).
    public var firstRecord: RMSJSON?
}

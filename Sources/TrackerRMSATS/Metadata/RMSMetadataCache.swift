public import ATSCore
import Foundation
public import TrackerRMSAPI

/// The account's settings as the client uses them: placement statuses (the stages), opportunity
/// statuses, custom fields and their lists, users.
public struct RMSMetadata: Sendable, Hashable {
    /// Where the placement statuses came from.
    public enum StatusSource: String, Sendable, Hashable {
        /// The account's settings (`getSettings` or `getSettingsData`).
        case account
        /// The configured known stages only: the account does not expose its statuses.
        case configuration
        /// Nowhere: no status is known.
        case none
    }

    /// The placement statuses: the account's, then configured ones it does not have.
    public var placementStatuses: [RMSStatus]
    /// Where they came from.
    public var statusSource: StatusSource
    /// The opportunity statuses (open, won, closed …).
    public var opportunityStatuses: [RMSStatus]
    /// Custom field definitions.
    public var customFields: [RMSCustomFieldDefinition]
    /// Custom field pick-lists.
    public var customFieldLists: [RMSCustomFieldList]
    /// The account's users.
    public var users: [RMSUser]
    /// Why the account's settings could not be read, when they could not.
    public var settingsFailure: String?

    /// The workflow: the placement statuses grouped, groups in the order their first status appears.
    public var workflow: [(group: String, statuses: [RMSStatus])] {
        var order: [String] = []
        var members: [String: [RMSStatus]] = [:]
        for status in placementStatuses {
            let group = status.group ?? ""
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(status)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    /// The placement status a stage id or name names: by id first, then by exact name, then by name
    /// ignoring case.
    /// - Parameter stage: The stage's id or name.
    /// - Returns: The status, or nil.
    public func placementStatus(matching stage: String) -> RMSStatus? {
        let wanted = stage.trimmingCharacters(in: .whitespaces)
        return placementStatuses.first { $0.id.rawValue == wanted }
            ?? placementStatuses.first { $0.name == wanted }
            ?? placementStatuses.first { $0.name.lowercased() == wanted.lowercased() }
    }

    /// The stage of a placement: its status id looked up (the account's name), else its status name.
    /// - Parameter placement: The placement.
    /// - Returns: The stage, or nil when the placement has no status.
    public func stage(of placement: RMSPlacement) -> Stage? {
        if let id = placement.statusID, let status = placementStatuses.first(where: { $0.id == id }) {
            return Stage(id: StageID(status.id.rawValue), name: status.name)
        }
        if let name = placement.statusName {
            // A status name not in the list is kept: it is still the stage's name.
            let status = placementStatuses.first { $0.name.lowercased() == name.lowercased() }
            return Stage(id: StageID(status?.id.rawValue ?? placement.statusID?.rawValue ?? name), name: name)
        }
        return placement.statusID.map { Stage(id: StageID($0.rawValue), name: $0.rawValue) }
    }

    /// The stages, in the account's order.
    public var stages: [Stage] {
        placementStatuses.map { Stage(id: StageID($0.id.rawValue), name: $0.name) }
    }

    /// The names of the known statuses, for messages: `"Applied" (1), "Shortlisted" (2) …`.
    public var statusList: String {
        placementStatuses.isEmpty
            ? "none" : placementStatuses.map { "\"\($0.name)\" (\($0.id))" }.joined(separator: ", ")
    }
}

/// The account's settings, read once and kept for a while; an unknown status name or id makes the
/// next lookup read them again (at most once a minute), so a status added in Tracker RMS is found.
public actor RMSMetadataCache {
    private let rms: TrackerRMSClient
    private let knownStages: [RMSStatus]
    private let timeToLive: Duration
    private let clock = ContinuousClock()
    private var cached: (metadata: RMSMetadata, at: ContinuousClock.Instant)?
    private var loading: Task<RMSMetadata, any Error>?

    init(rms: TrackerRMSClient, knownStages: [RMSStatus], timeToLive: Duration) {
        self.rms = rms
        self.knownStages = knownStages
        self.timeToLive = timeToLive
    }

    /// The settings, from the cache when fresh.
    /// - Returns: The metadata.
    /// - Throws: ``ATSCore/ATSError`` when the settings cannot be read for another reason than the
    ///   account not exposing them (credentials refused, the server unreachable).
    public func current() async throws -> RMSMetadata {
        if let cached, clock.now - cached.at < timeToLive { return cached.metadata }
        return try await load()
    }

    /// Reads the settings again unless they were read in the last minute.
    /// - Returns: The metadata.
    /// - Throws: ``ATSCore/ATSError``.
    public func refreshed() async throws -> RMSMetadata {
        if let cached, clock.now - cached.at < .seconds(60) { return cached.metadata }
        return try await load()
    }

    /// Forgets the cached settings.
    public func invalidate() {
        cached = nil
    }

    private func load() async throws -> RMSMetadata {
        if let loading { return try await loading.value }
        let task = Task { [rms, knownStages] in try await Self.read(rms: rms, knownStages: knownStages) }
        loading = task
        defer { loading = nil }
        let metadata = try await task.value
        cached = (metadata, clock.now)
        return metadata
    }

    private static func read(rms: TrackerRMSClient, knownStages: [RMSStatus]) async throws -> RMSMetadata {
        var settings: RMSSettings?
        var failure: String?
        do {
            settings = try await rms.settings()
        } catch let error as TrackerRMSError where Self.meansNoSettingsOperation(error) {
            // An account (or a server version) without the settings operation: degrade to the
            // configured stages rather than fail every read. A write that needs the statuses or the
            // custom fields then names this failure.
            failure = error.description
        } catch {
            throw RMSErrors.map(error, operation: .allApplicationStages)
        }
        var statuses = settings?.placementStatuses ?? []
        let source: RMSMetadata.StatusSource =
            statuses.isEmpty ? (knownStages.isEmpty ? .none : .configuration) : .account
        for known in knownStages where !statuses.contains(where: { $0.id == known.id || $0.name == known.name }) {
            statuses.append(known)
        }
        return RMSMetadata(
            placementStatuses: statuses, statusSource: source, opportunityStatuses: settings?.opportunityStatuses ?? [],
            customFields: settings?.customFields ?? [], customFieldLists: settings?.customFieldLists ?? [],
            users: settings?.users ?? [], settingsFailure: failure)
    }

    /// Whether a failed settings read says the account has no settings operation, rather than that
    /// the server failed: an unknown operation is answered "not supported", HTTP 404 or status 99
    /// (the wire client has already tried both spellings). A 5xx, an HTML page or a dropped
    /// connection is the server failing, and fails the caller: degrading then would mirror stages
    /// without their names and refuse writes for the wrong reason.
    static func meansNoSettingsOperation(_ error: TrackerRMSError) -> Bool {
        switch error.code {
        case .notSupported, .invalidRequest: true
        case .httpStatus: error.httpStatus == 404
        default: false
        }
    }
}

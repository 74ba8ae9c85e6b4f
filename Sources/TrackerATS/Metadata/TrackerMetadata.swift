public import ATSCore
public import TrackerAPI

/// What a Tracker account is configured with, as far as its API shows it.
public struct TrackerMetadata: Sendable {
    /// The categories of the account's jobs, sorted.
    public var jobCategories: [String]
    /// The application statuses: the configured known ones in their order, then every other status
    /// seen in data, in the order first seen. Tracker has no endpoint that lists them.
    public var applicationStatuses: [String]
    /// The workflow catalogue and triggers.
    public var workflow: TrackerWorkflowConfiguration
    /// The custom-field schemas.
    public var customFieldSchemas: TrackerCustomFieldSchemas
}

/// The workflow an account can automate: the action catalogue, the event types and the triggers.
public struct TrackerWorkflowConfiguration: Sendable {
    /// Every action type and the data it needs.
    public var actions: [TrackerActionDefinition]
    /// Every event type.
    public var events: [TrackerEventType]
    /// The triggers the account has.
    public var triggers: [TrackerTrigger]

    /// Creates a workflow configuration.
    /// - Parameters:
    ///   - actions: The action catalogue.
    ///   - events: The event types.
    ///   - triggers: The triggers.
    public init(actions: [TrackerActionDefinition], events: [TrackerEventType], triggers: [TrackerTrigger]) {
        self.actions = actions
        self.events = events
        self.triggers = triggers
    }
}

/// The application and job custom-field schemas.
public struct TrackerCustomFieldSchemas: Sendable {
    /// The application (applicant) schema.
    public var applications: TrackerFieldSchema
    /// The job schema.
    public var jobs: TrackerFieldSchema

    /// Creates the pair.
    /// - Parameters:
    ///   - applications: The application schema.
    ///   - jobs: The job schema.
    public init(applications: TrackerFieldSchema, jobs: TrackerFieldSchema) {
        self.applications = applications
        self.jobs = jobs
    }

    /// The schema of one kind of record; candidates use the application schema.
    /// - Parameter owner: The kind of record.
    /// - Returns: Its schema.
    public func schema(for owner: CustomFieldOwner) -> TrackerFieldSchema {
        switch owner {
        case .application: applications
        case .candidate: applications.owned(by: .candidate)
        case .job: jobs
        }
    }
}

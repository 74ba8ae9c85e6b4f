/// Everything that can change in a running sandbox, guarded as one value by `SandboxStore`'s lock.
struct SandboxState: Sendable {
    let generator: DataGenerator
    let configuration: SandboxConfiguration
    var behavior: SandboxBehavior {
        didSet {
            if behavior.timeZone != oldValue.timeZone {
                zone = ZoneOffsetTable(timeZone: behavior.timeZone, around: generator.anchor)
            }
        }
    }
    private(set) var zone: ZoneOffsetTable
    var jobs: ResourceTable<SandboxJob>
    var applications: ResourceTable<SandboxApplication>
    var notes: ResourceTable<SandboxNote>
    var files: ResourceTable<SandboxFile>
    var applicationSchema = CustomFieldSchemaState(fields: DataGenerator.initialApplicationSchema)
    var jobSchema = CustomFieldSchemaState(fields: DataGenerator.initialJobSchema)
    var workflow = WorkflowState()
    /// How many changes `mutate` has made; also the index of its next random draw.
    var mutationCount = 0
    /// The background mutation rate's progress on the sandbox clock (`nil` while the rate is 0).
    var mutationSchedule: MutationSchedule?

    init(configuration: SandboxConfiguration) {
        let anchor = configuration.clock.now().epochSeconds
        let generator = DataGenerator(configuration: configuration, anchor: anchor)
        self.generator = generator
        self.configuration = configuration
        behavior = configuration.behavior
        zone = ZoneOffsetTable(timeZone: configuration.behavior.timeZone, around: generator.anchor)
        jobs = ResourceTable(baseCount: generator.jobCount)
        applications = ResourceTable(baseCount: generator.applicationCount)
        notes = ResourceTable(baseCount: generator.noteCount)
        files = ResourceTable(baseCount: generator.fileCount)
        mutationSchedule = MutationSchedule(rate: behavior.mutationRate, startingAt: configuration.clock.now())
    }

    /// The sandbox clock's reading in whole seconds (never before the data's anchor, so records
    /// changed now are never older than generated ones).
    var now: Int64 { max(configuration.clock.now().epochSeconds, generator.anchor) }

    var renderContext: RenderContext {
        RenderContext(
            timestampMode: behavior.timestampMode,
            zone: zone,
            companyID: configuration.companyID,
            applicationSchema: applicationSchema,
            jobSchema: jobSchema
        )
    }

    func job(_ id: Int) -> SandboxJob? { jobs.record(id, base: generator.job) }
    func application(_ id: Int) -> SandboxApplication? { applications.record(id, base: generator.application) }
    func note(_ id: Int) -> SandboxNote? { notes.record(id, base: generator.note) }
    func file(_ id: Int) -> SandboxFile? { files.record(id, base: generator.file) }

    /// The account's status names, trimmed.
    var statuses: [String] { generator.statuses }
}

/// Workflow records: actions, triggers, webhooks and what they produced.
struct WorkflowState: Sendable {
    /// All actions; action `id` is at index `id - 1`.
    var actions: [SandboxAction] = []
    /// Trigger chain depth of each action (0 for actions created through the API).
    var actionDepths: [Int] = []
    /// Ids of actions that have not run yet, ascending.
    var pendingActionIDs = SortedIDs<Int>()
    var triggers: [SandboxTrigger] = []
    var nextTriggerID = 1
    var webhooks: [SandboxWebhook] = []
    var nextWebhookID = 1
    /// All deliveries; delivery `id` is at index `id - 1`.
    var deliveries: [SandboxWebhookDelivery] = []
    /// When each unfinished delivery's next attempt is due, by delivery id. Re-deliveries follow
    /// real time (not the sandbox clock) so that a test with a manual clock still sees them.
    var deliveryDue: [Int: ContinuousClock.Instant] = [:]
    /// Deliveries whose attempt is in flight, so two workers never send the same one.
    var deliveriesInFlight: Set<Int> = []
    var notifications: [SandboxNotification] = []
    /// Every event emitted, for tests: (event name, application id).
    var events: [(name: String, applicationID: Int)] = []
}

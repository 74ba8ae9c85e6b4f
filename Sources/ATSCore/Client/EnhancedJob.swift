/// A job with what a recruiter's dashboard shows next to it: typed custom fields, its category and
/// how many applications sit in each stage.
public struct EnhancedJob: Sendable {
    /// The job itself.
    public var job: Job
    /// The job's custom fields, typed with the provider's schema, in the schema's order.
    public var customFields: [CustomFieldEntry]
    /// The job's category, when the provider has one.
    public var category: String?
    /// How many of the job's applications are in each stage, keyed by stage name.
    public var applicationCountsByStage: [String: Int]
    /// How many applications the job has in all.
    public var applicationCount: Int

    /// Creates an enhanced job.
    /// - Parameters:
    ///   - job: The job.
    ///   - customFields: Typed custom fields.
    ///   - category: The category.
    ///   - applicationCountsByStage: Applications per stage name.
    public init(
        job: Job,
        customFields: [CustomFieldEntry],
        category: String?,
        applicationCountsByStage: [String: Int]
    ) {
        self.job = job
        self.customFields = customFields
        self.category = category
        self.applicationCountsByStage = applicationCountsByStage
        self.applicationCount = applicationCountsByStage.values.reduce(0, +)
    }
}

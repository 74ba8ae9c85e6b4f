/// The outcome of looking up one record among many.
public enum ATSLookupResult<Record: Sendable>: Sendable {
    /// The record exists.
    case found(Record)
    /// The provider has no record with this id (or these credentials cannot see it).
    case notFound
    /// The lookup failed for another reason; the others were still attempted.
    case failed(ATSError)

    /// The record, when it was found.
    public var record: Record? {
        if case .found(let record) = self { return record }
        return nil
    }
}

/// One id of a batch lookup and what became of it.
public struct ATSLookup<ID: ATSIdentifier, Record: Sendable>: Sendable {
    /// The id asked for.
    public var id: ID
    /// Found, not found, or failed.
    public var result: ATSLookupResult<Record>

    /// Creates a lookup outcome.
    /// - Parameters:
    ///   - id: The id asked for.
    ///   - result: What became of it.
    public init(id: ID, result: ATSLookupResult<Record>) {
        self.id = id
        self.result = result
    }
}

/// One job of a batch lookup.
public typealias JobLookup = ATSLookup<JobID, Job>

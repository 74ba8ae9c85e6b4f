/// An applicant status: free text configured per account ("Workflow → Applicant Status").
/// Tracker has no endpoint that lists statuses, so there are no constants.
public struct TrackerApplicationStatus: TrackerOpenEnum {
    /// The status name.
    public let rawValue: String
    /// Creates a status.
    /// - Parameter rawValue: The status name, exactly as configured in Tracker.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A job's distribution status, such as `none`.
public struct TrackerDistributionStatus: TrackerOpenEnum {
    /// The name.
    public let rawValue: String
    /// Creates a value.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Not distributed to job boards.
    public static let none = TrackerDistributionStatus(rawValue: "none")
}

/// The kind of an uploaded file.
public struct TrackerFileKind: TrackerOpenEnum {
    /// The name.
    public let rawValue: String
    /// Creates a value.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The applicant's resume.
    public static let resume = TrackerFileKind(rawValue: "resume")
    /// Any other attachment.
    public static let attachment = TrackerFileKind(rawValue: "attachment")
}

/// A user's role in the account.
public struct TrackerUserRole: TrackerOpenEnum {
    /// The name.
    public let rawValue: String
    /// Creates a value.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A workflow event type, such as `app_status_updated`.
public struct TrackerEventType: TrackerOpenEnum {
    /// The name.
    public let rawValue: String
    /// Creates a value.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// An application's status changed.
    public static let appStatusUpdated = TrackerEventType(rawValue: "app_status_updated")
    /// A new applicant applied.
    public static let applicantNew = TrackerEventType(rawValue: "applicant_new")
    /// An applicant was marked as hired.
    public static let applicantMarkedAsHired = TrackerEventType(rawValue: "applicant_marked_as_hired")
    /// An applicant's hiring was undone (`un_mark_as_hired`).
    public static let applicantUnmarkedAsHired = TrackerEventType(rawValue: "applicant_unmarked_as_hired")
    /// A hired applicant was sent to an integration partner (`send_app_to_integration`).
    public static let appSentToIntegration = TrackerEventType(rawValue: "app_sent_to_integration")
    /// A file was added to a hired applicant's application.
    public static let applicantHiredFileAdded = TrackerEventType(rawValue: "applicant_hired_file_added")
    /// A file was added to an application. The vendor documents this name as a *webhook* event,
    /// not among the workflow events a trigger can follow; a webhook subscribes to it.
    public static let applicantFileAdded = TrackerEventType(rawValue: "applicant_file_added")
    /// An application changed: a webhook event (not a workflow event).
    public static let applicantUpdated = TrackerEventType(rawValue: "applicant_updated")
    /// A hired applicant's application changed: a webhook event (not a workflow event).
    public static let applicantHiredUpdated = TrackerEventType(rawValue: "applicant_hired_updated")
    /// An application was viewed.
    public static let appViewed = TrackerEventType(rawValue: "app_viewed")
    /// An offer letter was signed.
    public static let offerLetterSigned = TrackerEventType(rawValue: "offer_letter_signed")
}

/// The value type of a datum a workflow action or trigger needs.
public struct TrackerValueType: TrackerOpenEnum {
    /// The name.
    public let rawValue: String
    /// Creates a value.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Text.
    public static let string = TrackerValueType(rawValue: "string")
    /// A whole number.
    public static let integer = TrackerValueType(rawValue: "integer")
    /// A boolean.
    public static let boolean = TrackerValueType(rawValue: "boolean")
    /// An array.
    public static let array = TrackerValueType(rawValue: "array")
}

public import Foundation

/// The parameters of an application list.
public struct TrackerApplicationListRequest: Sendable, Hashable {
    /// Only applications updated at or after this instant (not in Tracker's documentation); sent with an explicit offset.
    public var updatedAfter: Date?
    /// Only applications to this job (not in Tracker's documentation: a server that ignores it returns all).
    public var jobID: TrackerJobID?
    /// Records per page; the configuration's page size when `nil`.
    public var pageSize: Int?
    /// The page to start at (1-based).
    public var firstPage: Int

    /// Creates list parameters.
    /// - Parameters:
    ///   - updatedAfter: The lower bound of `updated_at`, inclusive.
    ///   - jobID: Only this job's applications.
    ///   - pageSize: Records per page.
    ///   - firstPage: The first page.
    public init(updatedAfter: Date? = nil, jobID: TrackerJobID? = nil, pageSize: Int? = nil, firstPage: Int = 1) {
        self.updatedAfter = updatedAfter
        self.jobID = jobID
        self.pageSize = pageSize
        self.firstPage = firstPage
    }
}

/// The fields of a new application (not in Tracker's documentation).
public struct TrackerApplicationCreateRequest: Sendable, Hashable {
    /// The job applied to.
    public var jobID: TrackerJobID
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// E-mail address.
    public var email: String
    /// Phone number.
    public var phone: String?
    /// Where the application came from.
    public var source: String?
    /// Custom field values by field name.
    public var customFields: [String: TrackerJSON]

    /// Creates the fields of a new application.
    /// - Parameters:
    ///   - jobID: The job.
    ///   - firstName: First name.
    ///   - lastName: Last name.
    ///   - email: E-mail address.
    ///   - phone: Phone number.
    ///   - source: Source.
    ///   - customFields: Custom field values.
    public init(
        jobID: TrackerJobID,
        firstName: String,
        lastName: String,
        email: String,
        phone: String? = nil,
        source: String? = nil,
        customFields: [String: TrackerJSON] = [:]
    ) {
        self.jobID = jobID
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.source = source
        self.customFields = customFields
    }

    var jsonValue: TrackerJSON {
        var object: [String: TrackerJSON] = [
            "job_id": jobID.jsonValue, "first_name": .string(firstName), "last_name": .string(lastName),
            "email": .string(email),
        ]
        if let phone { object["phone"] = .string(phone) }
        if let source { object["source"] = .string(source) }
        if !customFields.isEmpty { object["custom_fields"] = .object(customFields) }
        return .object(object)
    }
}

/// Changes to an application's applicant fields; `nil` leaves a field alone (not in Tracker's documentation).
public struct TrackerApplicationUpdate: Sendable, Hashable {
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// E-mail address.
    public var email: String?
    /// Phone number.
    public var phone: String?
    /// Source.
    public var source: String?
    /// Custom field values to set, by field name.
    public var customFields: [String: TrackerJSON]?
    /// Any other field, sent as is (for fields this library does not model yet).
    public var additionalFields: [String: TrackerJSON]

    /// Creates an update.
    /// - Parameters:
    ///   - firstName: First name.
    ///   - lastName: Last name.
    ///   - email: E-mail address.
    ///   - phone: Phone number.
    ///   - source: Source.
    ///   - customFields: Custom field values.
    ///   - additionalFields: Other fields.
    public init(
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        source: String? = nil,
        customFields: [String: TrackerJSON]? = nil,
        additionalFields: [String: TrackerJSON] = [:]
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.source = source
        self.customFields = customFields
        self.additionalFields = additionalFields
    }

    var jsonValue: TrackerJSON {
        var object = additionalFields
        if let firstName { object["first_name"] = .string(firstName) }
        if let lastName { object["last_name"] = .string(lastName) }
        if let email { object["email"] = .string(email) }
        if let phone { object["phone"] = .string(phone) }
        if let source { object["source"] = .string(source) }
        if let customFields { object["custom_fields"] = .object(customFields) }
        return .object(object)
    }
}

/// The partner quick-apply body of `add_applicant`.
public struct TrackerAddApplicantRequest: Sendable, Hashable {
    /// A resume to attach: a PDF sent as base64.
    public struct Resume: Sendable, Hashable {
        /// The file name.
        public var filename: String
        /// The file's bytes.
        public var data: Data

        /// Creates a resume.
        /// - Parameters:
        ///   - filename: The file name.
        ///   - data: The bytes (a PDF).
        public init(filename: String, data: Data) {
            self.filename = filename
            self.data = data
        }
    }

    /// The job's reference number.
    public var referenceNumber: String
    /// The applicant's full name.
    public var name: String
    /// E-mail address.
    public var email: String
    /// Phone number.
    public var phone: String?
    /// A cover letter.
    public var coverLetter: String?
    /// A resume.
    public var resume: Resume?

    /// Creates a quick-apply body.
    /// - Parameters:
    ///   - referenceNumber: The job's reference number.
    ///   - name: Full name.
    ///   - email: E-mail address.
    ///   - phone: Phone number.
    ///   - coverLetter: Cover letter.
    ///   - resume: Resume.
    public init(
        referenceNumber: String,
        name: String,
        email: String,
        phone: String? = nil,
        coverLetter: String? = nil,
        resume: Resume? = nil
    ) {
        self.referenceNumber = referenceNumber
        self.name = name
        self.email = email
        self.phone = phone
        self.coverLetter = coverLetter
        self.resume = resume
    }

    var jsonValue: TrackerJSON {
        var object: [String: TrackerJSON] = [
            "reference_number": .string(referenceNumber), "name": .string(name), "email": .string(email),
        ]
        if let phone { object["phone"] = .string(phone) }
        if let coverLetter { object["coverletter"] = .string(coverLetter) }
        if let resume {
            object["resume"] = [
                "filename": .string(resume.filename), "data": .string(resume.data.base64EncodedString()),
            ]
        }
        return .object(object)
    }
}

/// What `add_applicant` answered: its status (201 documented) and body, if JSON.
public struct TrackerAddApplicantResult: Sendable, Hashable {
    /// The HTTP status.
    public var status: Int
    /// The JSON body, if any.
    public var body: TrackerJSON?
}

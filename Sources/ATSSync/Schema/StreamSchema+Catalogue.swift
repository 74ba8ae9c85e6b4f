extension StreamSchema {
    /// The typed columns of `jobs`.
    public enum JobColumns {
        /// `title`.
        public static let title = Column("title", .text, "The job's title.")
        /// `status`.
        public static let status = Column("status", .text, "`open`, `closed` or `archived`.")
        /// `is_hidden`.
        public static let isHidden = Column("is_hidden", .boolean, "Hidden from the public job board while open.")
        /// `category`.
        public static let category = Column("category", .text, "The job's category.")
        /// `code`.
        public static let code = Column("code", .text, "The job's reference code.")
        /// `city`.
        public static let city = Column("city", .text, "City.")
        /// `state`.
        public static let state = Column("state", .text, "State or region.")
        /// `country`.
        public static let country = Column("country", .text, "Country.")
        /// `is_remote`.
        public static let isRemote = Column("is_remote", .boolean, "Whether the job can be done remotely.")
        /// `url`.
        public static let url = Column("url", .text, "Public link to the job.")
        /// `custom_fields`.
        public static let customFields = Column("custom_fields", .json, "Custom field values by field name.")
        /// `created_at`.
        public static let createdAt = Column("created_at", .timestamp, "When the job was created.")

        /// In table order.
        static let all = [
            title, status, isHidden, category, code, city, state, country, isRemote, url, customFields, createdAt,
        ]
    }

    /// The typed columns of `applications`.
    public enum ApplicationColumns {
        /// `job_id`.
        public static let jobID = Column("job_id", .text, "The job applied to (`jobs.id`).")
        /// `candidate_id`.
        public static let candidateID = Column(
            "candidate_id", .text, "The person (`candidates.id`), derived from the normalised e-mail.")
        /// `first_name`.
        public static let firstName = Column("first_name", .text, "Given name.")
        /// `last_name`.
        public static let lastName = Column("last_name", .text, "Family name.")
        /// `email`.
        public static let email = Column("email", .text, "E-mail address as entered.")
        /// `phone`.
        public static let phone = Column("phone", .text, "Phone number as entered.")
        /// `stage`, whose changes are recorded in `stage_history`.
        public static let stage = Column("stage", .text, "The current status (stage) name.")
        /// `is_archived`.
        public static let isArchived = Column("is_archived", .boolean, "Whether the application is archived.")
        /// `source`.
        public static let source = Column("source", .text, "Where the application came from.")
        /// `tags`.
        public static let tags = Column("tags", .json, "Tags, a JSON array of strings.")
        /// `rating`.
        public static let rating = Column("rating", .real, "The recruiter's rating.")
        /// `custom_fields`.
        public static let customFields = Column("custom_fields", .json, "Custom field values by field name.")
        /// `applied_at`.
        public static let appliedAt = Column("applied_at", .timestamp, "When the person applied.")
        /// `created_at`.
        public static let createdAt = Column("created_at", .timestamp, "When the record was created.")
        /// `hired_at`.
        public static let hiredAt = Column(
            "hired_at", .timestamp, "When the applicant was marked as hired; null unless hired.")
        /// `start_date`.
        public static let startDate = Column(
            "start_date", .text, "The hired applicant's start date, a calendar date as Tracker gives it.")

        /// In table order.
        static let all = [
            jobID, candidateID, firstName, lastName, email, phone, stage, isArchived, source, tags, rating,
            customFields, appliedAt, createdAt, hiredAt, startDate,
        ]
    }

    /// The typed columns of `candidates`.
    public enum CandidateColumns {
        /// `first_name`.
        public static let firstName = Column("first_name", .text, "Given name, from the latest application.")
        /// `last_name`.
        public static let lastName = Column("last_name", .text, "Family name, from the latest application.")
        /// `email`.
        public static let email = Column("email", .text, "E-mail address, from the latest application.")
        /// `phone`.
        public static let phone = Column("phone", .text, "Phone number, from the latest application.")
        /// `application_ids`.
        public static let applicationIDs = Column(
            "application_ids", .json, "The person's applications, a JSON array of ids.")
        /// `created_at`.
        public static let createdAt = Column("created_at", .timestamp, "When the person first applied.")

        /// In table order.
        static let all = [firstName, lastName, email, phone, applicationIDs, createdAt]
    }

    /// The typed columns of `notes`.
    public enum NoteColumns {
        /// `application_id`.
        public static let applicationID = Column("application_id", .text, "The application the note is on.")
        /// `job_id`.
        public static let jobID = Column("job_id", .text, "That application's job.")
        /// `author`.
        public static let author = Column("author", .text, "Who wrote the note.")
        /// `body`.
        public static let body = Column("body", .text, "The note's plain text.")
        /// `created_at`.
        public static let createdAt = Column("created_at", .timestamp, "When it was written.")

        /// In table order.
        static let all = [applicationID, jobID, author, body, createdAt]
    }

    /// The typed columns of `files`.
    public enum FileColumns {
        /// `application_id`.
        public static let applicationID = Column("application_id", .text, "The application the file belongs to.")
        /// `filename`.
        public static let filename = Column("filename", .text, "The file's name as uploaded.")
        /// `kind`.
        public static let kind = Column("kind", .text, "`resume` or `attachment`.")
        /// `content_type`.
        public static let contentType = Column("content_type", .text, "The MIME type.")
        /// `size`.
        public static let size = Column("size", .integer, "Size in bytes.")
        /// `created_at`.
        public static let createdAt = Column("created_at", .timestamp, "When the file was added.")

        /// In table order.
        static let all = [applicationID, filename, kind, contentType, size, createdAt]
    }

    /// The typed columns of `custom_field_schemas`.
    public enum CustomFieldSchemaColumns {
        /// `owner`.
        public static let owner = Column("owner", .text, "`application`, `candidate` or `job`.")
        /// `name`.
        public static let name = Column("name", .text, "The field's key.")
        /// `display_name`.
        public static let displayName = Column("display_name", .text, "The label recruiters see.")
        /// `type`.
        public static let type = Column(
            "type", .text, "The neutral type: text, long_text, integer, decimal, boolean, single_select.")
        /// `is_required`.
        public static let isRequired = Column("is_required", .boolean, "Whether a value is required.")
        /// `options`.
        public static let options = Column("options", .json, "Allowed values of a select, a JSON array.")

        /// In table order.
        static let all = [owner, name, displayName, type, isRequired, options]
    }

    /// Jobs.
    public static let jobs = StreamSchema(
        stream: .jobs, columns: JobColumns.all, indexedColumns: [JobColumns.status.name])

    /// Applications.
    public static let applications = StreamSchema(
        stream: .applications,
        columns: ApplicationColumns.all,
        indexedColumns: [
            ApplicationColumns.jobID.name, ApplicationColumns.candidateID.name, ApplicationColumns.stage.name,
        ],
        stageColumn: ApplicationColumns.stage.name
    )

    /// Candidates (derived from applications for Tracker).
    public static let candidates = StreamSchema(
        stream: .candidates, columns: CandidateColumns.all, indexedColumns: [CandidateColumns.email.name])

    /// Notes.
    public static let notes = StreamSchema(
        stream: .notes, columns: NoteColumns.all, indexedColumns: [NoteColumns.applicationID.name])

    /// Files: resumes and attachments (their metadata; the bytes stay with the provider).
    public static let files = StreamSchema(
        stream: .files, columns: FileColumns.all, indexedColumns: [FileColumns.applicationID.name])

    /// Custom field definitions.
    public static let customFieldSchemas = StreamSchema(
        stream: .customFieldSchemas, columns: CustomFieldSchemaColumns.all)

    /// Every stream's schema, in the order a sync runs them.
    public static let all: [StreamSchema] = [.jobs, .customFieldSchemas, .applications, .candidates, .notes, .files]

    /// The schema of a stream, or nil when no table holds it.
    /// - Parameter stream: The stream.
    /// - Returns: Its schema.
    public static func of(_ stream: SyncStreamName) -> StreamSchema? {
        all.first { $0.stream == stream }
    }
}

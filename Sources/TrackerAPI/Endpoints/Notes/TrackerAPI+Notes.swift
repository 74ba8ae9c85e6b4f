public import Foundation
public import Logging

extension TrackerAPI {
    /// The note endpoints.
    public var notes: Notes { Notes(api: self) }

    /// The note endpoints: a filtered list and create. Notes are plain text.
    public struct Notes: Sendable {
        let api: TrackerAPI

        /// Pages of notes (`GET /notes`).
        /// - Parameters:
        ///   - request: Filters and paging.
        ///   - logger: A logger for this call.
        /// - Returns: A lazy page sequence.
        public func pages(_ request: TrackerNoteListRequest = .init(), logger: Logger? = nil) -> TrackerPageSequence<
            TrackerNote
        > {
            var endpoint = TrackerEndpoint(.get, "/notes")
            let zone = api.configuration.accountTimeZone
            if let applicationID = request.applicationID { endpoint.query.append(("app_id", applicationID.rawValue)) }
            if let jobID = request.jobID { endpoint.query.append(("job_id", jobID.rawValue)) }
            if let beginDate = request.beginDate {
                endpoint.query.append(
                    ("begin_date", TrackerTimestamp.filterText(for: beginDate, accountTimeZone: zone)))
            }
            return api.pagedList(
                endpoint,
                firstPage: request.firstPage,
                pageSize: request.pageSize,
                updatedAfter: request.updatedAfter,
                logger: logger
            )
        }

        /// The notes themselves, flattened from ``pages(_:logger:)``.
        /// - Parameters:
        ///   - request: Filters and paging.
        ///   - logger: A logger for this call.
        /// - Returns: A lazy record sequence.
        public func list(_ request: TrackerNoteListRequest = .init(), logger: Logger? = nil) -> TrackerRecordSequence<
            TrackerNote
        > {
            pages(request, logger: logger).records
        }

        /// Adds a note to an application (`POST /notes`). Not retried once it may have arrived.
        /// - Parameters:
        ///   - request: The note.
        ///   - logger: A logger for this call.
        /// - Returns: The created note.
        /// - Throws: ``TrackerAPIError``; ``TrackerAPIError/Code-swift.struct/outcomeUnknown`` when the answer was lost.
        public func create(_ request: TrackerNoteCreateRequest, logger: Logger? = nil) async throws -> TrackerNote {
            let body: TrackerJSON = ["app_id": request.applicationID.jsonValue, "body": .string(request.body)]
            return try await api.callRecord(TrackerEndpoint(.post, "/notes").with(json: body), logger: logger)
        }
    }
}

/// The filters of a note list.
public struct TrackerNoteListRequest: Sendable, Hashable {
    /// Only notes on this application (`app_id`).
    public var applicationID: TrackerApplicationID?
    /// Only notes on this job's applications (`job_id`).
    public var jobID: TrackerJobID?
    /// Only notes created from this instant (`begin_date`).
    public var beginDate: Date?
    /// Only notes updated at or after this instant (`updated_after`, not in Tracker's documentation).
    public var updatedAfter: Date?
    /// Records per page.
    public var pageSize: Int?
    /// The page to start at (1-based).
    public var firstPage: Int

    /// Creates note filters.
    /// - Parameters:
    ///   - applicationID: The application.
    ///   - jobID: The job.
    ///   - beginDate: The earliest creation instant.
    ///   - updatedAfter: The lower bound of `updated_at`.
    ///   - pageSize: Records per page.
    ///   - firstPage: The first page.
    public init(
        applicationID: TrackerApplicationID? = nil,
        jobID: TrackerJobID? = nil,
        beginDate: Date? = nil,
        updatedAfter: Date? = nil,
        pageSize: Int? = nil,
        firstPage: Int = 1
    ) {
        self.applicationID = applicationID
        self.jobID = jobID
        self.beginDate = beginDate
        self.updatedAfter = updatedAfter
        self.pageSize = pageSize
        self.firstPage = firstPage
    }
}

/// A new note.
public struct TrackerNoteCreateRequest: Sendable, Hashable {
    /// The application the note is on.
    public var applicationID: TrackerApplicationID
    /// The plain-text body.
    public var body: String

    /// Creates a note.
    /// - Parameters:
    ///   - applicationID: The application.
    ///   - body: Plain text.
    public init(applicationID: TrackerApplicationID, body: String) {
        self.applicationID = applicationID
        self.body = body
    }
}

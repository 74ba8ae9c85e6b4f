import ATSCore
import Foundation
import TrackerAPI
import TrackerATS

/// The applications changed since a date, read page by page as the pages arrive.
func applicationsChanged(since date: Date, in account: TrackerAPI.Configuration) async throws -> [Application] {
    try await TrackerATSClient.withTrackerATSClient(api: account) { client in
        var changed: [Application] = []
        for try await application in client.streamApplications(ATSChangeQuery(updatedAfter: date)) {
            changed.append(application)  // id, applicant, stage, custom fields, and the raw JSON
        }
        return changed
    }
}

internal import Foundation

extension SandboxState {
    /// Carries out `mark_as_hired`, `un_mark_as_hired` or `send_app_to_integration` on a live
    /// application. Returns `nil` on success, else the error the action record shows.
    ///
    /// (Not in Tracker's documentation:) `hire_date` and `start_date` are calendar dates (`2026-12-01`); `hired_at` becomes the
    /// start of `hire_date` in the account's time zone, or the moment the action runs without one.
    /// Un-marking an applicant who is not hired changes nothing and succeeds.
    mutating func performHiring(_ action: SandboxAction, applicationID: Int, depth: Int) -> String? {
        let data = action.data
        switch action.type {
        case "mark_as_hired":
            var hiredAt = now
            if let text = data["hire_date"]?.stringValue {
                guard let day = calendarDate(text) else { return Self.notADate("hire_date", text) }
                hiredAt = day
            }
            let startDate = data["start_date"]?.stringValue
            if let startDate, calendarDate(startDate) == nil { return Self.notADate("start_date", startDate) }
            updateApplication(applicationID) { record in
                record.hiredAt = Date(epochSeconds: hiredAt)
                record.startDate = startDate
            }
            emit(EventCatalogue.applicantMarkedAsHired, applicationID: applicationID, depth: depth)
        case "un_mark_as_hired":
            guard application(applicationID)?.isHired == true else { return nil }
            updateApplication(applicationID) { record in
                record.hiredAt = nil
                record.startDate = nil
            }
            emit(EventCatalogue.applicantUnmarkedAsHired, applicationID: applicationID, depth: depth)
        case "send_app_to_integration":
            guard application(applicationID)?.isHired == true else {
                return "application \(applicationID) is not marked as hired; send_app_to_integration runs only "
                    + "for a hired applicant (run mark_as_hired first)"
            }
            emit(EventCatalogue.appSentToIntegration, applicationID: applicationID, depth: depth)
        default:
            return "unknown action type \(action.type)"
        }
        return nil
    }

    /// The start of a `YYYY-MM-DD` date in the account's time zone, or `nil` for anything else.
    private func calendarDate(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        return Timestamp.parseLowerBound(Substring(text), zone: zone)
    }

    private static func notADate(_ field: String, _ text: String) -> String {
        "\(field) must be a date such as 2026-12-01, not '\(text)'"
    }
}

/// A workflow action type, in Tracker's request spelling (`tag_app`).
///
/// Tracker answers with the Ruby class name (`"TagApp"`); ``init(wireName:)`` folds that back to
/// the request spelling so the same constant matches both (Tracker's "Using Actions" guide shows both).
public struct TrackerActionType: TrackerOpenEnum {
    /// The snake_case name.
    public let rawValue: String
    /// Creates a value.
    /// - Parameter rawValue: The snake_case name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a value from either spelling: `TagApp` becomes `tag_app`, `tag_app` stays.
    /// - Parameter wireName: The name as the server wrote it.
    public init(wireName: String) {
        guard wireName.contains(where: \.isUppercase) else {
            self.init(rawValue: wireName)
            return
        }
        var snake = ""
        for character in wireName {
            if character.isUppercase {
                if !snake.isEmpty, snake.last != "_" { snake.append("_") }
                snake.append(contentsOf: character.lowercased())
            } else {
                snake.append(character)
            }
        }
        self.init(rawValue: snake)
    }

    /// Adds a tag: `app_id`, `tag_text`.
    public static let tagApp = TrackerActionType(rawValue: "tag_app")
    /// Sets an application's status: `app_id`, `status` (the free-text status name).
    public static let setAppStatus = TrackerActionType(rawValue: "set_app_status")
    /// Marks an applicant as hired: `app_id`; optional `hire_date` and `start_date` (dates such as
    /// `2026-12-01`). Sets the application's `hired_at` and `start_date` and fires
    /// `applicant_marked_as_hired`.
    public static let markAsHired = TrackerActionType(rawValue: "mark_as_hired")
    /// Undoes ``markAsHired``: `app_id`; optional `manager_id`. Clears `hired_at` and `start_date` and
    /// fires `applicant_unmarked_as_hired`.
    public static let unMarkAsHired = TrackerActionType(rawValue: "un_mark_as_hired")
    /// Sends a hired applicant to an integration partner: `app_id`, `partner`; optional
    /// `admin_user_id`. Fails for an applicant who is not hired.
    public static let sendAppToIntegration = TrackerActionType(rawValue: "send_app_to_integration")
    /// Archives an application.
    public static let markAsArchived = TrackerActionType(rawValue: "mark_as_archived")
    /// Sends an e-mail template: `template_name`.
    public static let sendEmailTemplate = TrackerActionType(rawValue: "send_email_template")
    /// Sends a thanks-but-no-thanks e-mail: `delay` in hours.
    public static let sendTBNTEmail = TrackerActionType(rawValue: "send_tbnt_email")
    /// Creates an interview.
    public static let createInterview = TrackerActionType(rawValue: "create_interview")
    /// Adds a note: `app_id`, `note_text` (not in Tracker's documentation).
    public static let addNote = TrackerActionType(rawValue: "add_note")
    /// Sets a job's status: `job_id`, `status` (not in Tracker's documentation).
    public static let setJobStatus = TrackerActionType(rawValue: "set_job_status")
    /// Posts a dashboard notification: `message` (not in Tracker's documentation).
    public static let postDashboardNotification = TrackerActionType(rawValue: "post_dashboard_notification")
}

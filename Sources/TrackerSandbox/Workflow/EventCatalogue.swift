/// The workflow event types (`GET /workflow/events`, a trigger's `event_type`), as the vendor
/// documents them. They are not the webhook event names (``WebhookEventCatalogue``): a trigger
/// follows `app_status_updated`, a webhook subscribes to `applicant_updated`.
enum EventCatalogue {
    static let appSentToIntegration = "app_sent_to_integration"
    static let appStatusUpdated = "app_status_updated"
    static let appViewed = "app_viewed"
    static let applicantHiredFileAdded = "applicant_hired_file_added"
    static let applicantMarkedAsHired = "applicant_marked_as_hired"
    static let applicantUnmarkedAsHired = "applicant_unmarked_as_hired"
    static let applicantNew = "applicant_new"
    static let offerLetterSigned = "offer_letter_signed"

    /// Every documented workflow event, in the vendor's order, plus `applicant_unmarked_as_hired`,
    /// which the `un_mark_as_hired` action's page names. Events the sandbox never causes itself
    /// (background checks, I-9, e-mails) can still follow ``SandboxControl/emit(_:applicationID:)``.
    static let names = [
        appSentToIntegration, appStatusUpdated, appViewed, "applicant_email_received", applicantHiredFileAdded,
        applicantMarkedAsHired, applicantUnmarkedAsHired, applicantNew, "applicant_sms_received",
        "background_check_requested", "background_check_status_updated", "background_check_completed",
        "background_check_completed_pass", "background_check_completed_fail", "company_registered",
        "company_updated", "custom_fields_schema_definition_update", "daily_maintenance",
        "everify_request_data_returned", "everify_request_started", "i9_cancelled", "i9_ordered",
        "i9_step_one_complete", "i9_step_two_complete", "last_open_position_filled", offerLetterSigned,
    ]
}

/// The webhook event names (`POST /webhooks` `event`, a delivery's `event_name`), as the vendor
/// documents them; distinct from the workflow events (``EventCatalogue``).
enum WebhookEventCatalogue {
    static let applicantNew = "applicant_new"
    static let applicantUpdated = "applicant_updated"
    static let applicantDocumentSigned = "applicant_document_signed"
    static let applicantFileAdded = "applicant_file_added"
    static let applicantHiredFileAdded = "applicant_hired_file_added"
    static let applicantHiredUpdated = "applicant_hired_updated"

    /// Every webhook event the sandbox accepts.
    static let names = [
        applicantNew, applicantUpdated, applicantDocumentSigned, applicantFileAdded, applicantHiredFileAdded,
        applicantHiredUpdated,
    ]
}

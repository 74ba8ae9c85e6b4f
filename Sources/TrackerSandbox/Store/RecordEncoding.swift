internal import Foundation

/// The wire shapes of the sandbox's records, written by hand (see `JSONWriter`). Keys follow
/// `docs/tracker-api.openapi.yaml`; ids are JSON strings as in the v1 examples.
extension RenderContext {
    func write(_ job: SandboxJob, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(job.id)
        writer.key("title")
        writer.string(job.title)
        writer.key("description")
        writer.string(job.description)
        writer.key("abstract")
        writer.string(job.abstract)
        writer.key("city")
        writer.string(job.city)
        writer.key("state")
        writer.string(job.state)
        writer.key("country")
        writer.string(job.country)
        writer.key("remote")
        writer.bool(job.remote)
        writer.key("joblink")
        writer.string(job.joblink)
        writer.key("distribution_status")
        writer.string(job.distributionStatus)
        writer.key("active")
        writer.bool(job.active)
        writer.key("hidden")
        writer.bool(job.hidden)
        writer.key("archived")
        writer.bool(job.archived)
        writer.key("status")
        writer.string(job.status)
        writer.key("job_code")
        writer.string(job.jobCode)
        writer.key("company")
        writer.string(job.company)
        writer.key("url")
        writer.string(job.url)
        writer.key("category")
        writer.string(job.category)
        writer.key("posted_at")
        writeTimestamp(job.postedAt.epochSeconds, to: &writer)
        writer.key("created_at")
        writeTimestamp(job.createdAt.epochSeconds, to: &writer)
        writer.key("updated_at")
        writeTimestamp(job.updatedAt.epochSeconds, to: &writer)
        writer.key("custom_fields")
        jobSchema.writeValues(job.customFields, to: &writer)
        writer.endObject()
    }

    func write(_ application: SandboxApplication, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(application.id)
        writer.key("company_id")
        writer.idString(companyID)
        writer.key("job_id")
        writer.idString(application.jobID)
        writer.key("first_name")
        writer.string(application.firstName)
        writer.key("last_name")
        writer.string(application.lastName)
        writer.key("email")
        writer.string(application.email)
        writer.key("phone")
        writer.string(application.phone)
        writer.key("address")
        writer.string(application.address)
        writer.key("address_2")
        writer.string(application.address2)
        writer.key("city")
        writer.string(application.city)
        writer.key("state")
        writer.string(application.state)
        writer.key("gender")
        writer.string(application.gender)
        writer.key("status")
        writer.string(application.status)
        writer.key("rating")
        writer.int(application.rating)
        writer.key("source")
        writer.string(application.source)
        writer.key("archived")
        writer.bool(application.archived)
        writer.key("tags")
        writer.beginArray()
        for tag in application.tags { writer.string(tag) }
        writer.endArray()
        writer.key("applied_at")
        writeTimestamp(application.appliedAt.epochSeconds, to: &writer)
        writer.key("created_at")
        writeTimestamp(application.createdAt.epochSeconds, to: &writer)
        writer.key("updated_at")
        writeTimestamp(application.updatedAt.epochSeconds, to: &writer)
        writer.key("hired_at")
        if let hiredAt = application.hiredAt {
            writeTimestamp(hiredAt.epochSeconds, to: &writer)
        } else {
            writer.null()
        }
        writer.key("start_date")
        writer.string(application.startDate)
        writer.key("custom_fields")
        applicationSchema.writeValues(application.customFields, to: &writer)
        writer.endObject()
    }

    func write(_ note: SandboxNote, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(note.id)
        writer.key("app_id")
        writer.idString(note.applicationID)
        writer.key("job_id")
        writer.idString(note.jobID)
        writer.key("author")
        writer.string(note.author)
        writer.key("body")
        writer.string(note.body)
        writer.key("created_at")
        writeTimestamp(note.createdAt.epochSeconds, to: &writer)
        writer.key("updated_at")
        writeTimestamp(note.updatedAt.epochSeconds, to: &writer)
        writer.endObject()
    }

    func write(_ file: SandboxFile, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(file.id)
        writer.key("app_id")
        writer.idString(file.applicationID)
        writer.key("filename")
        writer.string(file.filename)
        writer.key("kind")
        writer.string(file.kind)
        writer.key("content_type")
        writer.string(file.contentType)
        writer.key("size")
        writer.int(file.size)
        writer.key("created_at")
        writeTimestamp(file.createdAt.epochSeconds, to: &writer)
        writer.key("updated_at")
        writeTimestamp(file.createdAt.epochSeconds, to: &writer)
        writer.endObject()
    }

    func write(_ user: SandboxUser, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(user.id)
        writer.key("first_name")
        writer.string(user.firstName)
        writer.key("last_name")
        writer.string(user.lastName)
        writer.key("email")
        writer.string(user.email)
        writer.key("role")
        writer.string(user.role)
        writer.endObject()
    }
}

/// Wire shapes that do not depend on the timestamp mode: actions, triggers and webhooks are always
/// UTC with `Z`, and schema entries have no timestamps.
enum WorkflowEncoding {
    static func write(_ action: SandboxAction, companyID: Int, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(action.id)
        writer.key("company_id")
        writer.idString(companyID)
        writer.key("trigger_id")
        if let triggerID = action.triggerID { writer.idString(triggerID) } else { writer.null() }
        writer.key("type")
        writer.string(ActionCatalogue.camelCase(action.type))
        writer.key("data")
        writer.value(action.data)
        writer.key("executed_at")
        if let executed = action.executedAt {
            writer.timestamp(executed.epochSeconds, utc: true)
        } else {
            writer.null()
        }
        if let error = action.error {
            writer.key("error")
            writer.string(error)
        }
        writer.key("created_at")
        writer.timestamp(action.createdAt.epochSeconds, utc: true)
        writer.key("updated_at")
        writer.timestamp(action.updatedAt.epochSeconds, utc: true)
        writer.endObject()
    }

    static func write(_ trigger: SandboxTrigger, companyID: Int, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(trigger.id)
        writer.key("company_id")
        writer.idString(companyID)
        writer.key("event_type")
        writer.string(trigger.eventType)
        writer.key("action_type")
        writer.string(trigger.actionType)
        writer.key("data")
        writer.value(trigger.data)
        writer.key("conditions")
        writer.value(trigger.conditions ?? .null)
        writer.key("created_at")
        writer.timestamp(trigger.createdAt.epochSeconds, utc: true)
        writer.key("updated_at")
        writer.timestamp(trigger.createdAt.epochSeconds, utc: true)
        writer.endObject()
    }

    static func write(_ webhook: SandboxWebhook, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.idString(webhook.id)
        writer.key("url")
        writer.string(webhook.url)
        writer.key("event")
        writer.string(webhook.event)
        writer.key("created_at")
        writer.timestamp(webhook.createdAt.epochSeconds, utc: true)
        writer.endObject()
    }

    static func write(_ field: SandboxCustomField, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("field_name")
        writer.string(field.fieldName)
        writer.key("display_name")
        writer.string(field.displayName)
        writer.key("field_type")
        writer.string(field.fieldType.rawValue)
        writer.key("default_value")
        writer.value(field.defaultValue ?? .null)
        writer.key("required")
        writer.bool(field.required)
        writer.key("whitelist_values")
        writeStrings(field.whitelistValues, to: &writer)
        writer.key("blacklist_values")
        writeStrings(field.blacklistValues, to: &writer)
        writer.key("ui_priority")
        writer.int(field.uiPriority)
        writer.key("ui_readonly")
        if let readonly = field.uiReadonly { writer.bool(readonly) } else { writer.null() }
        writer.key("ui_input_type")
        writer.string(field.uiInputType)
        writer.key("ui_hints")
        writer.string(field.uiHints)
        writer.key("ui_render_targets")
        writeStrings(field.uiRenderTargets, to: &writer)
        writer.endObject()
    }

    private static func writeStrings(_ values: [String]?, to writer: inout JSONWriter) {
        guard let values else {
            writer.null()
            return
        }
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
    }
}

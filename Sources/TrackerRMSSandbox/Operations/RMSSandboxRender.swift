/// Writes records the way the widget API shows them: results with `id`, `name`, `company`,
/// `status`, `dateopened` and a `details` object; update times naive in the account's zone.
/// Ids are numbers at the result level and strings inside `details` of placements (both occur).
struct RMSSandboxRender {
    let data: RMSSandboxData
    let time: RMSSandboxTime

    func opportunity(_ record: RMSSandboxOpportunity, customFields: Bool, into json: inout RMSSandboxJSON) {
        let client = data.client(record.clientID)
        json.beginObject()
        json.field("id", record.id)
        json.field("name", "JOB-\(record.id) \(record.title)")
        json.field("company", client?.name ?? "")
        json.field("status", data.opportunityStatus(record.statusID)?.name ?? "")
        json.field("dateopened", time.naiveDate(record.openedAt))
        json.key("details")
        json.beginObject()
        json.field("name", record.title)
        json.field("clientid", record.clientID)
        json.field("clientname", client?.name ?? "")
        json.field("description", record.description)
        json.field("type", record.workType)
        json.field("lastupdated", time.naive(record.updatedAt))
        json.endObject()
        if customFields { writeCustomFields(record.customFields, association: "Opportunity", into: &json) }
        json.field("text", record.description)
        json.endObject()
    }

    func resource(_ record: RMSSandboxResource, customFields: Bool, into json: inout RMSSandboxJSON) {
        json.beginObject()
        json.field("id", record.id)
        json.field("name", record.fullName)
        json.field("company", "")
        json.field("status", record.statusName)
        json.field("dateopened", time.naiveDate(record.createdAt))
        json.key("details")
        json.beginObject()
        json.field("firstname", record.firstName)
        json.field("lastname", record.lastName)
        json.field("email", record.email)
        json.field("otheremail", record.otherEmail)
        json.field("mobiletelephone", record.mobilePhone)
        json.field("hometelephone", record.homePhone)
        json.field("worktelephone", record.workPhone)
        json.field("jobtitle", record.jobTitle)
        json.field("source", record.source)
        json.field("workavailable", record.workAvailable ? "Y" : "N")
        json.field("lastupdated", time.naive(record.updatedAt))
        json.endObject()
        if customFields { writeCustomFields(record.customFields, association: "Resource", into: &json) }
        json.endObject()
    }

    func placement(_ record: RMSSandboxPlacement, into json: inout RMSSandboxJSON) {
        let opportunity = data.opportunity(record.opportunityID)
        let resource = data.resource(record.resourceID)
        let client = opportunity.flatMap { data.client($0.clientID) }
        let status = data.placementStatus(record.statusID)?.name ?? ""
        json.beginObject()
        json.field("id", record.id)
        json.field("name", "\(resource?.fullName ?? "") - \(opportunity?.title ?? "")")
        json.field("company", client?.name ?? "")
        json.field("status", status)
        json.field("dateopened", time.naiveDate(record.assignedAt))
        json.key("details")
        json.beginObject()
        json.field("opportunityid", String(record.opportunityID))
        json.field("resourceid", String(record.resourceID))
        json.field("resourcename", resource?.fullName ?? "")
        json.field("clientid", String(opportunity?.clientID ?? 0))
        json.field("status", status)
        json.field("opportunityresourcestatusid", String(record.statusID))
        json.field("dateassigned", time.naive(record.assignedAt))
        json.field("startdate", record.startDate)
        json.field("enddate", record.endDate)
        json.field("source", record.source)
        json.field("lastupdated", time.naive(record.updatedAt))
        json.endObject()
        json.endObject()
    }

    func activity(_ record: RMSSandboxActivity, into json: inout RMSSandboxJSON) {
        json.beginObject()
        json.field("id", record.id)
        json.field("name", record.subject)
        json.field("company", "")
        json.field("status", record.statusName)
        json.field("dateopened", time.naiveDate(record.updatedAt))
        json.key("details")
        json.beginObject()
        json.field("activityid", record.id)
        json.field("subject", record.subject)
        json.field("ActivityTypeName", record.typeName)
        json.field("activitystatusname", record.statusName)
        json.key("resourceid")
        if let id = record.resourceID { json.int(id) } else { json.null() }
        json.key("opportunityid")
        if let id = record.opportunityID { json.int(id) } else { json.null() }
        json.key("opportunityresourceid")
        if let id = record.placementID { json.int(id) } else { json.null() }
        json.field("userid", record.userID)
        json.field("note", record.note)
        json.field("lastupdateddatetime", time.naive(record.updatedAt))
        json.endObject()
        json.endObject()
    }

    func client(_ record: RMSSandboxClient, into json: inout RMSSandboxJSON) {
        json.beginObject()
        json.field("id", record.id)
        json.field("name", record.name)
        json.field("company", record.name)
        json.field("status", "Active")
        json.field("dateopened", time.naiveDate(record.updatedAt))
        json.key("details")
        json.beginObject()
        json.field("lastupdated", time.naive(record.updatedAt))
        json.endObject()
        json.endObject()
    }

    func contact(_ record: RMSSandboxContact, into json: inout RMSSandboxJSON) {
        json.beginObject()
        json.field("id", record.id)
        json.field("name", "\(record.firstName) \(record.lastName)")
        json.field("company", data.client(record.clientID)?.name ?? "")
        json.field("status", "Active")
        json.field("dateopened", time.naiveDate(record.updatedAt))
        json.key("details")
        json.beginObject()
        json.field("firstname", record.firstName)
        json.field("lastname", record.lastName)
        json.field("email", record.email)
        json.field("worktelephone", record.phone)
        json.field("clientid", record.clientID)
        json.field("lastupdated", time.naive(record.updatedAt))
        json.endObject()
        json.endObject()
    }

    private func writeCustomFields(_ values: [Int: String], association: String, into json: inout RMSSandboxJSON) {
        json.key("customfields")
        json.beginArray()
        for field in data.customFields where field.association == association {
            json.beginObject()
            json.field("id", field.id)
            json.field("name", field.name)
            json.field("value", values[field.id] ?? "")
            json.endObject()
        }
        json.endArray()
    }
}

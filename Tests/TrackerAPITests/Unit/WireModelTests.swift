import Foundation
import Testing
import TrackerAPI

@Suite struct WireModelTests {
    private func pagedAPI(_ body: String, headers: TrackerHTTPHeaders = ["Total-Count": "2", "Pages": "1"]) throws
        -> TrackerAPI
    {
        try TestAPI.make(TestAPI.configuration(pageSize: 10)) { _, _ in .json(body, headers: headers) }.0
    }

    @Test func applicationsTolerateWhatRealServersSend() async throws {
        let api = try pagedAPI(try Fixtures.text("applications-page-mixed.json"))
        let applications = try await api.applications.list().collect()
        #expect(applications.count == 2)
        let ada = applications[0]
        #expect(ada.id == "101")
        #expect(ada.companyID == "1")
        #expect(ada.jobID == 7)
        #expect(ada.status == "Phone Screen")
        #expect(ada.rating == 4.5)
        #expect(ada.isArchived == false)
        #expect(ada.tags == ["python", "remote"])
        #expect(ada.customFields["years"] == 7)
        #expect(ada.customFields["visa"] == .null)
        #expect(ada.raw["brand_new_field"] == ["x": 1])
        #expect(ada.appliedAt?.offsetSource == .accountTimeZone)
        #expect(ada.appliedAt?.date == Date(timeIntervalSince1970: 1_581_612_120))
        #expect(ada.updatedAt?.offsetSource == .explicit)

        let second = applications[1]
        #expect(second.id == 102)
        #expect(second.firstName == nil)
        #expect(second.status?.rawValue == "A Status Nobody Configured Yet")
        #expect(second.tags == ["a", "b"])
        #expect(second.customFields.isEmpty)

        let seen = Set(api.serverObservations.map(\.kind))
        #expect(seen.isSuperset(of: [.stringIDs, .integerIDs, .naiveTimestamps, .offsetTimestamps]))
    }

    @Test func aRecordWithoutAnIdIsMalformedAndNamesTheField() async throws {
        let api = try TestAPI.make(TestAPI.configuration(retry: .none)) { _, _ in .json(#"{"title": "No id"}"#) }.0
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(5) }
        #expect(error.code == .malformedResponse)
        #expect(error.field == "id")
        #expect(error.endpoint == "GET /jobs/{id}")
        #expect(error.bodyExcerpt?.contains("No id") == true)
    }

    @Test func singleGetAcceptsAOneElementArray() async throws {
        let (api, transport, _) = try TestAPI.make { _, _ in .json(#"[{"id": 9, "title": "Welder", "remote": 1}]"#) }
        let job = try await api.jobs.get(9)
        #expect(job.id == "9")
        #expect(job.title == "Welder")
        #expect(job.isRemote == true)
        #expect(transport.requests.first?.path == "/api/v1/jobs/9")
        #expect(api.serverObservations.contains(.init(kind: .singleRecordAsArray, endpoint: "GET /jobs/{id}")))
    }

    @Test func singleGetRejectsAnArrayOfSeveral() async throws {
        let api = try TestAPI.make(TestAPI.configuration(retry: .none)) { _, _ in .json(#"[{"id": 1}, {"id": 2}]"#) }.0
        let error = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(1) }
        #expect(error.code == .malformedResponse)
    }

    @Test func idsDecodeFromStringsAndIntegers() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(TrackerJobID.self, from: Data("\"12\"".utf8)) == 12)
        #expect(try decoder.decode(TrackerJobID.self, from: Data("12".utf8)) == "12")
        #expect(TrackerJobID("abc").integerValue == nil)
        #expect(TrackerJobID(9) < TrackerJobID(10))
    }

    @Test func actionTypesFoldCamelCase() {
        #expect(TrackerActionType(wireName: "TagApp") == .tagApp)
        #expect(TrackerActionType(wireName: "SendTbntEmail") == .sendTBNTEmail)
        #expect(TrackerActionType(wireName: "set_app_status") == .setAppStatus)
        #expect(TrackerActionType(wireName: "BrandNewThing").rawValue == "brand_new_thing")
    }

    @Test func customFieldSchemaKeepsUnknownKeysButSendsOnlyDocumentedOnes() async throws {
        let schema = #"""
            {"custom_fields_schema": [
              {"field_name": "visa", "display_name": "Visa", "field_type": "boolean", "required": true,
               "whitelist_values": ["yes", "no"], "ui_input_type": "select", "ui_render_targets": ["view", "edit"],
               "future_key": 42},
              {"display_name": "no field name: skipped"}
            ]}
            """#
        let (api, transport, _) = try TestAPI.make { request, _ in
            request.method == .get ? .json(schema) : .text(204, "")
        }
        let fields = try await api.applications.customFieldsSchema()
        #expect(fields.count == 1)
        let visa = try #require(fields.first)
        #expect(visa.fieldType == .boolean)
        #expect(visa.isRequired == true)
        #expect(visa.allowedValues == ["yes", "no"])
        #expect(visa.inputType == .select)
        #expect(visa.renderTargets == [.view, .edit])

        let updated = try await api.applications.updateCustomFieldsSchema(
            .init(fields: fields, updateExistingData: true))
        #expect(updated == fields)
        let put = try #require(transport.requests.last)
        #expect(put.method == .put)
        #expect(put.path == "/api/v1/applications/custom_fields_schema")
        let body = try TrackerJSON.parse(put.body ?? Data())
        #expect(body.objectValue?["update_existing_data"] == true)
        let entry = body.objectValue?["custom_fields_schema"]?.arrayValue?.first?.objectValue
        #expect(visa.raw["future_key"] == 42)
        #expect(entry?["future_key"] == nil)
        #expect(entry?["whitelist_values"] == ["yes", "no"])
        #expect(entry?["field_name"] == "visa")
    }

    @Test func eventTypesAcceptSeveralShapes() async throws {
        for body in [
            #"["app_status_updated","applicant_new"]"#,
            #"[{"name":"app_status_updated"},{"event_type":"applicant_new"}]"#,
        ] {
            let (api, transport, _) = try TestAPI.make { _, _ in .json(body) }
            let events = try await api.workflow.eventTypes(for: .tagApp)
            #expect(events == [.appStatusUpdated, .applicantNew])
            #expect(transport.requests.first?.query["action_type"] == "tag_app")
        }
    }
}

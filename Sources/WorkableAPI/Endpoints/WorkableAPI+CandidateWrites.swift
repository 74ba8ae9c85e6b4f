public import Logging

extension WorkableAPI.Candidates {
    /// Moves a candidate to a stage of its job's pipeline (`POST /candidates/{id}/move`).
    ///
    /// Moving to the current stage is a no-op; a slug outside the pipeline gets 422. Not retried
    /// after a 5xx or a timeout: read the record and retry only if the stage did not change.
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - stage: The target stage's slug.
    ///   - member: The member the move is recorded against.
    ///   - logger: The logger for this call.
    /// - Throws: ``WorkableAPIError``.
    public func move(
        _ id: WorkableCandidateID, to stage: WorkableStageSlug, by member: WorkableMemberID, logger: Logger? = nil
    ) async throws {
        try await write(
            id, "move", ["member_id": .string(member.rawValue), "target_stage": .string(stage.rawValue)], logger)
    }

    /// Why a candidate is disqualified: one of the account's reasons (sent as
    /// `disqualify_reason_id`) or free text (sent as the documented `disqualification_reason`).
    public enum DisqualificationReason: Sendable, Hashable {
        /// A reason from ``WorkableAPI/Account-swift.struct/disqualificationReasons(logger:)``.
        case id(WorkableDisqualificationReasonID)
        /// Free text.
        case text(String)
    }

    /// Disqualifies (rejects) a candidate (`POST /candidates/{id}/disqualify`). Repeating it is a no-op.
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - member: The member the action is recorded against.
    ///   - reason: The reason, if any.
    ///   - note: A note of at most 256 characters.
    ///   - withdrew: Whether the candidate withdrew; `nil` follows the reason.
    ///   - logger: The logger for this call.
    /// - Throws: ``WorkableAPIError`` (422 for an unknown reason id or a note over 256 characters).
    public func disqualify(
        _ id: WorkableCandidateID, by member: WorkableMemberID, reason: DisqualificationReason? = nil,
        note: String? = nil, withdrew: Bool? = nil, logger: Logger? = nil
    ) async throws {
        var body: [String: WorkableJSON] = ["member_id": .string(member.rawValue)]
        switch reason {
        case .id(let reasonID)?: body["disqualify_reason_id"] = .string(reasonID.rawValue)
        case .text(let text)?: body["disqualification_reason"] = .string(text)
        case nil: break
        }
        if let note { body["disqualify_note"] = .string(note) }
        if let withdrew { body["withdrew"] = .bool(withdrew) }
        try await write(id, "disqualify", body, logger)
    }

    /// Undoes a disqualification (`POST /candidates/{id}/revert`); a no-op on a qualified candidate.
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - member: The member the action is recorded against.
    ///   - logger: The logger for this call.
    /// - Throws: ``WorkableAPIError``.
    public func revert(_ id: WorkableCandidateID, by member: WorkableMemberID, logger: Logger? = nil) async throws {
        try await write(id, "revert", ["member_id": .string(member.rawValue)], logger)
    }

    /// Adds a plain-text comment (`POST /candidates/{id}/comments`). Read comments back from
    /// ``activities(_:updatedAfter:logger:)``.
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - body: The comment's text (not blank).
    ///   - member: The member the comment is recorded against.
    ///   - policy: Who may see it (role names); empty for everyone.
    ///   - logger: The logger for this call.
    /// - Returns: The new comment's id (its activity id).
    /// - Throws: ``WorkableAPIError`` (422 for a blank body).
    public func comment(
        _ id: WorkableCandidateID, body: String, by member: WorkableMemberID, policy: [String] = [],
        logger: Logger? = nil
    ) async throws -> WorkableActivityID {
        var comment: [String: WorkableJSON] = ["body": .string(body)]
        if !policy.isEmpty { comment["policy"] = .array(policy.map(WorkableJSON.string)) }
        let endpoint = endpoint(
            id, "comments", body: ["member_id": .string(member.rawValue), "comment": .object(comment)])
        return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
            let json = try WorkableAPI.json(answer)
            guard let commentID = json["id"].string ?? json["comment"]["id"].string else {
                throw WorkableAPIError(code: .malformedResponse, underlying: "the answer holds no comment id")
            }
            return WorkableActivityID(commentID)
        }
    }

    /// Copies a candidate into another job (`POST /candidates/{id}/copy`): a new record with a new id.
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - job: The target job.
    ///   - stage: The stage in the target job.
    ///   - member: The member the action is recorded against.
    ///   - logger: The logger for this call.
    /// - Returns: The new record.
    /// - Throws: ``WorkableAPIError``.
    public func copy(
        _ id: WorkableCandidateID, to job: WorkableShortcode, stage: WorkableStageSlug? = nil,
        by member: WorkableMemberID, logger: Logger? = nil
    ) async throws -> WorkableCandidate {
        let endpoint = endpoint(id, "copy", body: transferBody(job, stage, member))
        return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
            try WorkableAPI.record(answer, key: "candidate", WorkableCandidate.init(json:)).0
        }
    }

    /// Moves a candidate to another job, keeping its id (`POST /candidates/{id}/relocate`).
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - job: The target job.
    ///   - stage: The stage in the target job.
    ///   - member: The member the action is recorded against.
    ///   - logger: The logger for this call.
    /// - Throws: ``WorkableAPIError``.
    public func relocate(
        _ id: WorkableCandidateID, to job: WorkableShortcode, stage: WorkableStageSlug? = nil,
        by member: WorkableMemberID, logger: Logger? = nil
    ) async throws {
        try await write(id, "relocate", transferBody(job, stage, member), logger)
    }

    /// Rates a candidate (`POST /candidates/{id}/ratings`).
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - grade: The grade on `scale`.
    ///   - scale: The scale (such as `thumbs` or `stars`).
    ///   - comment: A comment.
    ///   - member: The member the rating is recorded against.
    ///   - logger: The logger for this call.
    /// - Returns: The rating's id, when the server sends one.
    /// - Throws: ``WorkableAPIError``.
    @discardableResult
    public func rate(
        _ id: WorkableCandidateID, grade: Int, scale: String, comment: String? = nil, by member: WorkableMemberID,
        logger: Logger? = nil
    ) async throws -> String? {
        var body: [String: WorkableJSON] = [
            "member_id": .string(member.rawValue), "grade": .number(String(grade)), "scale": .string(scale),
        ]
        if let comment { body["comment"] = .string(comment) }
        return try await api.perform(endpoint(id, "ratings", body: body), logger: logger) {
            answer throws(WorkableAPIError) in
            answer.body.isEmpty ? nil : (try? WorkableJSON(parsing: answer.body))?["id"].string
        }
    }

    /// Replaces a candidate's tags (`PUT /candidates/{id}/tags`).
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - tags: The complete set of tags.
    ///   - logger: The logger for this call.
    /// - Returns: The tags the server kept.
    /// - Throws: ``WorkableAPIError``.
    @discardableResult
    public func setTags(_ id: WorkableCandidateID, _ tags: [String], logger: Logger? = nil) async throws -> [String] {
        var endpoint = endpoint(id, "tags", body: ["tags": .array(tags.map(WorkableJSON.string))])
        endpoint.method = "PUT"
        endpoint.template = "PUT /candidates/{id}/tags"
        return try await api.perform(endpoint, logger: logger) { answer throws(WorkableAPIError) in
            answer.body.isEmpty ? tags : try WorkableAPI.json(answer)["tags"].strings
        }
    }

    /// Sets one custom attribute's value (`PATCH /candidates/{id}/update_custom_attribute_value`).
    /// - Parameters:
    ///   - id: The candidate's id.
    ///   - key: The attribute's key.
    ///   - value: The value, in the member its type needs: `value` (text, number), `checked`
    ///     (boolean), `date`, `choices` (option ids) or `file_url`.
    ///   - logger: The logger for this call.
    /// - Throws: ``WorkableAPIError`` (404 for an unknown key).
    public func setCustomAttribute(
        _ id: WorkableCandidateID, key: WorkableCustomAttributeKey, value: CustomAttributeValue, logger: Logger? = nil
    ) async throws {
        var body: [String: WorkableJSON] = ["custom_attribute_key": .string(key.rawValue)]
        switch value {
        case .text(let text): body["value"] = .string(text)
        case .number(let number): body["value"] = .number(String(number))
        case .checked(let checked): body["checked"] = .bool(checked)
        case .date(let date): body["date"] = .string(date)
        case .choices(let choices): body["choices"] = .array(choices.map(WorkableJSON.string))
        case .fileURL(let url): body["file_url"] = .string(url)
        }
        var endpoint = endpoint(id, "update_custom_attribute_value", body: .object(body))
        endpoint.method = "PATCH"
        endpoint.template = "PATCH /candidates/{id}/update_custom_attribute_value"
        _ = try await api.perform(endpoint, logger: logger) { _ throws(WorkableAPIError) in () }
    }

    /// A custom attribute value in the body member its type takes.
    public enum CustomAttributeValue: Sendable, Hashable {
        /// Text (`value`).
        case text(String)
        /// A number (`value`).
        case number(Double)
        /// A Boolean (`checked`).
        case checked(Bool)
        /// A date, `YYYY-MM-DD` (`date`).
        case date(String)
        /// Chosen option ids (`choices`).
        case choices([String])
        /// A file at a URL (`file_url`).
        case fileURL(String)
    }

    private func transferBody(_ job: WorkableShortcode, _ stage: WorkableStageSlug?, _ member: WorkableMemberID)
        -> [String: WorkableJSON]
    {
        var body: [String: WorkableJSON] = [
            "member_id": .string(member.rawValue), "target_job_shortcode": .string(job.rawValue),
        ]
        if let stage { body["target_stage"] = .string(stage.rawValue) }
        return body
    }

    private func endpoint(_ id: WorkableCandidateID, _ action: String, body: [String: WorkableJSON])
        -> WorkableEndpoint
    {
        endpoint(id, action, body: .object(body))
    }

    private func endpoint(_ id: WorkableCandidateID, _ action: String, body: WorkableJSON) -> WorkableEndpoint {
        WorkableEndpoint(
            "POST", "/candidates/\(segment(id.rawValue))/\(action)", template: "/candidates/{id}/\(action)",
            body: body, scope: action == "comments" ? "w_comments" : "w_candidates")
    }

    private func write(_ id: WorkableCandidateID, _ action: String, _ body: [String: WorkableJSON], _ logger: Logger?)
        async throws
    {
        _ = try await api.perform(endpoint(id, action, body: body), logger: logger) { _ throws(WorkableAPIError) in () }
    }
}

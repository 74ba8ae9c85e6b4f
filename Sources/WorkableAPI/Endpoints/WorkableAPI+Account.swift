public import Logging

extension WorkableAPI {
    /// The account's lists: stages, members, disqualification reasons, custom attributes, and the
    /// token check.
    public var account: Account { Account(api: self) }

    /// The account endpoints.
    public struct Account: Sendable {
        let api: WorkableAPI

        /// The accounts the token can see (`GET /accounts`): the cheapest call that checks a token.
        /// - Parameter logger: The logger for this call.
        /// - Returns: The answer's JSON.
        /// - Throws: ``WorkableAPIError`` (``WorkableAPIError/Code-swift.struct/unauthorized`` for a bad token).
        public func accounts(logger: Logger? = nil) async throws -> WorkableJSON {
            try await api.perform(WorkableEndpoint("GET", "/accounts", template: "/accounts"), logger: logger) {
                answer throws(WorkableAPIError) in try WorkableAPI.json(answer)
            }
        }

        /// The account's stages (`GET /stages`).
        /// - Parameter logger: The logger for this call.
        /// - Returns: The stages.
        /// - Throws: ``WorkableAPIError``.
        public func stages(logger: Logger? = nil) async throws -> [WorkableStage] {
            try await api.fetchList(
                WorkableEndpoint("GET", "/stages", template: "/stages", scope: "r_jobs"), key: "stages",
                WorkableStage.init(json:), logger: logger)
        }

        /// Filters for `GET /members`.
        public struct MembersRequest: Sendable, Hashable {
            /// Only members with this role.
            public var role: String?
            /// Only the members of this job's team.
            public var shortcode: WorkableShortcode?
            /// Only this e-mail address.
            public var email: String?
            /// Only this name.
            public var name: String?
            /// `active` (the server's default), `inactive` or `all`.
            public var status: String?

            /// Creates filters.
            /// - Parameters:
            ///   - role: Only this role.
            ///   - shortcode: Only this job's team.
            ///   - email: Only this address.
            ///   - name: Only this name.
            ///   - status: `active`, `inactive` or `all`.
            public init(
                role: String? = nil, shortcode: WorkableShortcode? = nil, email: String? = nil, name: String? = nil,
                status: String? = nil
            ) {
                self.role = role
                self.shortcode = shortcode
                self.email = email
                self.name = name
                self.status = status
            }
        }

        /// The account's members (`GET /members`), in id order; `role` and `roles` answers both work.
        /// - Parameters:
        ///   - request: The filters.
        ///   - logger: The logger for this call.
        /// - Returns: The pages; nothing is fetched until iterated.
        public func members(_ request: MembersRequest = MembersRequest(), logger: Logger? = nil)
            -> WorkablePages<WorkableMember>
        {
            var query: [(String, String)] = [("limit", String(api.configuration.pageSize))]
            let filters = [
                ("role", request.role), ("shortcode", request.shortcode?.rawValue), ("email", request.email),
                ("name", request.name), ("status", request.status),
            ]
            for case (let name, let value?) in filters { query.append((name, value)) }
            let endpoint = WorkableEndpoint("GET", "/members", template: "/members", query: query)
            let api = api
            let logger = logger ?? api.configuration.logger
            return WorkablePages(
                api: api, first: endpoint, key: "members",
                make: { json in
                    let member = WorkableMember(json: json)
                    if member?.usesSingleRole == true {
                        api.observe(.memberSingleRole, endpoint: "GET /members", logger: logger)
                    }
                    return member
                },
                keep: { _ in true }, logger: logger)
        }

        /// The account's disqualification reasons (`GET /disqualification_reasons`); a bare array and
        /// a wrapped list both work.
        /// - Parameter logger: The logger for this call.
        /// - Returns: The reasons.
        /// - Throws: ``WorkableAPIError``.
        public func disqualificationReasons(logger: Logger? = nil) async throws -> [WorkableDisqualificationReason] {
            try await api.fetchList(
                WorkableEndpoint("GET", "/disqualification_reasons", template: "/disqualification_reasons"),
                key: "disqualification_reasons", WorkableDisqualificationReason.init(json:), bareIsExpected: true,
                logger: logger)
        }

        /// The member writes are recorded against when none is configured ([model]): the first
        /// active member with the `admin` role, in `GET /members` order.
        /// - Parameter logger: The logger for this call.
        /// - Returns: The member; report it, so the user knows whose name the writes carry.
        /// - Throws: ``WorkableAPIError`` with ``WorkableAPIError/Code-swift.struct/invalidConfiguration`` when the
        ///   account has no active admin (nothing is written then), or the list's errors.
        public func defaultMember(logger: Logger? = nil) async throws -> WorkableMember {
            for try await member in members(logger: logger).records
            where member.isActive != false && member.roles.contains("admin") {
                return member
            }
            throw WorkableAPIError(
                code: .invalidConfiguration, endpoint: "GET /members",
                underlying:
                    "the account has no active admin to record writes against; name a member with --member-id "
                    + "or WORKABLE_MEMBER_ID (ids are listed by GET /members)")
        }

        /// The account's custom attribute definitions (`GET /custom_attributes`).
        /// - Parameter logger: The logger for this call.
        /// - Returns: The definitions.
        /// - Throws: ``WorkableAPIError``.
        public func customAttributes(logger: Logger? = nil) async throws -> [WorkableCustomAttribute] {
            try await api.fetchList(
                WorkableEndpoint("GET", "/custom_attributes", template: "/custom_attributes"),
                key: "custom_attributes", WorkableCustomAttribute.init(json:), logger: logger)
        }
    }
}

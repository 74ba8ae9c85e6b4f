public import Foundation
public import Logging

/// The REST API's short-lived token (a JWT from `POST /api/Auth/ExchangeToken`), exchanged once
/// and shared; a 401 exchanges it again once.
actor RMSRESTSession {
    private var token: String?

    func current() -> String? { token }
    func store(_ newToken: String?) { token = newToken }
}

/// A document on a resource, as the REST API lists it.
public struct RMSDocument: Sendable, Hashable {
    /// The document id.
    public var id: RMSRecordID
    /// The file name.
    public var filename: String?
    /// The document type, such as `resume`.
    public var documentType: String?
    /// Whether it is the primary document of its type.
    public var isPrimary: Bool?
}

extension TrackerRMSClient {
    /// The documents of a resource, from the REST API (the widget API has no listing).
    /// - Parameters:
    ///   - resourceID: The resource.
    ///   - logger: The logger for this call.
    /// - Returns: The documents.
    /// - Throws: ``TrackerRMSError``; `notSupported` without a REST token.
    public func documents(ofResource resourceID: RMSRecordID, logger: Logger? = nil) async throws -> [RMSDocument] {
        let json = try await restGET(
            "/api/v1/Resource/\(resourceID)/Documents", label: "GET Resource Documents", logger: logger)
        let list: [RMSJSON]
        if let array = json.arrayValue {
            list = array
        } else {
            list = json.firstMember("data", "items", "results", "value")?.arrayValue ?? []
        }
        return list.compactMap { item in
            guard let id = RMSRecordID(json: item.firstMember("documentId", "id")) else { return nil }
            return RMSDocument(
                id: id, filename: item.firstMember("filename", "fileName", "name")?.scalarText,
                documentType: item.member("documentType")?.scalarText, isPrimary: item.member("isPrimary")?.booleanValue
            )
        }
    }

    /// One document's bytes, from the REST API.
    /// - Parameters:
    ///   - documentID: The document.
    ///   - resourceID: The resource it belongs to.
    ///   - logger: The logger for this call.
    /// - Returns: The file name (when sent) and the bytes.
    /// - Throws: ``TrackerRMSError``; `malformedResponse` when the content is not base64.
    public func downloadDocument(_ documentID: RMSRecordID, ofResource resourceID: RMSRecordID, logger: Logger? = nil)
        async throws -> (filename: String?, data: Data)
    {
        let label = "GET Resource Document"
        let json = try await restGET(
            "/api/v1/Resource/\(resourceID)/Document/\(documentID)", label: label, logger: logger)
        guard let content = json.firstMember("filecontent", "fileContent")?.scalarText,
            let data = Data(base64Encoded: content, options: .ignoreUnknownCharacters)
        else {
            throw TrackerRMSError(
                code: .malformedResponse, operation: label, detail: "no base64 file content in the reply")
        }
        return (json.firstMember("filename", "fileName")?.scalarText, data)
    }

    private func restGET(_ path: String, label: String, logger: Logger?) async throws -> RMSJSON {
        guard configuration.restToken != nil else {
            throw TrackerRMSError(
                code: .notSupported, operation: label,
                detail: "documents are read through Tracker RMS's REST API, which needs its own token (Tracker → "
                    + "Tools & Settings → Security Settings → API; TRACKER_RMS_REST_TOKEN)")
        }
        for exchange in 0..<2 {
            let jwt = try await restToken(forceNew: exchange > 0, logger: logger)
            let request = RMSHTTPRequest(
                method: "GET", url: restRoot + path,
                headers: [
                    ("Accept", "application/json"), ("Authorization", "Bearer " + jwt),
                    ("User-Agent", configuration.userAgent),
                ])
            let outcome: (status: Int, json: RMSJSON?) = try await attempts(
                label, url: request.url, repeatability: .repeatable, logger: logger, verify: nil
            ) { response in
                self.restInterpret(response, label: label)
            } send: { timeout, logger in
                try await self.transport.execute(request, timeout: timeout, logger: logger)
            }
            if outcome.status == 401 { continue }
            if let json = outcome.json { return json }
        }
        throw TrackerRMSError(
            code: .authenticationFailed, operation: label, httpStatus: 401,
            detail: "the REST API refused the exchanged token twice; check the REST token")
    }

    private func restInterpret(_ response: RMSHTTPResponse, label: String) -> AttemptResult<
        (status: Int, json: RMSJSON?)
    > {
        switch response.status {
        case 200..<300:
            guard !ReplyShape.isHTML(response.body), let json = try? RMSJSONParser.parse(response.body) else {
                return .retry(
                    TrackerRMSError(code: .malformedResponse, operation: label, httpStatus: response.status),
                    reason: "malformed", tookEffect: false, retryAfter: nil)
            }
            return .success((response.status, json))
        case 401: return .success((401, nil))
        case 404:
            return .fail(TrackerRMSError(code: .recordNotFound, operation: label, httpStatus: 404))
        case 429:
            return .retry(
                TrackerRMSError(code: .rateLimited, operation: label, httpStatus: 429), reason: "status_429",
                tookEffect: false, retryAfter: Self.retryAfter(response.header("Retry-After")))
        case 500..<600:
            return .retry(
                TrackerRMSError(code: .httpStatus, operation: label, httpStatus: response.status), reason: "status_5xx",
                tookEffect: false, retryAfter: nil)
        default:
            return .fail(TrackerRMSError(code: .httpStatus, operation: label, httpStatus: response.status))
        }
    }

    private func restToken(forceNew: Bool, logger: Logger?) async throws -> String {
        if !forceNew, let token = await restSession.current() { return token }
        let label = "POST Auth ExchangeToken"
        let body = RMSJSONWriter.bytes(.object(["bearerToken": .string(configuration.restToken ?? "")]))
        let request = RMSHTTPRequest(
            method: "POST", url: restRoot + "/api/Auth/ExchangeToken",
            headers: [("Content-Type", "application/json"), ("Accept", "application/json")], body: body)
        let token: String = try await attempts(
            label, url: request.url, repeatability: .repeatable, logger: logger, verify: nil
        ) {
            response in
            if response.status == 401 || response.status == 403 {
                return .fail(
                    TrackerRMSError(
                        code: .authenticationFailed, operation: label, httpStatus: response.status,
                        detail: "the REST token was not accepted"))
            }
            switch self.restInterpret(response, label: label) {
            case .success(let outcome):
                guard let token = outcome.json?.firstMember("token", "Token")?.scalarText, !token.isEmpty else {
                    return .fail(
                        TrackerRMSError(code: .malformedResponse, operation: label, detail: "no token in the reply"))
                }
                return .success(token)
            case .retry(let error, let reason, let tookEffect, let wait):
                return .retry(error, reason: reason, tookEffect: tookEffect, retryAfter: wait)
            case .fail(let error):
                return .fail(error)
            }
        } send: { timeout, logger in
            try await self.transport.execute(request, timeout: timeout, logger: logger)
        }
        await restSession.store(token)
        return token
    }
}

internal import Foundation
internal import Synchronization

/// The REST API's document calls: `POST /api/Auth/ExchangeToken`, `GET /api/v1/Resource/{id}/Documents`
/// and `GET /api/v1/Resource/{id}/Document/{documentId}`.
struct RMSSandboxREST {
    let store: RMSSandboxStore

    func handle(method: String, segments: [String], body: [UInt8], authorization: String?) -> RMSSandboxReply {
        let lowered = segments.map { $0.lowercased() }
        if lowered == ["api", "auth", "exchangetoken"] {
            guard method == "POST" else { return .aspNet(405, "Method not allowed.") }
            let parsed = (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]).map(
                RMSSandboxBody.init)
            guard parsed?.string("bearerToken") == store.configuration.restToken else {
                return .json(401) { json in
                    json.beginObject()
                    json.field("message", "Invalid token")
                    json.endObject()
                }
            }
            let token = store.traffic.withLock { traffic -> String in
                let token = "jwt.sandbox.\(traffic.restJWTs.count + 1).\(traffic.requestCount)"
                traffic.restJWTs.insert(token)
                return token
            }
            let expiration = store.time.naive(store.now + 7 * 86_400)
            return .json(200) { json in
                json.beginObject()
                json.field("token", token)
                json.field("expiration", expiration)
                json.endObject()
            }
        }
        guard lowered.count >= 5, lowered[0] == "api", lowered[1] == "v1", lowered[2] == "resource",
            let resourceID = Int(lowered[3])
        else { return .aspNet(404, "No HTTP resource was found that matches the request URI.") }
        guard method == "GET" else { return .aspNet(405, "Method not allowed.") }
        let bearer = authorization?.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
        guard store.traffic.withLock({ $0.restJWTs.contains(bearer) }) else {
            return .aspNet(401, "Authorization has been denied for this request.")
        }
        return store.data.withLock { data -> RMSSandboxReply in
            guard data.resource(resourceID) != nil else { return .aspNet(404, "Resource not found.") }
            let documents = data.documents.filter { $0.recordType == "R" && $0.recordID == resourceID }
            if lowered.count == 5, lowered[4] == "documents" {
                return .json(200) { json in
                    json.beginArray()
                    for document in documents {
                        json.beginObject()
                        json.field("documentId", document.id)
                        json.field("filename", document.filename)
                        json.field("documentType", document.documentType)
                        json.key("isPrimary")
                        json.bool(document.isPrimary)
                        json.endObject()
                    }
                    json.endArray()
                }
            }
            guard lowered.count == 6, lowered[4] == "document", let documentID = Int(lowered[5]),
                let document = documents.first(where: { $0.id == documentID })
            else { return .aspNet(404, "Document not found.") }
            return .json(200) { json in
                json.beginObject()
                json.field("filename", document.filename)
                json.field("filecontent", Data(document.data).base64EncodedString())
                json.endObject()
            }
        }
    }
}

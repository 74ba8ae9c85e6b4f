import Foundation

/// Turns an error answer into a ``WorkableAPIError``: the `error` text and `validation_errors`
/// from JSON, or a short tag-free excerpt of an HTML page; always scrubbed of the token.
enum ErrorBody {
    static func error(status: Int, body: Data, endpoint: String, token: String) -> WorkableAPIError {
        var error = WorkableAPIError(code: code(for: status), endpoint: endpoint, status: status)
        if let json = try? WorkableJSON(parsing: body), json.isObject {
            error.serverMessage = json["error"].string.map { bounded(scrub($0, token: token)) }
            if let fields = json["validation_errors"].object {
                for (field, messages) in fields {
                    let texts = messages.isArray ? messages.strings : messages.string.map { [$0] } ?? []
                    error.validationErrors[field] = texts.map { bounded(scrub($0, token: token)) }
                }
            }
        } else if !body.isEmpty {
            error.bodyExcerpt = excerpt(body, scrubbing: token)
        }
        return error
    }

    static func code(for status: Int) -> WorkableAPIError.Code {
        switch status {
        case 400: .badRequest
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 409: .conflict
        case 422: .validationFailed
        case 429: .rateLimited
        case 408, 500...599: .serverError
        default: .requestRejected
        }
    }

    static func isHTML(_ body: Data) -> Bool {
        let head = body.prefix(256).drop { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
        guard let first = head.first, first == UInt8(ascii: "<") else { return false }
        let text = String(decoding: head.prefix(32), as: UTF8.self).lowercased()
        return text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<head")
            || text.hasPrefix("<body") || text.hasPrefix("<?xml") || text.hasPrefix("<error")
    }

    /// At most 120 characters of visible text, tags and runs of white space removed.
    static func excerpt(_ body: Data, scrubbing token: String) -> String {
        let text = String(decoding: body.prefix(4096), as: UTF8.self)
        var visible = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
                visible.append(" ")
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                visible.append(character.isWhitespace ? " " : character)
            }
        }
        let collapsed = visible.split(separator: " ").joined(separator: " ")
        return bounded(scrub(collapsed, token: token))
    }

    static func bounded(_ text: String) -> String {
        text.count > 120 ? String(text.prefix(120)) + "…" : text
    }

    static func scrub(_ text: String, token: String) -> String {
        guard token.count >= 4 else { return text }
        return text.replacingOccurrences(of: token, with: "<redacted>")
    }
}

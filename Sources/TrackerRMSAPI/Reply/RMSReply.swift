/// A widget API reply: the `{status, message, count, results}` envelope, plus `recordId` and
/// `recordName` after creates, with the whole body kept for members this library does not name
/// (getSettings puts its lists at the top level).
public struct RMSReply: Sendable, Hashable {
    /// `status`: 0 success, 1 user not found, 2 user not active, 3 exists, 99 invalid.
    public var status: Int
    /// `message`, as the server wrote it (secrets removed by the client before it is shown).
    public var message: String?
    /// `count` as sent; its meaning (this reply's results or all matches) varies by server.
    public var count: Int?
    /// `results`: an array, or a single object read as a one-element array; empty when absent.
    public var results: [RMSJSON]
    /// `recordId` after a create (number or string), if sent.
    public var recordID: RMSRecordID?
    /// `recordName` after a create, if sent.
    public var recordName: String?
    /// The whole body.
    public var body: RMSJSON

    /// Reads a reply body.
    /// - Parameter bytes: The body.
    /// - Returns: The reply.
    /// - Throws: ``RMSReplyDecodingError`` when the body is not JSON or not the envelope.
    public static func decode(_ bytes: [UInt8]) throws(RMSReplyDecodingError) -> RMSReply {
        let json: RMSJSON
        do {
            json = try RMSJSONParser.parse(bytes)
        } catch let error as RMSJSONSyntaxError {
            throw RMSReplyDecodingError(reason: error.description)
        } catch {
            throw RMSReplyDecodingError(reason: "unreadable JSON")
        }
        guard case .object = json else {
            throw RMSReplyDecodingError(reason: "the reply is not a JSON object")
        }
        guard let statusValue = json.member("status"), let status = statusValue.integerValue,
            let status = Int(exactly: status)
        else {
            throw RMSReplyDecodingError(reason: "the reply has no numeric \"status\"")
        }
        let results: [RMSJSON]
        switch json.member("results") {
        case .array(let elements)?: results = elements
        case .object(let single)? where !single.isEmpty: results = [.object(single)]
        default: results = []
        }
        return RMSReply(
            status: status,
            message: json.firstMember("message")?.scalarText,
            count: json.member("count")?.integerValue.flatMap { Int(exactly: $0) },
            results: results,
            recordID: RMSRecordID(json: json.firstMember("recordId", "recordid", "id")),
            recordName: json.member("recordName")?.scalarText,
            body: json
        )
    }
}

/// Why a reply body was not the widget API's envelope. Carries no part of the body.
public struct RMSReplyDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public var reason: String
    /// What was wrong.
    public var description: String { reason }
}

enum ReplyShape {
    /// Whether a body looks like HTML (a proxy's error page, a login or maintenance page).
    static func isHTML(_ body: [UInt8]) -> Bool {
        var index = 0
        while index < body.count,
            body[index] == 0x20 || body[index] == 0x0A || body[index] == 0x0D
                || body[index] == 0x09 || body[index] == 0xEF || body[index] == 0xBB || body[index] == 0xBF
        {
            index += 1
        }
        return index < body.count && body[index] == UInt8(ascii: "<")
    }

    /// The ASP.NET error body's `Message` (or `message`), if the body is one.
    static func aspNetMessage(_ body: [UInt8]) -> String? {
        guard let json = try? RMSJSONParser.parse(body) else { return nil }
        return json.firstMember("Message", "ExceptionMessage")?.scalarText
    }
}

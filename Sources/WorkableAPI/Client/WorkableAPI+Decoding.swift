import Foundation

extension WorkableAPI {
    /// The body as JSON, or a malformed-response error.
    static func json(_ answer: ReceivedAnswer) throws(WorkableAPIError) -> WorkableJSON {
        do {
            return try WorkableJSON(parsing: answer.body)
        } catch {
            throw WorkableAPIError(code: .malformedResponse, underlying: "the body is not JSON")
        }
    }

    /// A single record, bare (`{...}`) or wrapped (`{"key": {...}}`); says which it was.
    static func record<Record>(
        _ answer: ReceivedAnswer, key: String, _ make: (WorkableJSON) -> Record?
    ) throws(WorkableAPIError) -> (Record, wrapped: Bool) {
        let json = try json(answer)
        if json[key].isObject, let record = make(json[key]) { return (record, true) }
        if let record = make(json) { return (record, false) }
        throw WorkableAPIError(code: .malformedResponse, underlying: "the answer holds no \(key) record")
    }

    /// A list, wrapped (`{"key": [...]}`) or bare (`[...]`); says which it was.
    static func list<Record>(
        _ json: WorkableJSON, key: String, _ make: (WorkableJSON) -> Record?
    ) throws(WorkableAPIError) -> (records: [Record], bare: Bool) {
        let elements: [WorkableJSON]
        let bare: Bool
        if json.isArray {
            (elements, bare) = (json.array, true)
        } else if json[key].isArray {
            (elements, bare) = (json[key].array, false)
        } else if json.isObject, json[key].isNull {
            (elements, bare) = ([], false)
        } else {
            throw WorkableAPIError(code: .malformedResponse, underlying: "the answer holds no \(key) list")
        }
        var records: [Record] = []
        records.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard let record = make(element) else {
                throw WorkableAPIError(
                    code: .malformedResponse, underlying: "\(key)[\(index)] is not a record with an id")
            }
            records.append(record)
        }
        return (records, bare)
    }
}

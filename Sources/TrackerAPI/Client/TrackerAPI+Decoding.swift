import Foundation
import Logging

extension TrackerAPI {
    /// Parses a body as JSON, or explains (with an excerpt) why it is not.
    func parseJSON(_ response: ReceivedResponse, endpoint: String) throws -> TrackerJSON {
        try parseJSON(response, endpoint: endpoint) { try TrackerJSON.parse($0) }
    }

    /// Parses a body as JSON keeping each root array element's bytes (see
    /// ``TrackerJSON/parseKeepingElements(_:)``), or explains why it is not JSON.
    func parseJSONKeepingElements(
        _ response: ReceivedResponse, endpoint: String
    ) throws -> (value: TrackerJSON, elements: [[UInt8]]) {
        try parseJSON(response, endpoint: endpoint) { try TrackerJSON.parseKeepingElements($0) }
    }

    private func parseJSON<Parsed>(
        _ response: ReceivedResponse, endpoint: String, parse: (Data) throws -> Parsed
    ) throws -> Parsed {
        guard !response.body.isEmpty else {
            throw TrackerAPIError(
                code: .malformedResponse,
                endpoint: endpoint,
                status: response.status,
                field: "(body)",
                underlying: "empty body where JSON was expected"
            )
        }
        do {
            return try parse(response.body)
        } catch {
            throw TrackerAPIError(
                code: .malformedResponse,
                endpoint: endpoint,
                status: response.status,
                field: "(body)",
                bodyExcerpt: excerpt(response.body),
                underlying: Self.isHTML(response.body) ? Self.htmlCause : "not JSON (\(error))"
            )
        }
    }

    /// Decodes a single-record answer: an object, or a one-element array as the legacy API sent.
    func decodeRecord<Record: WireDecodable>(
        _ response: ReceivedResponse,
        endpoint: String,
        logger: Logger
    ) throws -> Record {
        var context = WireContext(endpoint: endpoint, timeZone: configuration.accountTimeZone)
        let object: [String: TrackerJSON]
        let (parsed, texts) = try parseJSONKeepingElements(response, endpoint: endpoint)
        switch parsed {
        case .object(let value):
            object = value
        case .array(let elements) where elements.count == 1:
            guard let value = elements[0].objectValue else { throw shapeError(response, endpoint, "an object") }
            context.observations.insert(.singleRecordAsArray)
            object = value
        default:
            throw shapeError(response, endpoint, "an object or a one-element array")
        }
        let value = try Record(wire: WireObject(fields: object, bytes: texts.first), context: &context)
        record(context.observations, endpoint: endpoint, logger: logger)
        return value
    }

    func shapeError(_ response: ReceivedResponse, _ endpoint: String, _ expected: String) -> TrackerAPIError {
        TrackerAPIError(
            code: .malformedResponse,
            endpoint: endpoint,
            status: response.status,
            field: "(root)",
            bodyExcerpt: excerpt(response.body),
            underlying: "expected \(expected)"
        )
    }
}

import Foundation
import Logging

/// The call shapes every endpoint group is built from.
extension TrackerAPI {
    /// GET (or any method) answered by one record.
    func callRecord<Record: WireDecodable>(_ endpoint: TrackerEndpoint, logger: Logger?) async throws -> Record {
        let logger = logger ?? configuration.logger
        return try await perform(endpoint, logger: logger) { [self] response in
            try decodeRecord(response, endpoint: endpoint.label, logger: logger)
        }
    }

    /// A call answered by a bare array of records (not paged).
    func callList<Record: WireDecodable>(_ endpoint: TrackerEndpoint, logger: Logger?) async throws -> [Record] {
        let logger = logger ?? configuration.logger
        return try await perform(endpoint, logger: logger) { [self] response in
            var context = WireContext(endpoint: endpoint.label, timeZone: configuration.accountTimeZone)
            let records = try decodeRecords(
                response, endpoint: endpoint.label, keys: Record.wireKeys, context: &context
            ) { wire, context in
                try Record(wire: wire, context: &context)
            }
            record(context.observations, endpoint: endpoint.label, logger: logger)
            return records
        }
    }

    /// A call whose answer body does not matter (DELETE): any 2xx is success.
    func callIgnoringBody(_ endpoint: TrackerEndpoint, logger: Logger?) async throws {
        try await perform(endpoint, logger: logger) { _ in () }
    }

    /// A write whose answer is undocumented: the status, and the body when it is JSON.
    func callJSON(_ endpoint: TrackerEndpoint, logger: Logger?) async throws -> (status: Int, body: TrackerJSON?) {
        try await perform(endpoint, logger: logger) { response in
            (response.status, response.body.isEmpty ? nil : try? TrackerJSON.parse(response.body))
        }
    }

    /// A lazy paged list.
    func pagedList<Record: PageableRecord>(
        _ endpoint: TrackerEndpoint,
        firstPage: Int,
        pageSize: Int?,
        updatedAfter: Date?,
        logger: Logger?,
        maximumPageSize: Int = 5000
    ) -> TrackerPageSequence<Record> {
        var endpoint = endpoint
        if let updatedAfter {
            endpoint.query.append(
                (
                    "updated_after",
                    TrackerTimestamp.filterText(for: updatedAfter, accountTimeZone: configuration.accountTimeZone)
                )
            )
        }
        return TrackerPageSequence(
            source: PageSource(
                api: self,
                endpoint: endpoint,
                firstPage: firstPage,
                pageSize: pageSize,
                updatedAfter: updatedAfter,
                logger: logger,
                maximumPageSize: maximumPageSize
            )
        )
    }
}

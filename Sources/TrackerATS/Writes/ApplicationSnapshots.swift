import ATSCore
import TrackerAPI

/// What a write needs to know of an application's current state.
enum ApplicationSnapshot: Sendable, Hashable {
    /// The application exists with this status and archived flag.
    case found(status: String?, isArchived: Bool)
    /// Tracker has no such application.
    case missing
    /// It could not be read; the text says why.
    case unreadable(String)
}

extension TrackerATSClient {
    /// The current state of many applications at the lowest request count.
    ///
    /// Below ``WriteSettings/perRecordReadLimit`` ids, each application is read on its own.
    /// From there, the application list is read in pages of 5,000 (one request per page),
    /// stopping once every id was seen or, ids ascending, past the largest; when the first page
    /// shows that the list has more pages than ids are missing, the rest are read one by one.
    /// Ids the list did not show are always read one by one before being called missing, so a
    /// server that orders or pages differently can cost requests but never a wrong answer.
    func snapshots(of ids: [ApplicationID]) async throws -> [ApplicationID: ApplicationSnapshot] {
        guard ids.count >= configuration.writes.perRecordReadLimit else { return try await readEach(ids) }
        var wanted = Set(ids)
        var found: [ApplicationID: ApplicationSnapshot] = [:]
        let largest = ids.compactMap { Int64($0.rawValue) }.max()
        do {
            let pages = api.applications.pages(.init(pageSize: 5000), logger: logger)
            for try await page in pages {
                await metadata.observe(statuses: page.records.compactMap { $0.status?.rawValue })
                for wire in page.records {
                    let id = ApplicationID(wire.id.rawValue)
                    guard wanted.remove(id) != nil else { continue }
                    found[id] = .found(status: wire.status?.rawValue, isArchived: wire.isArchived ?? false)
                }
                if wanted.isEmpty { break }
                if let total = page.paging.pages, total - page.number > wanted.count { break }
                if let largest, let last = page.records.last?.id.integerValue, last >= largest { break }
            }
        } catch let error as TrackerAPIError where error.code == .cancelled {
            throw CancellationError()
        } catch {
            // The list failed after its retries: read what is left one by one instead.
        }
        for (id, snapshot) in try await readEach(Array(wanted)) { found[id] = snapshot }
        return found
    }

    /// Reads applications one by one, eight at a time; a failure is that application's snapshot.
    private func readEach(_ ids: [ApplicationID]) async throws -> [ApplicationID: ApplicationSnapshot] {
        try await withThrowingTaskGroup(of: (ApplicationID, ApplicationSnapshot).self) { group in
            var result: [ApplicationID: ApplicationSnapshot] = [:]
            var iterator = ids.makeIterator()
            func addNext() -> Bool {
                guard let id = iterator.next() else { return false }
                group.addTask { (id, try await self.snapshot(of: id)) }
                return true
            }
            for _ in 0..<8 {
                if !addNext() { break }
            }
            while let (id, snapshot) = try await group.next() {
                result[id] = snapshot
                _ = addNext()
            }
            return result
        }
    }

    private func snapshot(of id: ApplicationID) async throws -> ApplicationSnapshot {
        do {
            let wire = try await api.applications.get(TrackerApplicationID(rawValue: id.rawValue), logger: logger)
            if let status = wire.status { await metadata.observe(statuses: [status.rawValue]) }
            return .found(status: wire.status?.rawValue, isArchived: wire.isArchived ?? false)
        } catch let error as TrackerAPIError where error.code == .cancelled {
            throw CancellationError()
        } catch let error as TrackerAPIError where error.code == .notFound {
            return .missing
        } catch {
            return .unreadable("Tracker could not be read for application \(id): \(error)")
        }
    }
}

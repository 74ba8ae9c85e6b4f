/// Derives the account's initial records procedurally: record N is a pure function of
/// `(seed, N, anchor)`. Nothing is stored, so a million applications cost no memory and no start-up
/// time; the store keeps only what changed since (see `ResourceTable`).
///
/// Time line (all relative to `anchor`, the clock's reading at start-up, rounded down to a minute):
/// jobs are created from 790 to 3 days before the anchor, applications from 730 days before it up to
/// it, in id order; every `updated_at` is at or after its `created_at` and never after the anchor.
struct DataGenerator: Sendable {
    let hash: SeededHash
    let anchor: Int64
    let jobCount: Int
    let applicationCount: Int
    let noteCount: Int
    let fileCount: Int
    let personCount: Int
    let companyID: Int
    let statuses: [String]
    /// Cumulative status weights, for a weighted draw.
    private let statusThresholds: [Int]

    static let applicationSpan: Int64 = 730 * CivilTime.secondsPerDay
    static let jobLead: Int64 = 60 * CivilTime.secondsPerDay
    static let jobTail: Int64 = 3 * CivilTime.secondsPerDay

    init(configuration: SandboxConfiguration, anchor: Int64) {
        hash = SeededHash(seed: configuration.seed)
        self.anchor = anchor - ((anchor % 60) + 60) % 60
        jobCount = configuration.jobCount
        applicationCount = configuration.applicationCount
        noteCount = Int((Double(configuration.applicationCount) * configuration.notesPerApplication).rounded())
        fileCount = Int((Double(configuration.applicationCount) * configuration.filesPerApplication).rounded())
        // About 1.4 applications per person: many people apply to several jobs.
        personCount = max(1, configuration.applicationCount * 7 / 10)
        companyID = configuration.companyID
        statuses = configuration.statuses.map { $0.trimmingSpaces() }
        // "New" and the last status (a rejection, conventionally) are the big buckets; the stages in
        // between thin out the further along they are.
        let count = statuses.count
        var running = 0
        statusThresholds = (0..<count).map { index in
            running += index == 0 ? 3 * count : (index == count - 1 ? 2 * count : count - index + 1)
            return running
        }
    }

    /// A weighted draw of a status name.
    func status(draw: UInt64) -> String {
        guard let total = statusThresholds.last, total > 0 else { return statuses.first ?? "New" }
        let pick = Int(draw % UInt64(total))
        var low = 0
        var high = statusThresholds.count - 1
        while low < high {
            let mid = (low + high) / 2
            if statusThresholds[mid] > pick { high = mid } else { low = mid + 1 }
        }
        return statuses[low]
    }

    // MARK: Time line

    /// Seconds between consecutive base applications.
    private var applicationStep: Int64 {
        max(1, Self.applicationSpan / Int64(max(applicationCount, 1)))
    }

    /// When base application `id` was created: increasing with the id, spread over two years.
    func applicationCreatedAt(_ id: Int) -> Int64 {
        let start = anchor - Self.applicationSpan
        let offset = Int64(id - 1) * Self.applicationSpan / Int64(max(applicationCount, 1))
        let jitter = Int64(hash.below(Int(applicationStep), .application, id, 1))
        return min(start + offset + jitter, anchor)
    }

    /// When base application `id` last changed: most never changed, some days or months later.
    func applicationUpdatedAt(_ id: Int) -> Int64 {
        let created = applicationCreatedAt(id)
        let room = anchor - created
        let draw = hash.draw(.application, id, 2)
        let bucket = draw % 100
        let limit: Int64
        switch bucket {
        case 0..<40: return created
        case 40..<75: limit = 3 * CivilTime.secondsPerDay
        case 75..<95: limit = 60 * CivilTime.secondsPerDay
        default: limit = room
        }
        let delta = Int64((draw >> 8) % UInt64(max(min(limit, room), 0) + 1))
        return created + delta
    }

    /// When base job `id` was created.
    func jobCreatedAt(_ id: Int) -> Int64 {
        let start = anchor - Self.applicationSpan - Self.jobLead
        let range = Self.applicationSpan + Self.jobLead - Self.jobTail
        return start + Int64(id - 1) * range / Int64(max(jobCount, 1))
    }

    /// The job of base application `id`: one of the jobs that existed when it was created.
    func applicationJobID(_ id: Int) -> Int {
        let created = applicationCreatedAt(id)
        let start = anchor - Self.applicationSpan - Self.jobLead
        let range = Self.applicationSpan + Self.jobLead - Self.jobTail
        let available = Int((created - start) * Int64(jobCount) / range) + 1
        let count = min(max(available, 1), jobCount)
        // Recent jobs attract more applicants: pick from the newest half twice as often.
        let draw = hash.draw(.application, id, 3)
        if draw & 1 == 0 {
            let newest = max(count / 2, 1)
            return count - Int((draw >> 1) % UInt64(newest))
        }
        return 1 + Int((draw >> 1) % UInt64(count))
    }

    /// The person behind base application `id`; several applications share one.
    func personIndex(ofApplication id: Int) -> Int {
        hash.below(personCount, .application, id, 4)
    }
}

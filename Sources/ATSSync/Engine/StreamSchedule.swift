/// Which of a run's streams may start, given which have finished: a derived stream waits for the
/// stream it is built from when that stream is in the same run; every other stream starts at once.
struct StreamSchedule {
    /// The run's streams, each once, in the order they were asked for.
    let streams: [SyncStreamName]
    /// For each stream, the stream it waits for.
    private let prerequisite: [SyncStreamName: SyncStreamName]
    private var started: Set<SyncStreamName> = []
    private var finished: Set<SyncStreamName> = []

    /// Plans a run.
    /// - Parameters:
    ///   - streams: The streams asked for; a stream named twice runs once.
    ///   - waitsFor: The stream a stream is built from, if any.
    init(_ streams: [SyncStreamName], waitsFor: (SyncStreamName) -> SyncStreamName?) {
        var unique: [SyncStreamName] = []
        for stream in streams where !unique.contains(stream) { unique.append(stream) }
        self.streams = unique
        var prerequisite: [SyncStreamName: SyncStreamName] = [:]
        for stream in unique {
            if let source = waitsFor(stream), source != stream, unique.contains(source) {
                prerequisite[stream] = source
            }
        }
        self.prerequisite = prerequisite
    }

    /// The streams that can start now and have not started yet; they count as started from here on.
    mutating func startable() -> [SyncStreamName] {
        let ready = streams.filter { stream in
            guard !started.contains(stream) else { return false }
            guard let before = prerequisite[stream] else { return true }
            return finished.contains(before)
        }
        started.formUnion(ready)
        return ready
    }

    /// Records that a stream completed, so that the streams waiting for it can start.
    mutating func finish(_ stream: SyncStreamName) {
        finished.insert(stream)
    }
}

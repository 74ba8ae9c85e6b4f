/// Which of a run's streams may start, given which have finished: a derived stream waits for the
/// stream it is built from when that stream is in the same run; every other stream starts at once.
struct StreamSchedule {
    /// The run's streams, each once, in the order they were asked for.
    let streams: [SyncStreamName]
    /// For each stream, the index of the stream it waits for.
    private let prerequisite: [Int: Int]
    private var started: Set<Int> = []
    private var finished: Set<Int> = []

    /// Plans a run.
    /// - Parameters:
    ///   - streams: The streams asked for; a stream named twice runs once.
    ///   - waitsFor: The stream a stream is built from, if any.
    init(_ streams: [SyncStreamName], waitsFor: (SyncStreamName) -> SyncStreamName?) {
        var unique: [SyncStreamName] = []
        for stream in streams where !unique.contains(stream) { unique.append(stream) }
        self.streams = unique
        var prerequisite: [Int: Int] = [:]
        for (index, stream) in unique.enumerated() {
            if let source = waitsFor(stream), let sourceIndex = unique.firstIndex(of: source), sourceIndex != index {
                prerequisite[index] = sourceIndex
            }
        }
        self.prerequisite = prerequisite
    }

    /// The streams that can start now and have not started yet; they count as started from here on.
    mutating func startable() -> [Int] {
        let ready = streams.indices.filter { index in
            guard !started.contains(index) else { return false }
            guard let before = prerequisite[index] else { return true }
            return finished.contains(before)
        }
        started.formUnion(ready)
        return ready
    }

    /// Records that a stream finished, so that the streams waiting for it can start.
    mutating func finish(_ index: Int) {
        finished.insert(index)
    }
}

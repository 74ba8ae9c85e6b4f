/// The client-wide window of requests in flight, as a pure state machine: who may send next, and
/// how many may be on the network at once.
///
/// **Fair turns.** Each caller waits in a *lane* (one per page sequence, one shared by every
/// other call). Lanes with waiting tickets take turns, one grant each per round, in the order they
/// started waiting; within a lane tickets are served in order. A stream that keeps eight pages
/// queued therefore gets no more of the window than one that asks for a page at a time, and no
/// stream starves however deep the others' queues are.
///
/// **Adaptive size (AIMD).** The window starts at ``maximum``. A request answered 429 halves it
/// (never below 1), once per congestion event: the 429s of requests granted before the last
/// halving do not halve it again, since they were sent into the same overload. Every other
/// answer grows it by `1 / size`, about one request per window's worth of answers, up to
/// ``maximum``. Transport failures and other errors leave it alone.
struct RequestWindow {
    /// What became of a granted request.
    enum Outcome: Equatable {
        /// The server answered (any status but 429), body read.
        case answered
        /// The server answered 429.
        case rateLimited
        /// No usable answer (transport failure, cancellation).
        case failed
    }

    /// A request allowed onto the network.
    struct Grant: Equatable {
        /// The ticket that was waiting.
        let ticket: UInt64
        /// How many halvings had happened when it was granted.
        let reductions: Int
    }

    /// The largest window.
    let maximum: Int
    /// The current window; its whole part is how many requests may be in flight.
    private(set) var size: Double
    /// Requests granted and not yet finished.
    private(set) var inFlight = 0
    /// The most requests ever in flight at once.
    private(set) var peakInFlight = 0
    /// How many times the window has been halved.
    private(set) var reductions = 0
    /// Waiting tickets per lane, in order.
    private var lanes: [UInt64: [UInt64]] = [:]
    /// Lanes with waiting tickets, the next to be served first.
    private var turns: [UInt64] = []

    /// Creates a window of `maximum` requests (at least 1).
    init(maximum: Int) {
        self.maximum = max(1, maximum)
        self.size = Double(self.maximum)
    }

    /// How many requests may be in flight now.
    var capacity: Int { max(1, min(maximum, Int(size))) }

    /// How many tickets are waiting, over all lanes.
    var waitingCount: Int { lanes.values.reduce(0) { $0 + $1.count } }

    /// Puts a ticket at the end of its lane; a lane that had nobody waiting joins the end of the turns.
    mutating func enqueue(ticket: UInt64, lane: UInt64) {
        if lanes[lane, default: []].isEmpty { turns.append(lane) }
        lanes[lane, default: []].append(ticket)
    }

    /// Takes a ticket out of its lane (the caller gave up waiting).
    /// - Returns: Whether it was waiting.
    mutating func remove(ticket: UInt64, lane: UInt64) -> Bool {
        guard var queue = lanes[lane], let index = queue.firstIndex(of: ticket) else { return false }
        queue.remove(at: index)
        if queue.isEmpty {
            lanes[lane] = nil
            turns.removeAll { $0 == lane }
        } else {
            lanes[lane] = queue
        }
        return true
    }

    /// Grants waiting tickets while the window has room, one lane after another.
    /// - Returns: The grants, in the order they were made.
    mutating func grant() -> [Grant] {
        var granted: [Grant] = []
        while inFlight < capacity, !turns.isEmpty {
            let lane = turns.removeFirst()
            guard var queue = lanes[lane], !queue.isEmpty else { continue }
            let ticket = queue.removeFirst()
            if queue.isEmpty {
                lanes[lane] = nil
            } else {
                lanes[lane] = queue
                turns.append(lane)
            }
            inFlight += 1
            peakInFlight = max(peakInFlight, inFlight)
            granted.append(Grant(ticket: ticket, reductions: reductions))
        }
        return granted
    }

    /// Ends a granted request and adapts the window to how it went.
    mutating func finish(_ grant: Grant, _ outcome: Outcome) {
        inFlight = max(0, inFlight - 1)
        switch outcome {
        case .answered:
            size = min(Double(maximum), size + 1 / size)
        case .rateLimited:
            guard grant.reductions == reductions else { return }
            size = max(1, size / 2)
            reductions += 1
        case .failed:
            break
        }
    }
}

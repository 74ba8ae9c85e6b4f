import Synchronization

/// A record's whole JSON object as a wire model keeps it (``TrackerApplication/raw`` and friends):
/// either the dictionary itself, or the record's bytes, parsed the first time they are read.
///
/// A sync stores each record's bytes and never reads the dictionary, so a page decoded with the
/// model's ``WireKeys`` does not build it; a caller who wants unknown fields gets the whole
/// dictionary, parsed on first use and then kept.
struct RawJSONObject: Sendable, Hashable {
    private enum Storage: Sendable {
        case parsed([String: TrackerJSON])
        case deferred(Deferred)
    }

    /// The bytes, and the dictionary once it was parsed. A class, so that the parse is done once
    /// whichever copy of the record asks first.
    private final class Deferred: Sendable {
        let bytes: [UInt8]
        let parsed = Mutex<[String: TrackerJSON]?>(nil)

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }
    }

    private let storage: Storage

    /// An object already parsed.
    init(_ members: [String: TrackerJSON]) {
        storage = .parsed(members)
    }

    /// An object held as the JSON text of one object, which the decoder has already read without
    /// error: it is parsed again only when asked for.
    init(deferredBytes bytes: [UInt8]) {
        storage = .deferred(Deferred(bytes: bytes))
    }

    /// The members.
    var members: [String: TrackerJSON] {
        switch storage {
        case .parsed(let members):
            return members
        case .deferred(let deferred):
            return deferred.parsed.withLock { cached in
                if let cached { return cached }
                // The decoder read these bytes as an object already; nothing else can come back.
                let parsed = (try? TrackerJSON.parse(bytes: deferred.bytes))?.objectValue ?? [:]
                cached = parsed
                return parsed
            }
        }
    }

    static func == (lhs: RawJSONObject, rhs: RawJSONObject) -> Bool {
        lhs.members == rhs.members
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(members)
    }
}

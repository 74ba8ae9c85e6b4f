import ATSCore

/// Passes a sequence's elements through and translates its errors into `ATSError`, so callers of
/// an ``ATSStream`` see one error type whatever the provider's library throws.
struct TranslatingSequence<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element: Sendable {
    typealias Element = Base.Element

    let base: Base
    let operation: ATSOperation

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), operation: operation)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let operation: ATSOperation

        mutating func next() async throws -> Element? {
            do {
                return try await base.next()
            } catch {
                throw TrackerATSClient.translate(error, operation: operation)
            }
        }
    }
}

/// Derived candidates changed in a window: the candidates are complete only once every
/// application has been read, so they are built on the first `next()` and then handed out.
struct CandidateChangeSequence: AsyncSequence, Sendable {
    typealias Element = Candidate

    let client: TrackerATSClient
    let query: ATSChangeQuery

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, query: query)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let client: TrackerATSClient
        let query: ATSChangeQuery
        var pending: [Candidate]?
        var index = 0

        mutating func next() async throws -> Candidate? {
            if pending == nil { pending = try await client.changedCandidates(query) }
            guard let pending, index < pending.count else { return nil }
            defer { index += 1 }
            return pending[index]
        }
    }
}

/// An async sequence whose iterator is a closure made afresh for each iteration: lets a stream
/// hold async state (a directory lookup, a buffer of grouped records) without a type per stream.
struct ClosureSequence<Element: Sendable>: AsyncSequence, Sendable {
    typealias Failure = any Error
    typealias Next = () async throws -> Element?

    let makeNext: @Sendable () -> Next

    func makeAsyncIterator() -> Iterator { Iterator(next: makeNext()) }

    struct Iterator: AsyncIteratorProtocol {
        let next: Next

        mutating func next() async throws -> Element? { try await next() }
    }
}

/// A value a closure can change across calls (the iterator state of a ``ClosureSequence``).
final class Box<Value> {
    var value: Value

    init(_ value: Value) { self.value = value }
}

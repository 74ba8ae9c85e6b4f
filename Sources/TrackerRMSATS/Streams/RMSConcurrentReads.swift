/// Reads a batch with bounded concurrency.
enum RMSConcurrentReads {
    /// `read` of every element, at most `limit` at once, the results in the elements' order; the
    /// first failure cancels the rest and is thrown.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], limit: Int, _ read: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        guard elements.count > 1 else { return try await elements.asyncMap(read) }
        return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results: [Result?] = Array(repeating: nil, count: elements.count)
            var next = 0
            func addNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                next += 1
                group.addTask { (index, try await read(element)) }
            }
            for _ in 0..<max(1, limit) { addNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                addNext()
            }
            return results.compactMap { $0 }
        }
    }
}

extension Array where Element: Sendable {
    fileprivate func asyncMap<Result>(_ transform: (Element) async throws -> Result) async throws -> [Result] {
        var results: [Result] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

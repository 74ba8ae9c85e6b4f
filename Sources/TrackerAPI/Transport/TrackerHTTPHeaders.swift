/// HTTP header fields with case-insensitive lookup, in the order they were added.
public struct TrackerHTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The name as written.
        public var name: String
        /// The value.
        public var value: String
    }

    /// The fields, in order.
    public private(set) var fields: [Field] = []

    /// Creates empty headers.
    public init() {}

    /// Creates headers from name-value pairs.
    /// - Parameter elements: The fields.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The first value of a field, or `nil`.
    /// - Parameter name: The field name, compared case-insensitively.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Appends a field.
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The value.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field of that name with one value.
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The value.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    /// Removes every field of that name.
    /// - Parameter name: The field name.
    public mutating func remove(name: String) {
        fields.removeAll { $0.name.caseInsensitiveEquals(name) }
    }

    /// Iterates over the fields.
    /// - Returns: An iterator.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// The fields as `name: value` text with credentials replaced, for logs.
    var redactedDescription: String {
        fields.map { field in
            let secret = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
                .contains(field.name.lowercased())
            return "\(field.name): \(secret ? "<redacted>" : field.value)"
        }
        .joined(separator: ", ")
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}

/// A record's typed columns: values by column name, kept in the order the source gave them.
///
/// A source that makes many rows of one stream shares one ``names`` array between them and gives
/// each row only its ``values``; the stores then find each column's position once per page (an
/// array compared with itself is equal at once) instead of hashing every column name of every row,
/// which a dictionary per row did (docs/PERFORMANCE.md). Reading and writing by name works as on a
/// dictionary, and two sets of fields are equal when they hold the same values by name, whatever
/// their order.
public struct SyncFields: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The column names, in order.
    public private(set) var names: [String]
    /// The values, in the order of ``names``.
    public private(set) var values: [SyncValue]

    /// Fields from parallel arrays; extra names or values beyond the shorter array are dropped.
    /// - Parameters:
    ///   - names: The column names (share one array between the rows of a stream).
    ///   - values: Their values, in the same order.
    public init(names: [String], values: [SyncValue]) {
        let count = min(names.count, values.count)
        self.names = count == names.count ? names : Array(names.prefix(count))
        self.values = count == values.count ? values : Array(values.prefix(count))
    }

    /// Fields from name-value pairs; a repeated name keeps its last value.
    /// - Parameter elements: The pairs.
    public init(dictionaryLiteral elements: (String, SyncValue)...) {
        names = []
        values = []
        for (name, value) in elements { self[name] = value }
    }

    /// No fields.
    public init() {
        names = []
        values = []
    }

    /// How many columns have a value (NULL included).
    public var count: Int { names.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { names.isEmpty }

    /// The position of a column in ``names``, if present.
    public func position(of name: String) -> Int? {
        names.firstIndex(of: name)
    }

    /// A column's value by name; setting nil removes the column.
    public subscript(name: String) -> SyncValue? {
        get { position(of: name).map { values[$0] } }
        set {
            switch (position(of: name), newValue) {
            case (let index?, let value?): values[index] = value
            case (let index?, nil):
                names.remove(at: index)
                values.remove(at: index)
            case (nil, let value?):
                names.append(name)
                values.append(value)
            case (nil, nil): break
            }
        }
    }

    /// Equal when both hold the same value for each name, in any order.
    public static func == (lhs: SyncFields, rhs: SyncFields) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.names == rhs.names { return lhs.values == rhs.values }
        return zip(lhs.names, lhs.values).allSatisfy { name, value in rhs[name] == value }
    }

    /// Hashes the pairs independently of their order, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var combined = 0
        for (name, value) in zip(names, values) {
            var pair = Hasher()
            pair.combine(name)
            pair.combine(value)
            combined ^= pair.finalize()
        }
        hasher.combine(combined)
    }
}

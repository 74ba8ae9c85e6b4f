import PostgresNIO

/// A one-dimensional PostgreSQL array whose elements may be NULL, in the binary format.
///
/// PostgresNIO encodes `[Element]` but not `[Element?]`; a page upsert sends each column of a
/// page as one array (`unnest($2::text[], $3::timestamptz[], …)`) and most columns have NULLs.
/// The layout is PostgreSQL's `array_send`: dimensions, a has-NULLs flag, the element type, the
/// length and lower bound, then each element as a length (-1 for NULL) and its bytes.
struct PostgresNullableArray<Element: PostgresArrayEncodable>: PostgresEncodable {
    var elements: [Element?]

    static var psqlType: PostgresDataType { Element.psqlArrayType }

    static var psqlFormat: PostgresFormat { .binary }

    init(_ elements: [Element?]) {
        self.elements = elements
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer,
        context: PostgresEncodingContext<JSONEncoder>
    ) throws {
        buffer.writeInteger(elements.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(elements.contains { $0 == nil } ? 1 : 0, as: Int32.self)
        buffer.writeInteger(Element.psqlType.rawValue)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(elements.count))
        buffer.writeInteger(1, as: Int32.self)
        for element in elements {
            guard let element else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            let lengthIndex = buffer.writerIndex
            buffer.writeInteger(0, as: Int32.self)
            let start = buffer.writerIndex
            try element.encode(into: &buffer, context: context)
            buffer.setInteger(Int32(buffer.writerIndex - start), at: lengthIndex)
        }
    }
}

import ArgumentParser
import Foundation

/// Where `bulk-reject` reads application ids: its arguments, a file, or standard input.
enum BulkRejectInput {
    /// A source of text lines (standard input in the command, an array in tests).
    struct Lines {
        let next: () -> String?

        /// Standard input, line by line.
        static var standardInput: Lines { Lines { readLine(strippingNewline: true) } }

        /// Fixed lines.
        static func of(_ lines: [String]) -> Lines {
            var iterator = lines.makeIterator()
            return Lines { iterator.next() }
        }
    }

    /// The ids from the arguments, then from `file` (`-` is standard input); from standard input
    /// when neither is given. Ids are separated by spaces, commas or line breaks; blank lines and
    /// lines starting with `#` are skipped; a header line `id` or `application_id` is skipped.
    /// - Parameter wholeNumbers: Whether ids are whole numbers (Tracker's); other providers' ids are
    ///   any text without spaces or commas.
    /// - Throws: ``CommandFailure`` for an unreadable file, a token that is not an id, or no ids.
    static func ids(
        arguments: [String], file: String?, standardInput: Lines, standardInputIsTerminal: Bool,
        wholeNumbers: Bool = true
    ) throws -> [String] {
        var ids: [String] = []
        func collect(_ lines: [String], source: String, into ids: inout [String]) throws {
            try Self.collect(lines, source: source, wholeNumbers: wholeNumbers, into: &ids)
        }
        try collect(arguments, source: "the arguments", into: &ids)
        if let file, file != "-" {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw CommandFailure.usage("Cannot read --file \(file): \(error.localizedDescription)")
            }
            try collect(
                text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), source: file, into: &ids
            )
        } else if file == "-" || (arguments.isEmpty && !standardInputIsTerminal) {
            var lines: [String] = []
            while let line = standardInput.next() { lines.append(line) }
            try collect(lines, source: "standard input", into: &ids)
        }
        guard !ids.isEmpty else {
            throw CommandFailure.usage(
                "No application ids given. Pass them as arguments, with --file PATH (one per line), or on standard "
                    + "input (for example: ats applications list --json | jq -r .id | ats applications bulk-reject).")
        }
        return ids
    }

    private static func collect(_ lines: [String], source: String, wholeNumbers: Bool, into ids: inout [String])
        throws
    {
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            for token in trimmed.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
                let id = token.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if ids.isEmpty, ["id", "application_id", "app_id"].contains(id.lowercased()) { continue }
                guard !id.isEmpty, !wholeNumbers || id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    let place = source == "the arguments" ? source : "\(source), line \(index + 1)"
                    throw CommandFailure.usage(
                        "'\(id)' in \(place) is not an application id (Tracker's ids are whole numbers).")
                }
                ids.append(id)
            }
        }
    }
}

import Foundation

/// The one warning a command gives for each optional endpoint the server turned out not to have,
/// when the command did its job without it (an endpoint Tracker does not document may be missing on a real account).
enum MissingEndpointWarnings {
    /// The warning lines for `endpoints` (labels such as `GET /triggers`). Only reads are warned
    /// about: a command does without a missing read, while a missing write either fails the command
    /// or is reported in its result, with the endpoint named.
    static func lines(_ endpoints: [String]) -> [String] {
        endpoints.filter { $0.hasPrefix("GET ") }.map { endpoint in
            "Warning: this Tracker server does not offer \(endpoint) (HTTP 404); \(consequence(of: endpoint))."
        }
    }

    /// Writes the warnings to standard error.
    static func print(_ endpoints: [String]) {
        for line in lines(endpoints) {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    private static func consequence(of endpoint: String) -> String {
        if endpoint.hasSuffix("/custom_fields_schema") {
            return "custom fields are shown untyped, as the server sent them"
        }
        if endpoint == "GET /triggers" {
            return "the workflow was read without the account's trigger list"
        }
        return "the command did its job without it"
    }
}

extension String {
    /// The text without the full stops it ends with, so that a sentence built around it ends in one.
    var withoutFinalFullStops: Substring {
        var text = self[...]
        while text.hasSuffix(".") && !text.hasSuffix("...") { text = text.dropLast() }
        return text
    }
}

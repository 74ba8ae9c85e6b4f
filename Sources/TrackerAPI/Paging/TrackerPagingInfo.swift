import Foundation

/// The paging facts Tracker sends in response headers (index bodies are bare arrays).
public struct TrackerPagingInfo: Sendable, Hashable {
    /// `Total-Count`: records in the whole list.
    public var totalCount: Int?
    /// `Pages`: the number of pages at this page size.
    public var pages: Int?
    /// `Results-Per-Page`: the page size the server applied (it may cap what was asked).
    public var resultsPerPage: Int?
    /// `Current-Page`: the page this response holds.
    public var currentPage: Int?
    /// `First-Link`: the URL of the first page.
    public var firstLink: String?
    /// `Last-Link`: the URL of the last page.
    public var lastLink: String?

    /// Creates paging facts.
    /// - Parameters:
    ///   - totalCount: `Total-Count`.
    ///   - pages: `Pages`.
    ///   - resultsPerPage: `Results-Per-Page`.
    ///   - currentPage: `Current-Page`.
    ///   - firstLink: `First-Link`.
    ///   - lastLink: `Last-Link`.
    public init(
        totalCount: Int? = nil,
        pages: Int? = nil,
        resultsPerPage: Int? = nil,
        currentPage: Int? = nil,
        firstLink: String? = nil,
        lastLink: String? = nil
    ) {
        self.totalCount = totalCount
        self.pages = pages
        self.resultsPerPage = resultsPerPage
        self.currentPage = currentPage
        self.firstLink = firstLink
        self.lastLink = lastLink
    }

    /// Reads the six headers; missing or non-numeric values stay `nil`.
    /// - Parameter headers: The response headers.
    public init(headers: TrackerHTTPHeaders) {
        func number(_ name: String) -> Int? {
            headers[name].flatMap { Int($0.trimmingCharacters(in: [" ", "\t"])) }.flatMap { $0 >= 0 ? $0 : nil }
        }
        func link(_ name: String) -> String? {
            headers[name].map { value in
                // Tolerate the RFC 8288 form `<url>; rel="first"` as well as a bare URL.
                let trimmed = value.trimmingCharacters(in: [" ", "\t"])
                guard trimmed.hasPrefix("<"), let end = trimmed.firstIndex(of: ">") else { return trimmed }
                return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
            }
        }
        self.init(
            totalCount: number("Total-Count"),
            pages: number("Pages"),
            resultsPerPage: number("Results-Per-Page"),
            currentPage: number("Current-Page"),
            firstLink: link("First-Link"),
            lastLink: link("Last-Link")
        )
    }

    /// Whether the server sent none of the numeric headers.
    public var isEmpty: Bool {
        totalCount == nil && pages == nil && resultsPerPage == nil && currentPage == nil
    }
}

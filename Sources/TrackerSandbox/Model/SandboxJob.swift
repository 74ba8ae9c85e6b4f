public import Foundation

/// A job as the sandbox holds it: the ground truth behind `/jobs`.
public struct SandboxJob: Sendable, Hashable, Identifiable {
    /// The job's id.
    public var id: Int
    /// The job title.
    public var title: String
    /// The job description (HTML).
    public var description: String
    /// A one-line summary.
    public var abstract: String
    /// City of the position.
    public var city: String
    /// State or region of the position.
    public var state: String
    /// Country code of the position.
    public var country: String
    /// Whether the position is remote.
    public var remote: Bool
    /// The public application link.
    public var joblink: String
    /// Job-board distribution, e.g. `none`.
    public var distributionStatus: String
    /// Whether the job is online (active).
    public var active: Bool
    /// Whether the job is hidden from the career page.
    public var hidden: Bool
    /// Whether the job is archived.
    public var archived: Bool
    /// The reference code quick-apply partners send as `reference_number`.
    public var jobCode: String
    /// The company name shown on the job.
    public var company: String
    /// The job's page.
    public var url: String
    /// The job category.
    public var category: String
    /// When the job was posted.
    public var postedAt: Date
    /// When the job was created.
    public var createdAt: Date
    /// When the job last changed.
    public var updatedAt: Date
    /// Custom field values by field name.
    public var customFields: [String: SandboxJSON]

    /// The UI status: `Online`, `Offline` or `Archived`.
    public var status: String {
        archived ? "Archived" : (active ? "Online" : "Offline")
    }

    /// The four job sets the API lists separately.
    public enum Visibility: String, Sendable, CaseIterable {
        /// Online and shown on the career page.
        case activeVisible = "active_visible"
        /// Online but hidden.
        case activeHidden = "hidden"
        /// Offline (inactive), not archived.
        case offline
        /// Archived.
        case archived
    }

    /// Which of the four sets the job is in.
    public var visibility: Visibility {
        if archived { return .archived }
        if !active { return .offline }
        return hidden ? .activeHidden : .activeVisible
    }
}

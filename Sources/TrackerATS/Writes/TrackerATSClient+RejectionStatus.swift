public import ATSCore

extension TrackerATSClient {
    /// The status a rejection moves an application to, in the account's spelling.
    ///
    /// 1. ``WriteSettings/rejectionStatus`` when it is set: matched against the known statuses
    ///    ignoring case; a name the account's applications do not use but that is close to one that
    ///    they do ("Rejectd") is refused with "did you mean", one that is close to none is used as
    ///    given (a status no application is in yet), and Tracker refuses it if the account lacks it.
    /// 2. Otherwise the one known status that reads like a rejection (Rejected, Not Selected,
    ///    Declined, Disqualified, Not a Fit…), looking at the statuses configured and seen first and
    ///    learning the account's when none does.
    ///
    /// Nothing is sent before the status is settled.
    /// - Parameter operation: The operation asking, for errors.
    /// - Returns: The status name.
    /// - Throws: `ATSError` with `ATSError.Code.invalidInput` when no status or several read like
    ///   a rejection, saying how to set it; errors reading the account's applications.
    public func resolvedRejectionStatus(for operation: ATSOperation = .rejectApplication) async throws -> String {
        if let configured = configuration.writes.rejectionStatus?.trimmingSpaces, !configured.isEmpty {
            return try await configuredRejectionStatus(configured, operation: operation)
        }
        var candidates = StatusNames.rejectionLike(await metadata.applicationStatuses())
        if candidates.isEmpty { candidates = StatusNames.rejectionLike(try await learnStatuses(operation)) }
        if candidates.count == 1, let only = candidates.first { return only }
        let known = await metadata.applicationStatuses()
        let how =
            "Set the rejection status: TrackerATSClient.Configuration.writes.rejectionStatus (command line: "
            + "--rejection-status NAME, the TRACKER_REJECTION_STATUS environment variable, or rejection_status in "
            + "a profile)."
        if candidates.isEmpty {
            let seen = known.isEmpty ? "none" : known.map { "'\($0)'" }.joined(separator: ", ")
            throw inputError(
                operation,
                "No rejection status is configured, and none of the account's statuses reads like one (seen: "
                    + "\(seen)); nothing was sent.",
                suggestion: how)
        }
        throw inputError(
            operation,
            "No rejection status is configured, and several of the account's statuses read like one ("
                + candidates.map { "'\($0)'" }.joined(separator: ", ") + "); nothing was sent.",
            suggestion: how)
    }

    private func configuredRejectionStatus(_ configured: String, operation: ATSOperation) async throws -> String {
        if let known = StatusNames.match(configured, in: await metadata.applicationStatuses()) { return known }
        let learned = try await learnStatuses(operation)
        if let known = StatusNames.match(configured, in: learned) { return known }
        if let hint = StatusNames.didYouMean(StatusNames.suggestions(for: configured, in: learned, containment: false))
        {
            throw inputError(
                operation,
                "The rejection status '\(configured)' is not one the account's applications are in. \(hint) "
                    + "Nothing was sent.",
                suggestion: "Correct the rejection status (--rejection-status, TRACKER_REJECTION_STATUS or "
                    + "rejection_status in a profile), or add it to the known stages if the account really has it.")
        }
        return configured
    }
}

import ATSCore
import TrackerAPI
import TrackerATS

/// Moves an application from Screening to Interview, unless someone has moved it meanwhile.
func moveToInterview(_ application: ApplicationID, in account: TrackerAPI.Configuration) async throws
    -> StageMoveResult
{
    try await TrackerATSClient.withTrackerATSClient(api: account) { client in
        // Throws ATSError with code .conflict, and sends nothing, when it is no longer in Screening.
        // The result's state is .verified: the move was applied and read back.
        try await client.moveToStage(
            StageMoveRequest(application: application, to: "Interview", onlyFromStage: "Screening"))
    }
}

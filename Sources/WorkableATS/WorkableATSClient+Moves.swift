public import ATSCore
import Foundation
import Logging
import WorkableAPI

extension WorkableATSClient {
    /// Moves an application to a stage of its job's pipeline, recorded against the write member.
    ///
    /// The stage may be given as a slug or a display name (case-insensitive); one outside the
    /// job's pipeline is refused before anything is sent, with the pipeline's stages listed. A move
    /// whose answer was lost is settled by reading the record: sent again only if it did not take.
    /// - Parameter request: The application, the stage, the precondition and the wait.
    /// - Returns: What the move did (`unchanged` when it was already there).
    /// - Throws: `ATSError`: `invalidInput` (unknown stage), `conflict` (precondition), `outcomeUnknown`.
    public func moveToStage(_ request: StageMoveRequest) async throws -> StageMoveResult {
        let operation = ATSOperation.moveToStage
        let record = try await fullRecord(request.application, operation: operation)
        guard let job = record.jobShortcode else {
            throw ATSError(
                code: .providerError, operation: operation.rawValue, provider: .workable,
                message: "Workable's record \(request.application) names no job, so its pipeline is unknown.")
        }
        // A server without job pipelines ([model] endpoint) still has the account's stages to check against.
        let pipeline: [WorkableStage]
        do {
            pipeline = try await directory.pipeline(of: job, operation: operation)
        } catch let error as ATSError where error.code == .notFound {
            self.record(.jobPipelineMissing, operation: operation, detail: "GET /jobs/{shortcode}/stages answered 404")
            pipeline = try await directory.stages(operation: operation)
        }
        guard let target = Self.stage(named: request.stage.rawValue, in: pipeline) else {
            throw ATSError(
                code: .invalidInput, operation: operation.rawValue, provider: .workable,
                message: "Job \(job.rawValue) has no stage '\(request.stage)'. Its pipeline: "
                    + pipeline.map { "\($0.name) (\($0.slug.rawValue))" }.joined(separator: ", ")
                    + ". Nothing was sent.",
                suggestion: "Give a slug or a name from that list (`ats stages list` shows every job's pipeline).")
        }
        let current = await resolvedStage(record.stage, job: job, operation: operation)
        if let expected = request.onlyFromStage, !Self.same(current, expected) {
            throw ATSError(
                code: .conflict, operation: operation.rawValue, provider: .workable,
                message: "Application \(request.application) is in '\(current?.name ?? "no stage")', not "
                    + "'\(expected)', so it was not moved. Nothing was sent.")
        }
        let targetStage = WorkableMapping.stage(target)
        if current?.id.rawValue == target.slug.rawValue {
            return StageMoveResult(
                application: request.application, previousStage: current, stage: targetStage, state: .unchanged)
        }
        let member = try await directory.member(operation: operation.rawValue)
        try await sendConfirmed(operation, subject: "application \(request.application)") {
            try await self.api.candidates.move(
                WorkableCandidateID(request.application.rawValue), to: target.slug, by: member.id, logger: self.logger)
        } isDone: {
            let read = try await self.fullRecord(request.application, operation: operation)
            return Self.same(await self.resolvedStage(read.stage, job: job, operation: operation), targetStage.id)
        }
        let state = try await confirm(request.wait, operation: operation, subject: "application \(request.application)")
        {
            let read = try await self.fullRecord(request.application, operation: operation)
            return Self.same(await self.resolvedStage(read.stage, job: job, operation: operation), targetStage.id)
        }
        return StageMoveResult(
            application: request.application, previousStage: current, stage: targetStage, state: state,
            reference: member.summary)
    }

    /// A stage of a pipeline by slug, or by name ignoring case.
    static func stage(named text: String, in stages: [WorkableStage]) -> WorkableStage? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return stages.first { $0.slug.rawValue == trimmed }
            ?? stages.first { $0.name.compare(trimmed, options: [.caseInsensitive]) == .orderedSame }
    }

    /// Whether a stage is the one a caller named (by slug or by name).
    static func same(_ stage: Stage?, _ named: StageID) -> Bool {
        guard let stage else { return false }
        return stage.id == named || stage.name.compare(named.rawValue, options: [.caseInsensitive]) == .orderedSame
    }

    /// Sends a write; when its answer is lost (`outcomeUnknown`), reads whether it took effect and
    /// sends it once more only if it did not (the contract's rule: none of these writes takes an
    /// idempotency key, and each is a no-op once applied).
    func sendConfirmed(
        _ operation: ATSOperation, subject: String, send: @Sendable () async throws -> Void,
        isDone: @Sendable () async throws -> Bool
    ) async throws {
        do {
            try await send()
        } catch let error as WorkableAPIError where error.code == .outcomeUnknown {
            logger.info(
                "Workable write answer lost; reading back before sending again",
                metadata: ["ats.operation": "\(operation)"])
            if try await isDone() { return }
            do {
                try await send()
            } catch {
                throw WorkableErrors.translate(error, operation: operation.rawValue, subject: subject)
            }
        } catch {
            throw WorkableErrors.translate(error, operation: operation.rawValue, subject: subject)
        }
    }

    /// How far a write got, reading back when the wait policy asks for it: Workable applies these
    /// writes at once ([model]), but a 202 answer (or a slower server) is confirmed by polling.
    func confirm(
        _ wait: ATSWaitPolicy, operation: ATSOperation, subject: String, isDone: @Sendable () async throws -> Bool
    ) async throws -> ATSWriteState {
        guard wait.level == .verified else { return .executed }
        let clock = ContinuousClock()
        let deadline = clock.now + wait.timeout
        var pause = Duration.milliseconds(500)
        while true {
            if try await isDone() { return .verified }
            guard clock.now + pause < deadline else {
                throw ATSError(
                    code: .timedOut, operation: operation.rawValue, provider: .workable,
                    message: "Workable accepted the change to \(subject), but it did not show within \(wait.timeout).",
                    suggestion:
                        "Read the record again later; sending the change again is safe (it is a no-op once applied).")
            }
            try await clock.sleep(for: pause)
            pause = min(pause * 2, .seconds(5))
        }
    }
}

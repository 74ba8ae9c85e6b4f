extension TrackerAPI {
    /// A streamed request whose answer is unknown (a lost connection, a timeout, a 5xx) but whose
    /// body was never read to its end: the server cannot have received the whole request, so it
    /// cannot have acted on it. Such a failure is ``TrackerAPIError/Code-swift.struct/requestInterrupted``
    /// rather than ``TrackerAPIError/Code-swift.struct/outcomeUnknown``, so that the caller knows
    /// nothing was stored. Every other failure is returned unchanged.
    func interruptedRequest(_ error: TrackerAPIError, bodyReads: BodyReadMark, _ endpoint: TrackerEndpoint)
        -> TrackerAPIError
    {
        guard error.code == .outcomeUnknown, let body = endpoint.body, body.isStreamed, bodyReads.wasRead else {
            return error
        }
        let send = bodyReads.latestSend
        guard !send.ended, body.length.map({ send.bytes < $0 }) ?? true else { return error }
        var interrupted = error
        interrupted.code = .requestInterrupted
        let total = body.length.map { " of \($0)" } ?? ""
        let cause = error.underlying ?? error.status.map { "the server answered HTTP \($0)" } ?? "the request failed"
        interrupted.underlying = "\(cause); at most \(send.bytes)\(total) bytes of the body were sent"
        return interrupted
    }
}

/// What rendering a record needs beyond the record: a snapshot taken under the store's lock so
/// pages can be encoded outside it.
struct RenderContext: Sendable {
    let timestampMode: SandboxTimestampMode
    let zone: ZoneOffsetTable
    let companyID: Int
    let applicationSchema: CustomFieldSchemaState
    let jobSchema: CustomFieldSchemaState

    /// Writes a record timestamp in the configured mode (naive local wall time, or UTC with `Z`).
    @inline(__always)
    func writeTimestamp(_ epoch: Int64, to writer: inout JSONWriter) {
        switch timestampMode {
        case .utc: writer.timestamp(epoch, utc: true)
        case .naiveLocal: writer.timestamp(epoch + zone.offset(at: epoch), utc: false)
        }
    }
}

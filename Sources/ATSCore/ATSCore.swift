/// The provider-neutral vocabulary of ATSKit.
///
/// `ATSCore` names what every applicant tracking system has in common: jobs, applications,
/// candidates, stages, notes, attachments and custom fields, and the `ATSClient` protocol that
/// a provider implements. It imports no networking, storage or server package.
public enum ATSCoreModule {
    /// The version of the ATSKit package this module belongs to.
    public static let version = "0.1.0"
}

/// The version of ATSKit's `ats` command, printed by `ats --version`. The one place it is written:
/// change it here when a release is made.
public enum ATSVersion {
    /// The release, as semantic versioning.
    public static let current = "0.14.0"
}

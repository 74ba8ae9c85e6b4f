/// The wire-level Tracker library.
public enum TrackerAPIModule {
    /// The user agent the library sends with every request.
    public static let userAgent = "ATSKit-TrackerAPI/0.1"
}

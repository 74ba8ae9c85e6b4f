internal import ATSCore
internal import TrackerAPI

/// The Tracker implementation of `ATSClient`.
public enum TrackerATSModule {}

internal import Hummingbird

/// A local server that behaves like Tracker.
public enum TrackerSandboxModule {}

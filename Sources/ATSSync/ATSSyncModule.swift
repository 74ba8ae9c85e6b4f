internal import ATSCore

/// The provider-neutral sync engine.
public enum ATSSyncModule {}

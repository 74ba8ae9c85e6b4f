internal import ATSSync
internal import GRDB

/// The SQLite store of the sync engine.
public enum ATSSyncSQLiteModule {}

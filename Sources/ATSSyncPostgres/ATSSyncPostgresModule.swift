internal import ATSSync
internal import PostgresNIO

/// The PostgreSQL store of the sync engine.
public enum ATSSyncPostgresModule {}

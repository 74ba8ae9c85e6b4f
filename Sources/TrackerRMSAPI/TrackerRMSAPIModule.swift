// TrackerRMSAPI: the wire-level library for Tracker RMS's widget API (see
// ../../docs and the contract tracker-rms-api.md). It speaks Tracker RMS's own shapes and depends on
// no other ATSKit module.

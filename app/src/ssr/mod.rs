//! Server-only code: the database entities, and the services that load, apply domain rules and
//! persist in one transaction. Services take the connection explicitly: no global pool.

/// Bodies: queries.
pub mod bodies;
/// Reading the calendar with filters by body and date range.
pub mod calendar;
/// Conflicts across all bodies: scans, checks, free slots and accepted warnings.
pub mod conflicts;
/// Rows to domain types and back.
pub mod convert;
/// Whole-dataset import and export, and the demo dataset.
pub mod dataset;
/// sea-orm entities; their `Model`s never cross the wire.
pub mod entities;
/// Feeds over the stored calendar, and private feed tokens.
pub mod feeds;
/// Creating and changing meetings.
pub mod meetings;
/// The data version that rises with every write.
pub mod version;

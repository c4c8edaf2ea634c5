//! The words a person reads for a coded value.

/// The words a person reads for a coded value: `under_review` reads "under review". Every
/// page, message and feed takes them from here, one place, so that the six languages can later
/// translate them.
pub trait Label {
    /// The value's code, as JSON, the database and the API write it.
    fn code(&self) -> &'static str;

    /// The words a person reads: the code, with a space for each underscore.
    fn label(&self) -> String {
        self.code().replace('_', " ")
    }
}

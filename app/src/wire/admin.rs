//! The administration page: accounts, bodies, venues with their rooms and holidays, and the
//! conflict rules, as the secretariat edits them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserLine {
    pub email: String,
    pub name: String,
    /// The role as a person names it, "Bureau member".
    pub role: String,
    /// The code of the body, State or organisation the account acts for, as it is typed.
    pub scope: String,
    /// The same by its name, with the code: "Austria (AT)".
    pub scope_named: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyLine {
    pub code: String,
    pub name: String,
    pub short_name: String,
    /// The code of the body it reports to; empty for the Conference.
    pub parent: String,
    pub open_to_all_states: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomLine {
    pub id: String,
    pub name: String,
    pub capacity: u32,
    pub booths: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueLine {
    pub id: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub zone: String,
    pub interpretation_teams: u32,
    pub rooms: Vec<RoomLine>,
    /// (start, end, reason) of each closure.
    pub closures: Vec<(String, String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPage {
    pub users: Vec<UserLine>,
    pub bodies: Vec<BodyLine>,
    pub venues: Vec<VenueLine>,
    /// The conflict rules as JSON, for editing.
    pub rules: String,
}

use serde::{Deserialize, Serialize};

/// The key of a record in Quorum's data (a venue, session, meeting, panel …): lower-case
/// letters, digits and dashes, such as `irg-13-resumed-2`. Keys are chosen by people and kept
/// stable, so that exports, imports and links stay readable and diffable.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

impl Id {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let valid = raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if raw.is_empty() {
            return Err(
                "give a key: lower-case letters, digits and dashes, such as irg-17-plenary-1"
                    .into(),
            );
        }
        if raw.len() > 64 || !valid {
            return Err(format!(
                "“{raw}” cannot be a key: use only lower-case letters, digits and dashes (at most 64), such as irg-17-plenary-1"
            ));
        }
        Ok(Id(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::string_newtype!(Id);

/// Gives a validated string newtype its conversions: parsed from JSON through its `parse`,
/// written back as the plain string, displayed as itself.
#[macro_export]
macro_rules! string_newtype {
    ($name:ident) => {
        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

/// Declares a closed list of values with its wire names, parsing and display, so that the
/// database, JSON and the UI all speak the same words.
#[macro_export]
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in JSON and in the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Parses a wire name, listing the accepted ones on failure.
            pub fn parse(raw: &str) -> Result<Self, String> {
                match raw {
                    $($wire => Ok($name::$variant),)+
                    other => Err(format!(
                        "{other:?} is not one of: {}",
                        [$($wire),+].join(", ")
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

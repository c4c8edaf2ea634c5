use serde::{Deserialize, Serialize};

use super::{BodyCode, Id};
use crate::wire_enum;

wire_enum!(
    /// What an account may do.
    Role {
        /// Everything, including users, bodies, venues, rules and imports.
        Secretariat = "secretariat",
        /// Plans its body's sessions and meetings (joint ones included) and accepts conflicts.
        Bureau = "bureau",
        /// Nominates panellists for its own State party and reads its private feed.
        FocalPoint = "focal_point",
    }
);

impl crate::domain::label::Label for Role {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

impl Role {
    /// The role as a person names it: "Bureau member".
    pub fn display_name(&self) -> &'static str {
        match self {
            Role::Secretariat => "Secretariat",
            Role::Bureau => "Bureau member",
            Role::FocalPoint => "Focal point",
        }
    }
}

/// Whether `email` (already trimmed and in lower case) is an address Quorum writes to: a
/// conservative subset of RFC 5321, since addresses go into message headers and lists — one
/// `@`, a local part of letters, digits and `.!#$%&'*+/=?^_`{|}~-` (no quoted forms), and a
/// domain of at least two dot-separated labels of letters, digits and dashes. Nothing else
/// (spaces, line breaks, commas, angle brackets) can pass. Written here rather than taken from
/// a crate: the subset is the rule, and it is a few lines.
pub fn check_email(email: &str) -> Result<(), String> {
    let refused = || {
        Err(format!(
            "“{}” is not an e-mail address Quorum can write to (such as name@example.org)",
            email.escape_debug()
        ))
    };
    let Some((local, domain)) = email.split_once('@') else {
        return refused();
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if email.len() <= 254 && local_ok && domain_ok {
        Ok(())
    } else {
        refused()
    }
}

#[cfg(test)]
mod email_tests {
    use super::check_email;

    #[test]
    fn only_a_plain_address_passes() {
        for good in [
            "someone@quorum.example",
            "a.b+c@sub.example.org",
            "o'neil@un.org",
        ] {
            assert!(check_email(good).is_ok(), "{good}");
        }
        for bad in [
            "sectest.crlf@example.org\r\nbcc: x@evil.example",
            "sectest a@example.org",
            "sectest.b@example.org, x@evil.example",
            "<sectest.c>@example.org",
            "sectest.d@example.org>",
            "@example.org",
            "sectest.f@",
            "sectest.g@localhost",
            "\"><img src=x>@example.org",
            "a..b@example.org",
            "a@b@example.org",
            "a@-example.org",
        ] {
            assert!(check_email(bad).is_err(), "{bad:?}");
        }
    }
}

/// A signed-in user, as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The body whose Bureau a Bureau member sits on.
    pub body: Option<BodyCode>,
    /// The State party a focal point speaks for.
    pub state: Option<String>,
    /// Or the organisation a focal point speaks for.
    #[serde(default)]
    pub organisation: Option<Id>,
    /// The person this account is, for their private feed.
    pub person: Option<Id>,
}

impl Account {
    pub fn is_secretariat(&self) -> bool {
        self.role == Role::Secretariat
    }

    /// Whether the account may plan a meeting held by these bodies: the secretariat always, a
    /// Bureau member when its body is one of them.
    pub fn may_plan(&self, bodies: &[BodyCode]) -> bool {
        match self.role {
            Role::Secretariat => true,
            Role::Bureau => self.body.as_ref().is_some_and(|b| bodies.contains(b)),
            Role::FocalPoint => false,
        }
    }

    /// Whom a focal point nominates for: its State party or its organisation.
    pub fn nominator(&self) -> Option<super::Affiliation> {
        if self.role != Role::FocalPoint {
            return None;
        }
        match (&self.state, &self.organisation) {
            (Some(state), _) => Some(super::Affiliation::State(state.clone())),
            (None, Some(org)) => Some(super::Affiliation::Organisation(org.clone())),
            (None, None) => None,
        }
    }

    /// Whether the account may issue the private feed address of a person or a State.
    pub fn may_manage_feed(&self, person: Option<&Id>, state: Option<&str>) -> bool {
        self.is_secretariat()
            || person.is_some_and(|p| self.person.as_ref() == Some(p))
            || (self.role == Role::FocalPoint && state.is_some() && self.state.as_deref() == state)
    }
}

/// An account of `role` for the rules' unit tests, on a body's Bureau or for a State.
#[cfg(test)]
pub(crate) fn account(role: Role, body: Option<&str>, state: Option<&str>) -> Account {
    Account {
        id: 1,
        email: "a@b.c".into(),
        name: "A".into(),
        role,
        body: body.map(|b| BodyCode::parse(b).unwrap()),
        state: state.map(str::to_owned),
        organisation: None,
        person: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bureau_members_plan_their_own_bodies_meetings_joint_ones_included() {
        let irg = BodyCode::parse("IRG").unwrap();
        let ar = BodyCode::parse("WG-AR").unwrap();
        let bureau = account(Role::Bureau, Some("IRG"), None);
        assert!(bureau.may_plan(std::slice::from_ref(&irg)));
        assert!(bureau.may_plan(&[irg.clone(), ar.clone()]));
        assert!(!bureau.may_plan(std::slice::from_ref(&ar)));
        assert!(account(Role::Secretariat, None, None).may_plan(&[ar]));
        assert!(!account(Role::FocalPoint, None, Some("AT")).may_plan(&[irg]));
    }

    #[test]
    fn focal_points_manage_only_their_own_states_feed() {
        let focal = account(Role::FocalPoint, None, Some("AT"));
        assert!(focal.may_manage_feed(None, Some("AT")));
        assert!(!focal.may_manage_feed(None, Some("FR")));
        assert!(account(Role::Secretariat, None, None).may_manage_feed(None, Some("FR")));
        assert!(!account(Role::Bureau, Some("IRG"), None).may_manage_feed(None, Some("AT")));
    }
}

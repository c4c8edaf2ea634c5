//! What every form of Quorum answers: done with a message, or the problems by field, so the
//! page shows each beside its field and keeps what was typed.

use crate::wire::planning::*;

use crate::error::QuorumError;

/// Field errors from a Quorum error: a validation error names its field; anything else is
/// shown at the top of the form.
pub fn field_errors(err: &QuorumError) -> Vec<FieldError> {
    match err {
        QuorumError::Invalid { field, message, .. } => {
            vec![FieldError::new(field, message.clone())]
        }
        QuorumError::InvalidMany(all) => all.iter().flat_map(field_errors).collect(),
        other => vec![FieldError::new("form", other.to_string())],
    }
}

/// A service's answer to a form: done with its message, or — for broken rules and taken keys —
/// errors by field; anything else stays an error.
pub fn form_outcome(
    result: Result<String, QuorumError>,
) -> Result<crate::wire::nominations::FormOutcome, QuorumError> {
    use crate::wire::nominations::FormOutcome;
    match result {
        Ok(message) => Ok(FormOutcome {
            errors: vec![],
            done: Some(message),
        }),
        Err(
            e @ (QuorumError::Invalid { .. }
            | QuorumError::InvalidMany(_)
            | QuorumError::Conflict(_)),
        ) => Ok(FormOutcome {
            errors: field_errors(&e),
            done: None,
        }),
        Err(e) => Err(e),
    }
}

/// A key for a new record whose planner left the key blank, made from its title:
/// "Informal consultations on asset recovery" → `informal-consultations-on-asset-recovery`.
/// Letters of other scripts are spelled in Latin ones (deunicode), the key is cut at a word to
/// 64 characters, and "-2", "-3" … make it one that `taken` does not hold. `fallback` stands
/// in for a title with nothing to spell ("meeting").
pub fn key_from_title(
    title: &str,
    fallback: &str,
    taken: impl Fn(&str) -> bool,
) -> crate::domain::Id {
    let spelled = deunicode::deunicode(title).to_lowercase();
    let words: Vec<&str> = spelled
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut base = String::new();
    for word in words {
        // Room for a "-99" suffix.
        if base.len() + word.len() + 1 > 60 {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(word);
    }
    if base.is_empty() {
        base = fallback.to_owned();
    }
    let mut key = base.clone();
    let mut n = 2;
    while taken(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    crate::domain::Id::parse(&key).expect("letters, digits and dashes make a key")
}

#[cfg(test)]
mod tests {
    use super::key_from_title;

    #[test]
    fn a_key_is_made_from_the_title_and_is_not_one_taken() {
        let none = |_: &str| false;
        assert_eq!(
            key_from_title("Informal consultations on asset recovery", "meeting", none).as_str(),
            "informal-consultations-on-asset-recovery"
        );
        assert_eq!(
            key_from_title("Réunion intersessionnelle (2025)", "meeting", none).as_str(),
            "reunion-intersessionnelle-2025"
        );
        assert_eq!(key_from_title("  — ", "meeting", none).as_str(), "meeting");
        let taken = |k: &str| k == "briefing" || k == "briefing-2";
        assert_eq!(
            key_from_title("Briefing", "meeting", taken).as_str(),
            "briefing-3"
        );
        let long = key_from_title(&"Plenary meeting ".repeat(10), "meeting", none);
        assert!(
            long.as_str().len() <= 60 && !long.as_str().ends_with('-'),
            "{long}"
        );
    }
}

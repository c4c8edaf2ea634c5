//! Panels and who speaks on them: panels, calls for nominations, nominations and contributions.

use std::collections::{BTreeMap, BTreeSet};

use super::roster::Parties;
use super::Errors;
use crate::domain::dataset::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::domain::{Dataset, Id};

/// Panels, calls for nominations and nominations: each given once; a panel about a topic in a
/// known meeting, serving a known workplan entry, with a known moderator and known panellists
/// each listed once; a call naming a known panel or a topic, with its deadline no earlier than
/// its note verbale; a nomination answering a known call, by a known State party or
/// organisation, of a known person; all texts within their limits.
pub(super) fn panels_and_nominations(
    data: &Dataset,
    meetings: &BTreeSet<Id>,
    entries: &BTreeSet<Id>,
    persons: &BTreeSet<Id>,
    parties: &Parties,
    e: &mut Errors,
) {
    let mut panels = BTreeSet::new();
    for panel in &data.panels {
        let record = format!("panel {}", panel.id);
        e.unique(&mut panels, &panel.id, &record, "id");
        e.not_empty(&panel.topic, &record, "topic");
        e.text(&panel.topic, SHORT_TEXT_MAX, &record, "topic");
        e.text_opt(panel.notes.as_deref(), LONG_TEXT_MAX, &record, "notes");
        e.known(meetings, &panel.meeting, &record, "meeting", "meeting");
        if let Some(entry) = &panel.workplan_entry {
            e.known(entries, entry, &record, "workplan_entry", "workplan entry");
        }
        if let Some(moderator) = &panel.moderator {
            e.known(persons, moderator, &record, "moderator", "person");
        }
        let mut seen = BTreeSet::new();
        for person in &panel.panellists {
            e.known(persons, person, &record, "panellists", "person");
            if !seen.insert(person) {
                e.add(&record, "panellists", format!("{person} is listed twice"));
            }
        }
    }
    let mut calls = BTreeMap::new();
    for call in &data.calls_for_nominations {
        let record = format!("call for nominations {}", call.id);
        if calls.insert(call.id.clone(), call).is_some() {
            e.add(&record, "id", "appears more than once");
        }
        e.text_opt(call.topic.as_deref(), SHORT_TEXT_MAX, &record, "topic");
        if call.deadline < call.note_verbale_date {
            e.add(&record, "deadline", "deadline before the note verbale");
        }
        if let Some(panel) = &call.panel {
            e.known(&panels, panel, &record, "panel", "panel");
        } else if call.topic.as_deref().is_none_or(|t| t.trim().is_empty()) {
            e.add(&record, "topic", "a call names a panel or a topic");
        }
    }
    let mut nominations = BTreeSet::new();
    for nomination in &data.nominations {
        let record = format!("nomination {}", nomination.id);
        e.unique(&mut nominations, &nomination.id, &record, "id");
        e.text(
            &nomination.justification,
            LONG_TEXT_MAX,
            &record,
            "justification",
        );
        e.text_opt(
            nomination.biography.as_deref(),
            LONG_TEXT_MAX,
            &record,
            "biography",
        );
        e.text_opt(
            nomination.decision_note.as_deref(),
            LONG_TEXT_MAX,
            &record,
            "decision_note",
        );
        e.text_opt(
            nomination.message_to_state.as_deref(),
            LONG_TEXT_MAX,
            &record,
            "message_to_state",
        );
        if !calls.contains_key(&nomination.call) {
            e.add(
                &record,
                "call",
                format!("unknown call for nominations {}", nomination.call),
            );
        }
        parties.affiliation(e, &nomination.nominator, &record, "nominator");
        e.known(persons, &nomination.nominee, &record, "nominee", "person");
    }
}

/// Contributions and their tallies: each contribution given once, by a known State party or
/// organisation, with well-formed paragraphs; all texts within their limits.
pub(super) fn contributions(data: &Dataset, parties: &Parties, e: &mut Errors) {
    let mut contributions = BTreeSet::new();
    for contribution in &data.contributions {
        let record = format!("contribution {}", contribution.id);
        e.unique(&mut contributions, &contribution.id, &record, "id");
        e.text(&contribution.title, SHORT_TEXT_MAX, &record, "title");
        e.text_opt(
            contribution.link.as_deref(),
            SHORT_TEXT_MAX,
            &record,
            "link",
        );
        parties.affiliation(e, &contribution.contributor, &record, "contributor");
        if let Some(why) = contribution.paragraphs.problem() {
            e.add(&record, "paragraphs", why);
        }
    }

    for tally in &data.contribution_tallies {
        let record = format!("contribution tally of {}", tally.as_of);
        e.text(&tally.note, LONG_TEXT_MAX, &record, "note");
    }
}

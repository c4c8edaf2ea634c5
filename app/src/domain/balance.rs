//! The balance of a panel's or call's selection: by UN regional group, gender and stakeholder
//! type, against targets the Bureau sets, with warnings for what falls short.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Affiliation, Dataset, Gender, Id, NominationStatus, RegionalGroup};

/// What the Bureau aims for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BalanceTargets {
    /// At least this many of the five regional groups represented.
    #[serde(default)]
    pub min_regional_groups: u32,
    /// At least this share of women, 0 to 1.
    #[serde(default)]
    pub min_female_share: f64,
    /// At least this many speakers from outside governments (organisations).
    #[serde(default)]
    pub min_non_governmental: u32,
}

/// Who is selected, counted three ways.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Composition {
    pub total: u32,
    pub by_regional_group: BTreeMap<String, u32>,
    pub by_gender: BTreeMap<String, u32>,
    pub by_stakeholder: BTreeMap<String, u32>,
}

/// Counts the accepted and confirmed nominations of a call.
pub fn composition(data: &Dataset, call: &Id) -> Composition {
    let mut c = Composition::default();
    for n in data.nominations.iter().filter(|n| {
        &n.call == call
            && matches!(
                n.status,
                NominationStatus::Accepted | NominationStatus::Confirmed
            )
    }) {
        c.total += 1;
        let person = data.persons.iter().find(|p| p.id == n.nominee);
        let gender = person.map(|p| p.gender).unwrap_or(Gender::Undisclosed);
        *c.by_gender.entry(gender.as_str().into()).or_default() += 1;
        let (group, stakeholder) = match &n.nominator {
            Affiliation::State(code) => (
                data.states_parties
                    .iter()
                    .find(|s| &s.iso_code == code)
                    .map(|s| s.regional_group.as_str().to_owned()),
                "government".to_owned(),
            ),
            Affiliation::Organisation(org) => (
                None,
                data.organisations
                    .iter()
                    .find(|o| &o.id == org)
                    .map(|o| o.kind.as_str().to_owned())
                    .unwrap_or_else(|| "organisation".into()),
            ),
        };
        if let Some(group) = group {
            *c.by_regional_group.entry(group).or_default() += 1;
        }
        *c.by_stakeholder.entry(stakeholder).or_default() += 1;
    }
    c
}

/// Counts a panel's panellists (and moderator) by their affiliation and gender.
pub fn panel_composition(data: &Dataset, panel: &Id) -> Composition {
    let mut c = Composition::default();
    let Some(panel) = data.panels.iter().find(|p| &p.id == panel) else {
        return c;
    };
    for person in panel
        .panellists
        .iter()
        .filter_map(|id| data.persons.iter().find(|p| &p.id == id))
    {
        c.total += 1;
        *c.by_gender
            .entry(person.gender.as_str().into())
            .or_default() += 1;
        match &person.affiliation {
            Some(Affiliation::State(code)) => {
                if let Some(state) = data.states_parties.iter().find(|s| &s.iso_code == code) {
                    *c.by_regional_group
                        .entry(state.regional_group.as_str().into())
                        .or_default() += 1;
                }
                *c.by_stakeholder.entry("government".into()).or_default() += 1;
            }
            Some(Affiliation::Organisation(org)) => {
                let kind = data
                    .organisations
                    .iter()
                    .find(|o| &o.id == org)
                    .map(|o| o.kind.as_str())
                    .unwrap_or("organisation");
                *c.by_stakeholder.entry(kind.into()).or_default() += 1;
            }
            None => *c.by_stakeholder.entry("unaffiliated".into()).or_default() += 1,
        }
    }
    c
}

/// A selection against the Bureau's targets, in words a Bureau member reads at a glance: a
/// line per dimension with its counts and its target, and a verdict that never says "meets"
/// of an empty selection or of targets never set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceSummary {
    /// "Selected: 3", then regional groups, gender and stakeholder types, each with its target.
    pub lines: Vec<String>,
    pub verdict: String,
    /// True only when someone is selected, a target is set and every target is met.
    pub meets: bool,
}

/// The summary of `c` against `targets`.
pub fn summary(c: &Composition, targets: &BalanceTargets) -> BalanceSummary {
    let counts = |counts: &BTreeMap<String, u32>, name: &dyn Fn(&str) -> String| -> String {
        if counts.is_empty() {
            return "none".into();
        }
        counts
            .iter()
            .map(|(k, n)| format!("{} {n}", name(k)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let group_name = |code: &str| {
        RegionalGroup::parse(code)
            .map_or_else(|_| code.replace('_', " "), |g| g.display_name().to_owned())
    };
    let words = |code: &str| code.replace('_', " ");
    let target = |text: String, set: bool| {
        if set {
            format!("; target: {text}")
        } else {
            "; no target set".into()
        }
    };
    let women = c.by_gender.get("female").copied().unwrap_or(0);
    let share = match c.total {
        0 => String::new(),
        total => format!(
            " ({:.0} % women)",
            f64::from(women) * 100.0 / f64::from(total)
        ),
    };
    let non_governmental = c.total - c.by_stakeholder.get("government").copied().unwrap_or(0);
    let lines = vec![
        format!("Selected: {}", c.total),
        format!(
            "Regional groups: {} of 5 represented ({}){}",
            c.by_regional_group.len(),
            counts(&c.by_regional_group, &group_name),
            target(
                format!("at least {}", targets.min_regional_groups),
                targets.min_regional_groups > 0
            )
        ),
        format!(
            "Gender: {}{share}{}",
            counts(&c.by_gender, &words),
            target(
                format!("at least {:.0} % women", targets.min_female_share * 100.0),
                targets.min_female_share > 0.0
            )
        ),
        format!(
            "Stakeholder types: {} ({non_governmental} non-governmental){}",
            counts(&c.by_stakeholder, &words),
            target(
                format!("at least {} non-governmental", targets.min_non_governmental),
                targets.min_non_governmental > 0
            )
        ),
    ];
    let no_targets = targets.min_regional_groups == 0
        && targets.min_female_share <= 0.0
        && targets.min_non_governmental == 0;
    let short = shortfalls(c, targets);
    let (verdict, meets) = if c.total == 0 {
        (
            "Nobody is selected yet: the balance shows once nominees are accepted.".to_owned(),
            false,
        )
    } else if no_targets {
        (
            "The Bureau has set no balance targets for this call.".to_owned(),
            false,
        )
    } else if short.is_empty() {
        ("Meets the Bureau's balance targets.".to_owned(), true)
    } else {
        (
            format!(
                "Falls short of {} of the Bureau's targets.",
                match short.len() {
                    1 => "one".to_owned(),
                    n => n.to_string(),
                }
            ),
            false,
        )
    };
    BalanceSummary {
        lines,
        verdict,
        meets,
    }
}

/// What falls short of the targets, in words.
pub fn warnings(c: &Composition, targets: &BalanceTargets) -> Vec<String> {
    shortfalls(c, targets)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// Each shortfall with the target it concerns.
fn shortfalls(c: &Composition, targets: &BalanceTargets) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let groups = c.by_regional_group.len() as u32;
    if groups < targets.min_regional_groups {
        let missing: Vec<&str> = RegionalGroup::ALL
            .iter()
            .filter(|g| !c.by_regional_group.contains_key(g.as_str()))
            .map(|g| g.display_name())
            .collect();
        out.push((
            "groups",
            format!(
                "{groups} of {} regional groups wanted; missing: {}",
                targets.min_regional_groups,
                missing.join(", ")
            ),
        ));
    }
    let women = c.by_gender.get("female").copied().unwrap_or(0);
    if c.total > 0 && f64::from(women) / f64::from(c.total) < targets.min_female_share {
        out.push((
            "women",
            format!(
                "{women} of {} selected are women; the target is at least {:.0} %",
                c.total,
                targets.min_female_share * 100.0
            ),
        ));
    }
    let non_governmental = c.total - c.by_stakeholder.get("government").copied().unwrap_or(0);
    if non_governmental < targets.min_non_governmental {
        out.push((
            "stakeholders",
            format!(
                "{non_governmental} non-governmental speakers; the target is {}",
                targets.min_non_governmental
            ),
        ));
    }
    out
}

/// Warnings a decision would add: those of the selection after it that the selection before
/// did not have.
pub fn moved_away(
    before: &Composition,
    after: &Composition,
    targets: &BalanceTargets,
) -> Vec<String> {
    let old: Vec<&str> = shortfalls(before, targets)
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    shortfalls(after, targets)
        .into_iter()
        .filter(|(kind, _)| !old.contains(kind))
        .map(|(_, text)| text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn composition(groups: &[&str], women: u32, total: u32) -> Composition {
        Composition {
            total,
            by_regional_group: groups.iter().map(|g| (g.to_string(), 1)).collect(),
            by_gender: [
                ("female".to_string(), women),
                ("male".to_string(), total - women),
            ]
            .into(),
            by_stakeholder: [("government".to_string(), total)].into(),
        }
    }

    #[test]
    fn nothing_selected_or_no_target_set_never_reads_as_meeting_the_targets() {
        let targets = BalanceTargets {
            min_regional_groups: 3,
            min_female_share: 0.4,
            min_non_governmental: 1,
        };
        let none = summary(&Composition::default(), &targets);
        assert!(!none.meets);
        assert!(
            none.verdict.starts_with("Nobody is selected yet"),
            "{}",
            none.verdict
        );
        let three = composition(&["western_european_others"], 1, 3);
        let untargeted = summary(&three, &BalanceTargets::default());
        assert!(!untargeted.meets);
        assert_eq!(
            untargeted.verdict,
            "The Bureau has set no balance targets for this call."
        );
        assert!(
            untargeted.lines[1].ends_with("; no target set"),
            "{:?}",
            untargeted.lines
        );
    }

    #[test]
    fn each_dimension_stands_against_its_target_by_name() {
        let targets = BalanceTargets {
            min_regional_groups: 3,
            min_female_share: 0.4,
            min_non_governmental: 1,
        };
        // Three selected: two from Austria, all government, two men.
        let mut c = composition(&["western_european_others"], 1, 3);
        c.by_regional_group
            .insert("western_european_others".into(), 3);
        let found = summary(&c, &targets);
        assert!(!found.meets);
        assert_eq!(found.verdict, "Falls short of 3 of the Bureau's targets.");
        assert_eq!(found.lines[0], "Selected: 3");
        assert_eq!(
            found.lines[1],
            "Regional groups: 1 of 5 represented (Western European and other States 3); target: at least 3"
        );
        assert_eq!(
            found.lines[2],
            "Gender: female 1, male 2 (33 % women); target: at least 40 % women"
        );
        assert_eq!(
            found.lines[3],
            "Stakeholder types: government 3 (0 non-governmental); target: at least 1 non-governmental"
        );
        let balanced = Composition {
            total: 3,
            by_regional_group: [
                ("african".into(), 1),
                ("asia_pacific".into(), 1),
                ("eastern_european".into(), 1),
            ]
            .into(),
            by_gender: [("female".into(), 2), ("male".into(), 1)].into(),
            by_stakeholder: [("government".into(), 2), ("civil_society".into(), 1)].into(),
        };
        let met = summary(&balanced, &targets);
        assert!(met.meets, "{met:?}");
        assert_eq!(met.verdict, "Meets the Bureau's balance targets.");
    }

    #[test]
    fn shortfalls_against_targets_are_named() {
        let targets = BalanceTargets {
            min_regional_groups: 3,
            min_female_share: 0.5,
            min_non_governmental: 1,
        };
        let found = warnings(
            &composition(&["african", "eastern_european"], 1, 4),
            &targets,
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].starts_with("2 of 3 regional groups wanted; missing: Asia-Pacific States"),
            "{found:?}"
        );
        assert_eq!(
            found[1],
            "1 of 4 selected are women; the target is at least 50 %"
        );
        assert!(warnings(
            &composition(&["african", "asia_pacific", "eastern_european"], 2, 4),
            &BalanceTargets {
                min_non_governmental: 0,
                ..targets
            }
        )
        .is_empty());
    }

    #[test]
    fn a_decision_that_breaks_a_met_target_is_flagged() {
        let targets = BalanceTargets {
            min_female_share: 0.5,
            ..Default::default()
        };
        let before = composition(&["african"], 1, 2);
        let after = composition(&["african"], 1, 3);
        assert_eq!(
            moved_away(&before, &after, &targets),
            ["1 of 3 selected are women; the target is at least 50 %"]
        );
        assert!(moved_away(&after, &after, &targets).is_empty());
    }
}

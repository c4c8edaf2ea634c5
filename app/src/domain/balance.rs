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
            .map(|g| g.as_str())
            .filter(|g| !c.by_regional_group.contains_key(*g))
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
            found[0].starts_with("2 of 3 regional groups wanted; missing: asia_pacific"),
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

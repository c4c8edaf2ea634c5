use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{BodyCode, Id};
use crate::wire_enum;

/// A set of paragraphs of the political declaration, written as people write it:
/// "11, 13, 18" or "16–19" (an en dash or a hyphen). Kept sorted; a paragraph given twice
/// ("16–19, 18") is refused.
///
/// Read from JSON it never fails: text that does not parse is kept with the reason, so that
/// dataset validation can report it with its record and field instead of a line and column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParagraphSet {
    ranges: Vec<RangeInclusive<u32>>,
    /// The original text and why it is not a paragraph set.
    invalid: Option<(String, String)>,
}

impl ParagraphSet {
    /// Parses leniently: see [`ParagraphSet::problem`].
    pub fn lenient(raw: &str) -> Self {
        ParagraphSet::parse(raw).unwrap_or_else(|why| ParagraphSet {
            ranges: vec![],
            invalid: Some((raw.to_owned(), why)),
        })
    }

    /// Why the text read was not a paragraph set, if it was not.
    pub fn problem(&self) -> Option<&str> {
        self.invalid.as_ref().map(|(_, why)| why.as_str())
    }

    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut ranges = Vec::new();
        for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let bounds: Vec<&str> = part.split(['–', '-']).map(str::trim).collect();
            let number = |s: &str| {
                s.parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("{s:?} is not a paragraph number"))
            };
            let range = match bounds.as_slice() {
                [single] => number(single)?..=number(single)?,
                [from, to] => {
                    let (from, to) = (number(from)?, number(to)?);
                    if from > to {
                        return Err(format!("range {part:?} runs backwards"));
                    }
                    from..=to
                }
                _ => return Err(format!("{part:?} is neither a paragraph nor a range")),
            };
            ranges.push(range);
        }
        ranges.sort_by_key(|r| *r.start());
        for pair in ranges.windows(2) {
            if pair[1].start() <= pair[0].end() {
                return Err(format!("paragraph {} is given twice", pair[1].start()));
            }
        }
        Ok(ParagraphSet {
            ranges,
            invalid: None,
        })
    }

    /// Every paragraph number, in order.
    pub fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.ranges.iter().flat_map(|r| r.clone())
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty() && self.invalid.is_none()
    }

    pub fn contains(&self, paragraph: u32) -> bool {
        self.ranges.iter().any(|r| r.contains(&paragraph))
    }
}

impl std::fmt::Display for ParagraphSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some((raw, _)) = &self.invalid {
            return f.write_str(raw);
        }
        let parts: Vec<String> = self
            .ranges
            .iter()
            .map(|r| match r.end() - r.start() {
                0 => r.start().to_string(),
                _ => format!("{}–{}", r.start(), r.end()),
            })
            .collect();
        f.write_str(&parts.join(", "))
    }
}

impl Serialize for ParagraphSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ParagraphSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(ParagraphSet::lenient(&String::deserialize(deserializer)?))
    }
}

/// A section of the political declaration ("Asset recovery").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationSection {
    pub id: Id,
    pub title: String,
    pub position: u32,
}

/// A paragraph of the political declaration; its section when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationParagraph {
    pub number: u32,
    #[serde(default)]
    pub section: Option<Id>,
}

wire_enum!(
    /// Where the workplan stands: drafted, under a silence (no-objection) procedure until a
    /// deadline, then approved — or the silence was broken by an objection.
    WorkplanStatus {
        Draft = "draft",
        UnderSilenceProcedure = "under_silence_procedure",
        Approved = "approved",
        SilenceBroken = "silence_broken",
    }
);

impl crate::domain::label::Label for WorkplanStatus {
    fn code(&self) -> &'static str {
        self.as_str()
    }
}

/// The multi-year workplan and its approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workplan {
    pub title: String,
    pub status: WorkplanStatus,
    /// Deadline of the silence procedure, once one is started.
    #[serde(default)]
    pub silence_deadline: Option<NaiveDate>,
    /// When it was approved or the silence broken.
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
}

impl Workplan {
    /// The rules between status and dates; returns the field at fault and why.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        use WorkplanStatus::*;
        match self.status {
            UnderSilenceProcedure | Approved | SilenceBroken if self.silence_deadline.is_none() => {
                Err((
                    "silence_deadline",
                    format!("a {} workplan needs the silence deadline", self.status),
                ))
            }
            Approved | SilenceBroken if self.decided_on.is_none() => Err((
                "decided_on",
                format!("a {} workplan needs the date of the decision", self.status),
            )),
            Approved if self.decided_on < self.silence_deadline => Err((
                "decided_on",
                "approval by silence comes on or after the deadline".into(),
            )),
            SilenceBroken if self.decided_on > self.silence_deadline => Err((
                "decided_on",
                "silence can only be broken before the deadline passes".into(),
            )),
            _ => Ok(()),
        }
    }

    /// Starts the silence procedure on a draft.
    pub fn start_silence(&mut self, deadline: NaiveDate) -> Result<(), String> {
        if self.status != WorkplanStatus::Draft {
            return Err(format!(
                "only a draft can go under silence procedure, not a {} one",
                self.status
            ));
        }
        self.status = WorkplanStatus::UnderSilenceProcedure;
        self.silence_deadline = Some(deadline);
        self.decided_on = None;
        Ok(())
    }

    /// Records an objection on `day`: the silence is broken.
    pub fn break_silence(&mut self, day: NaiveDate) -> Result<(), String> {
        match (self.status, self.silence_deadline) {
            (WorkplanStatus::UnderSilenceProcedure, Some(deadline)) if day <= deadline => {
                self.status = WorkplanStatus::SilenceBroken;
                self.decided_on = Some(day);
                Ok(())
            }
            (WorkplanStatus::UnderSilenceProcedure, _) => {
                Err("the silence deadline has passed".into())
            }
            (status, _) => Err(format!("no silence procedure is running (status {status})")),
        }
    }

    /// Approves the plan once the deadline has passed without objection.
    pub fn approve(&mut self, day: NaiveDate) -> Result<(), String> {
        match (self.status, self.silence_deadline) {
            (WorkplanStatus::UnderSilenceProcedure, Some(deadline)) if day >= deadline => {
                self.status = WorkplanStatus::Approved;
                self.decided_on = Some(day);
                Ok(())
            }
            (WorkplanStatus::UnderSilenceProcedure, Some(deadline)) => {
                Err(format!("the silence procedure runs until {deadline}"))
            }
            (status, _) => Err(format!(
                "only a workplan under silence procedure can be approved (status {status})"
            )),
        }
    }
}

/// A row of the workplan: paragraphs (and whole sections) given to one or more bodies for a
/// year or a session, with the topic keywords.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkplanEntry {
    pub id: Id,
    pub bodies: Vec<BodyCode>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub session: Option<Id>,
    #[serde(default)]
    pub paragraphs: ParagraphSet,
    /// Whole sections of the declaration, where the plan names a section rather than paragraphs.
    #[serde(default)]
    pub sections: Vec<Id>,
    pub topics: Vec<String>,
    pub agreed_by_extended_bureau: bool,
    #[serde(default)]
    pub notes: Option<String>,
    pub position: u32,
}

/// Which bodies take up a paragraph of the declaration in each year of the workplan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageRow {
    pub paragraph: u32,
    pub section: Option<Id>,
    /// One list of body codes per year of [`Coverage::years`].
    pub by_year: Vec<Vec<BodyCode>>,
}

/// The workplan seen from the declaration: every paragraph, who covers it when, and which
/// paragraphs no entry covers yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub years: Vec<i32>,
    pub rows: Vec<CoverageRow>,
    pub uncovered: Vec<u32>,
}

/// Lays the entries over the paragraphs. An entry covers its paragraphs and every paragraph of
/// its sections, in its year (or its session's, given by `session_year`).
pub fn coverage(
    paragraphs: &[DeclarationParagraph],
    entries: &[WorkplanEntry],
    session_year: impl Fn(&Id) -> Option<i32>,
) -> Coverage {
    let year_of = |e: &WorkplanEntry| {
        e.year
            .or_else(|| e.session.as_ref().and_then(&session_year))
    };
    let mut years: Vec<i32> = entries.iter().filter_map(year_of).collect();
    years.sort_unstable();
    years.dedup();
    let rows: Vec<CoverageRow> = paragraphs
        .iter()
        .map(|p| {
            let covers = |e: &WorkplanEntry| {
                e.paragraphs.contains(p.number)
                    || p.section.as_ref().is_some_and(|s| e.sections.contains(s))
            };
            let by_year = years
                .iter()
                .map(|y| {
                    let mut bodies: Vec<BodyCode> = entries
                        .iter()
                        .filter(|e| year_of(e) == Some(*y) && covers(e))
                        .flat_map(|e| e.bodies.iter().cloned())
                        .collect();
                    bodies.sort();
                    bodies.dedup();
                    bodies
                })
                .collect();
            CoverageRow {
                paragraph: p.number,
                section: p.section.clone(),
                by_year,
            }
        })
        .collect();
    let uncovered = rows
        .iter()
        .filter(|r| r.by_year.iter().all(Vec::is_empty))
        .map(|r| r.paragraph)
        .collect();
    Coverage {
        years,
        rows,
        uncovered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_lays_entries_over_paragraphs_by_year_and_lists_the_rest() {
        let code = |c: &str| BodyCode::parse(c).unwrap();
        let id = |i: &str| Id::parse(i).unwrap();
        let paragraphs: Vec<DeclarationParagraph> = (1..=6)
            .map(|n| DeclarationParagraph {
                number: n,
                section: (n >= 5).then(|| id("asset-recovery")),
            })
            .collect();
        let entry = |key: &str,
                     bodies: &[&str],
                     year: Option<i32>,
                     session: Option<&str>,
                     paragraphs: &str,
                     sections: &[&str]| WorkplanEntry {
            id: id(key),
            bodies: bodies.iter().map(|b| code(b)).collect(),
            year,
            session: session.map(id),
            paragraphs: ParagraphSet::parse(paragraphs).unwrap(),
            sections: sections.iter().map(|s| id(s)).collect(),
            topics: vec![],
            agreed_by_extended_bureau: true,
            notes: None,
            position: 1,
        };
        let entries = vec![
            entry("a", &["IRG", "WG-PREV"], Some(2023), None, "1-2", &[]),
            entry("b", &["IRG"], None, Some("irg-15"), "2", &[]),
            entry("c", &["WG-AR"], Some(2023), None, "", &["asset-recovery"]),
        ];
        let c = coverage(&paragraphs, &entries, |s| {
            (s.as_str() == "irg-15").then_some(2024)
        });
        assert_eq!(c.years, [2023, 2024]);
        assert_eq!(
            c.rows[0].by_year,
            [vec![code("IRG"), code("WG-PREV")], vec![]]
        );
        assert_eq!(c.rows[1].by_year[1], [code("IRG")]);
        assert_eq!(c.rows[5].by_year[0], [code("WG-AR")]);
        assert_eq!(c.uncovered, [3, 4]);
    }

    #[test]
    fn paragraph_lists_and_ranges_parse_and_print_canonically() {
        let set = ParagraphSet::parse("18, 11,13").unwrap();
        assert_eq!(set.to_string(), "11, 13, 18");
        let range = ParagraphSet::parse("16–19").unwrap();
        assert_eq!(range.numbers().collect::<Vec<_>>(), [16, 17, 18, 19]);
        assert_eq!(ParagraphSet::parse("16-19").unwrap(), range);
        assert_eq!(range.to_string(), "16–19");
    }

    #[test]
    fn a_paragraph_given_twice_is_refused() {
        assert_eq!(
            ParagraphSet::parse("16–19, 18").unwrap_err(),
            "paragraph 18 is given twice"
        );
        assert_eq!(
            ParagraphSet::parse("12, 12").unwrap_err(),
            "paragraph 12 is given twice"
        );
        assert!(ParagraphSet::parse("19–16").is_err());
        assert!(ParagraphSet::parse("0").is_err());
        assert!(ParagraphSet::parse("twelve").is_err());
    }

    #[test]
    fn text_read_from_json_keeps_its_problem_for_validation() {
        let set: ParagraphSet = serde_json::from_str("\"16–19, 18\"").unwrap();
        assert_eq!(set.problem(), Some("paragraph 18 is given twice"));
        assert_eq!(set.to_string(), "16–19, 18");
        let good: ParagraphSet = serde_json::from_str("\"11, 13, 18\"").unwrap();
        assert_eq!(good.problem(), None);
    }

    fn draft() -> Workplan {
        Workplan {
            title: "plan".into(),
            status: WorkplanStatus::Draft,
            silence_deadline: None,
            decided_on: None,
        }
    }

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    #[test]
    fn a_workplan_is_approved_when_the_silence_deadline_passes() {
        let mut plan = draft();
        plan.start_silence(day("2023-06-09")).unwrap();
        assert!(plan.approve(day("2023-06-08")).is_err());
        plan.approve(day("2023-06-09")).unwrap();
        assert_eq!(plan.status, WorkplanStatus::Approved);
        assert!(plan.check().is_ok());
    }

    #[test]
    fn an_objection_before_the_deadline_breaks_the_silence() {
        let mut plan = draft();
        plan.start_silence(day("2023-06-09")).unwrap();
        plan.break_silence(day("2023-06-05")).unwrap();
        assert_eq!(plan.status, WorkplanStatus::SilenceBroken);
        assert!(plan.approve(day("2023-06-10")).is_err());
        assert!(plan.check().is_ok());
    }

    #[test]
    fn an_approved_workplan_needs_its_dates() {
        let plan = Workplan {
            status: WorkplanStatus::Approved,
            ..draft()
        };
        assert_eq!(plan.check().unwrap_err().0, "silence_deadline");
    }
}

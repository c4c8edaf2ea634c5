//! The workplan seen from the declaration: which bodies take up each paragraph in each year,
//! and which paragraphs no entry covers yet.

use serde::{Deserialize, Serialize};

use super::{DeclarationParagraph, WorkplanEntry};
use crate::domain::{BodyCode, Id};

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
    use crate::domain::ParagraphSet;

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
}

//! Sets of paragraphs of the political declaration, as the workplan, panels and contributions
//! name them ("11, 13, 18", "16–19"): parsing, canonical printing and lenient reading from JSON.

use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}

//! English ordinal words, as the United Nations writes them in session titles
//! ("tenth", "twenty-first", "one hundredth"). Written by hand: the few crates that spell
//! numbers do not follow the UN's British usage ("one hundred and first").

const UNITS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const CARDINAL_UNITS: [&str; 20] = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const TENTHS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// The ordinal word of `n` (1 ≤ n ≤ 999): 1 → "first", 21 → "twenty-first", 100 → "one hundredth".
pub fn ordinal_word(n: u32) -> Option<String> {
    if n == 0 || n > 999 {
        return None;
    }
    let hundreds = n / 100;
    let rest = n % 100;
    Some(match (hundreds, rest) {
        (0, _) => below_hundred(rest),
        (h, 0) => format!("{} hundredth", CARDINAL_UNITS[h as usize]),
        (h, r) => format!(
            "{} hundred and {}",
            CARDINAL_UNITS[h as usize],
            below_hundred(r)
        ),
    })
}

fn below_hundred(n: u32) -> String {
    let n = n as usize;
    match n {
        1..=19 => UNITS[n].to_owned(),
        _ if n.is_multiple_of(10) => TENTHS[n / 10].to_owned(),
        _ => format!("{}-{}", TENS[n / 10], UNITS[n % 10]),
    }
}

#[cfg(test)]
mod tests {
    use super::ordinal_word;
    use std::collections::HashSet;

    #[test]
    fn known_ordinals_are_spelled_as_the_un_writes_them() {
        let cases = [
            (1, "first"),
            (2, "second"),
            (3, "third"),
            (9, "ninth"),
            (10, "tenth"),
            (11, "eleventh"),
            (12, "twelfth"),
            (13, "thirteenth"),
            (14, "fourteenth"),
            (17, "seventeenth"),
            (20, "twentieth"),
            (21, "twenty-first"),
            (22, "twenty-second"),
            (40, "fortieth"),
            (42, "forty-second"),
            (58, "fifty-eighth"),
            (80, "eightieth"),
            (99, "ninety-ninth"),
            (100, "one hundredth"),
            (101, "one hundred and first"),
            (212, "two hundred and twelfth"),
        ];
        for (n, word) in cases {
            assert_eq!(ordinal_word(n).as_deref(), Some(word), "{n}");
        }
    }

    #[test]
    fn every_ordinal_from_1_to_100_is_distinct_lower_case_and_well_formed() {
        let words: Vec<String> = (1..=100).map(|n| ordinal_word(n).unwrap()).collect();
        assert_eq!(words.iter().collect::<HashSet<_>>().len(), 100);
        for (i, word) in words.iter().enumerate() {
            let n = i as u32 + 1;
            assert!(
                word.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == ' '),
                "{word}"
            );
            assert!(
                word.ends_with("th")
                    || word.ends_with("st")
                    || word.ends_with("nd")
                    || word.ends_with("rd"),
                "{word}"
            );
            // Compound numbers 21–99 take exactly one hyphen; the others none.
            let compound = (21..100).contains(&n) && !n.is_multiple_of(10);
            assert_eq!(word.contains('-'), compound, "{word}");
        }
    }

    #[test]
    fn zero_and_numbers_past_999_have_no_ordinal_word() {
        assert_eq!(ordinal_word(0), None);
        assert_eq!(ordinal_word(1000), None);
    }
}

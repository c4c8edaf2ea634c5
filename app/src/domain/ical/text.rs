//! Content lines as RFC 5545 wants them: TEXT escaped, lines folded at 75 octets without
//! splitting a UTF-8 character or an escape, CRLF endings. Written by hand: the icalendar crate
//! folds by characters rather than octets and mis-escapes some inputs.

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks; control characters,
/// which TEXT does not allow, are dropped. Works on bytes, copying runs that need no escape:
/// every byte it acts on is ASCII (or the lead byte of a C1 control).
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    escape_into(&mut out, value);
    out
}

/// [`escape_text`], appending to `out`.
pub fn escape_into(out: &mut String, value: &str) {
    let bytes = value.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, width) = match bytes[i] {
            b'\\' => ("\\\\", 1),
            b';' => ("\\;", 1),
            b',' => ("\\,", 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => ("", 1),
            b'\r' | b'\n' => ("\\n", 1),
            b'\t' => {
                i += 1;
                continue;
            }
            0..=0x1f | 0x7f => ("", 1),
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => ("", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&value[run..i]);
        out.push_str(replacement);
        i += width;
        run = i;
    }
    out.push_str(&value[run..]);
}

/// Escapes a parameter value: quoted when it holds `:`, `;` or `,`; quotes themselves cannot
/// appear (RFC 6868 is not widely read), so they become apostrophes.
pub fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Writes `line` folded at 75 octets per physical line, followed by CRLF. A fold never falls
/// inside a UTF-8 character, nor between a backslash and the character it escapes.
pub fn write_folded(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    if !line.is_empty() && line.len() <= LIMIT {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut first = true;
    while start < bytes.len() {
        // Continuation lines begin with a space, which counts towards their 75 octets.
        let room = if first { LIMIT } else { LIMIT - 1 };
        let mut end = (start + room).min(bytes.len());
        if end < bytes.len() {
            while !line.is_char_boundary(end) {
                end -= 1;
            }
            if ends_inside_escape(&bytes[start..end]) {
                end -= 1;
            }
        }
        if !first {
            out.push(' ');
        }
        out.push_str(&line[start..end]);
        out.push_str("\r\n");
        start = end;
        first = false;
    }
    if bytes.is_empty() {
        out.push_str("\r\n");
    }
}

/// Whether a chunk ends with an unpaired backslash (the first half of an escape).
fn ends_inside_escape(chunk: &[u8]) -> bool {
    chunk.iter().rev().take_while(|b| **b == b'\\').count() % 2 == 1
}

/// Builds one content line: `NAME;PARAM=VALUE:value`.
pub struct Line {
    text: String,
}

impl Line {
    pub fn new(name: &str) -> Line {
        Line {
            text: name.to_owned(),
        }
    }

    pub fn param(mut self, key: &str, value: &str) -> Line {
        self.text.push(';');
        self.text.push_str(key);
        self.text.push('=');
        self.text.push_str(&param_value(value));
        self
    }

    /// A value written as is (dates, numbers, enumerations, URIs).
    pub fn raw(mut self, value: &str) -> String {
        self.text.push(':');
        self.text.push_str(value);
        self.text
    }

    /// A TEXT value, escaped.
    pub fn text(mut self, value: &str) -> String {
        self.text.push(':');
        escape_into(&mut self.text, value);
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_as_rfc_5545_says() {
        assert_eq!(escape_text("a;b,c\\d\ne\r\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_crlf() {
        let mut out = String::new();
        write_folded(&mut out, &"x".repeat(200));
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0].len(), 75);
        assert!(lines[1..]
            .iter()
            .all(|l| l.starts_with(' ') && l.len() <= 75));
        assert_eq!(
            lines
                .iter()
                .map(|l| l.trim_start_matches(' ').len())
                .sum::<usize>(),
            200
        );
    }

    #[test]
    fn folding_never_splits_a_character_or_an_escape() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é\\,".repeat(40));
        write_folded(&mut out, &line);
        for physical in out.split("\r\n") {
            assert!(physical.len() <= 75);
            assert!(
                !physical.trim_start_matches(' ').starts_with(','),
                "an escape was split: {physical}"
            );
        }
        let unfolded = out.replace("\r\n ", "").trim_end().to_owned();
        assert_eq!(unfolded, line);
    }
}

//! A unit file as systemd reads one, for the deployment tests: `[Section]` headers, `Key=Value`
//! lines (a key may repeat, as `Environment=` does), `#` and `;` comments, a trailing backslash
//! continuing a line.

#[derive(Debug)]
pub(super) struct UnitFile {
    pub(super) sections: Vec<(String, Vec<(String, String)>)>,
}

impl UnitFile {
    pub(super) fn parse(text: &str) -> Result<UnitFile, String> {
        let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
        let mut logical = String::new();
        for (number, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if logical.is_empty()
                && (line.is_empty() || line.starts_with('#') || line.starts_with(';'))
            {
                continue;
            }
            if let Some(start) = line.strip_suffix('\\') {
                logical.push_str(start);
                logical.push(' ');
                continue;
            }
            logical.push_str(line);
            let entry = std::mem::take(&mut logical);
            let number = number + 1;
            if let Some(name) = entry.strip_prefix('[') {
                let name = name
                    .strip_suffix(']')
                    .ok_or_else(|| format!("line {number}: unclosed section header"))?;
                if sections.iter().any(|(seen, _)| seen == name) {
                    return Err(format!("line {number}: section [{name}] twice"));
                }
                sections.push((name.to_owned(), Vec::new()));
                continue;
            }
            let (key, value) = entry.split_once('=').ok_or_else(|| {
                format!("line {number}: neither a section nor Key=Value: {entry:?}")
            })?;
            let key = key.trim();
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(format!("line {number}: not a key: {key:?}"));
            }
            let (_, entries) = sections
                .last_mut()
                .ok_or_else(|| format!("line {number}: {key}= before any section"))?;
            entries.push((key.to_owned(), value.trim().to_owned()));
        }
        if !logical.is_empty() {
            return Err("the file ends inside a continued line".into());
        }
        Ok(UnitFile { sections })
    }

    pub(super) fn names(&self) -> Vec<&str> {
        self.sections
            .iter()
            .map(|(name, _)| name.as_str())
            .collect()
    }

    pub(super) fn all(&self, section: &str, key: &str) -> Vec<&str> {
        self.sections
            .iter()
            .filter(|(name, _)| name == section)
            .flat_map(|(_, entries)| entries)
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The one value of a key that must appear exactly once.
    pub(super) fn one(&self, section: &str, key: &str) -> &str {
        match self.all(section, key)[..] {
            [value] => value,
            ref values => panic!("[{section}] {key}= must appear once, found {values:?}"),
        }
    }
}

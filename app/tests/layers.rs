//! Architecture check: the layers of `app` and the absence of cycles in `app` and `server`.
//!
//! `app/src` is built in layers, from the bottom up: error < domain < wire < ssr < api < ui. A
//! lower layer may not use a higher one, so domain rules never depend on the database, server
//! functions or pages, and every arrow points down or sideways. In `app/src` and `server/src`
//! alike, no files may use each other, directly or around a loop: files in a cycle can be neither
//! understood, tested nor moved alone.
//!
//! This is the same reading as the layers tool used in review, so the two report the same
//! arrows. It reads text, not the compiler's view: an arrow is a `use crate::…`, `use super::…`
//! or `use self::…` tree (braces may nest) or an inline `crate::a::b` / `super::a` path. Line
//! comments, and everything from the first `#[cfg(test)]` line on, are dropped. `lib.rs` and
//! `main.rs` are the crate root; `a/mod.rs` and `a.rs` are both module `a`, so `super` is the
//! parent of the module (in `a/mod.rs` the crate root, not `a`). A path names the longest of its
//! prefixes that has a file. Arrows to the crate root, to the file itself or to one of its
//! ancestors do not count. Macros and re-exports are not followed: check a surprise in the code.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path: `["ssr", "admin"]` is `ssr::admin`, `[]` the crate root.
type Module = Vec<String>;
/// Each module file, and the module files it uses.
type Arrows = BTreeMap<Module, BTreeSet<Module>>;

const APP_LAYERS: &[&str] = &["error", "domain", "wire", "ssr", "api", "ui"];

#[test]
fn app_keeps_its_layers_and_has_no_cycles() {
    assert_clean("src", APP_LAYERS);
}

#[test]
fn server_has_no_cycles() {
    assert_clean("../server/src", &[]);
}

/// Fails with every problem in the crate folder `src` (relative to `app/`) and the rules broken.
fn assert_clean(src: &str, layers: &[&str]) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(src);
    let found = problems(&src, layers);
    let mut rules = vec!["files may not use each other, directly or around a loop".to_string()];
    if !layers.is_empty() {
        let order = layers.join(" < ");
        rules.push(format!("a lower layer may not use a higher one: {order}"));
    }
    let (src, rules, list) = (src.display(), rules.join("\n  - "), found.join("\n  "));
    assert!(
        found.is_empty(),
        "{src} breaks the rules\n  - {rules}\nhere:\n  {list}\n"
    );
}

/// Every cycle of files, then every arrow from a lower layer to a higher one, one line each.
fn problems(src: &Path, layers: &[&str]) -> Vec<String> {
    let arrows = arrows(src);
    let mut out = Vec::new();
    for cycle in cycles(&arrows) {
        let inside: Vec<String> = (cycle.iter())
            .flat_map(|a| arrows[a].intersection(&cycle).map(move |b| (a, b)))
            .map(|(a, b)| format!("{} -> {}", a.join("::"), b.join("::")))
            .collect();
        let (n, inside) = (cycle.len(), inside.join(", "));
        out.push(format!("cycle of {n} files: {inside}"));
    }
    // A top-level module that is not a layer, or the crate root, is not checked against the rest.
    let rank = |m: &Module| {
        let top = m.first()?;
        layers.iter().position(|layer| layer == top)
    };
    for (a, targets) in &arrows {
        for b in targets {
            // `None` orders below every layer, so this holds only when both files are in layers.
            if rank(a).is_some() && rank(b) > rank(a) {
                out.push(format!("upward: {} -> {}", a.join("::"), b.join("::")));
            }
        }
    }
    out
}

/// Module files, walked as the tool walks them (a folder's files in directory order, then its
/// subfolders), so that when two files claim one module (`lib.rs`, `main.rs`) the same one wins.
fn module_files(src: &Path, dir: &Path, out: &mut BTreeMap<Module, PathBuf>) {
    let entries = fs::read_dir(dir).expect("readable source folder");
    let paths = entries.map(|entry| entry.expect("readable folder entry").path());
    let (dirs, files): (Vec<_>, Vec<_>) = paths.partition(|path| path.is_dir());
    for file in files {
        let rel = file.strip_prefix(src).ok().and_then(Path::to_str);
        let Some(rel) = rel.and_then(|rel| rel.strip_suffix(".rs")) else {
            continue;
        };
        let mut module: Module = rel.split('/').map(String::from).collect();
        if let Some("mod" | "lib" | "main") = module.last().map(String::as_str) {
            module.pop();
        }
        out.entry(module).or_insert(file);
    }
    for dir in dirs {
        module_files(src, &dir, out);
    }
}

/// Which module files use which.
fn arrows(src: &Path) -> Arrows {
    let mut files = BTreeMap::new();
    module_files(src, src, &mut files);
    let mut arrows = Arrows::new();
    for (module, file) in &files {
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let targets = arrows.entry(module.clone()).or_default();
        for path in used_paths(module, &code_without_tests(&text)) {
            let mut prefixes = (0..=path.len()).rev().map(|n| &path[..n]);
            let Some(target) = prefixes.find(|prefix| files.contains_key(*prefix)) else {
                continue;
            };
            // The file itself, the crate root and the file's ancestors (a child naming a helper of
            // its parent through `super::`) are where the file lives, not what it depends on.
            if !module.starts_with(target) {
                targets.insert(target.to_vec());
            }
        }
    }
    arrows
}

/// Line comments dropped (from any `//` to the end of its line, as the tool does, even inside a
/// string), then everything from the first line that starts with `#[cfg(test)]`.
fn code_without_tests(text: &str) -> String {
    let mut code = String::new();
    for line in text.split_inclusive('\n') {
        let kept = line.split_once("//").map_or(line, |(kept, _)| kept);
        if kept.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        code.push_str(kept);
        if kept.len() < line.len() && line.ends_with('\n') {
            code.push('\n');
        }
    }
    code
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The tool's regex scan: wherever one of `words` starts a word (nothing alphanumeric just
/// before it), try `matcher` on the text after the word; a match returns the text after itself,
/// and scanning resumes there, so matches do not overlap.
fn scan<'a>(
    code: &'a str,
    words: &[&str],
    mut matcher: impl FnMut(&str, &'a str) -> Option<&'a str>,
) {
    let mut next = 0;
    for (at, _) in code.char_indices() {
        if at < next || code[..at].chars().next_back().is_some_and(is_word) {
            continue;
        }
        if let Some(word) = words.iter().find(|word| code[at..].starts_with(**word)) {
            if let Some(rest) = matcher(word, &code[at + word.len()..]) {
                next = code.len() - rest.len();
            }
        }
    }
}

/// The module paths a file names: its `use` trees, then its inline `crate::`/`super::` paths
/// (like the tool, this reads `use` lines a second time as inline paths; that repeats arrows).
fn used_paths(module: &[String], code: &str) -> Vec<Module> {
    let parent = &module[..module.len().saturating_sub(1)];
    let mut paths = Vec::new();
    scan(code, &["use"], |_, after| {
        let tree = after.trim_start();
        let bases = [("crate", &[][..]), ("super", parent), ("self", module)];
        let (base, body) = bases
            .into_iter()
            .find_map(|(w, base)| Some((base, tree.strip_prefix(w)?)))?;
        // A tree runs to its `;` and holds only names, `::`, braces, commas, `*`, spaces and
        // newlines (so `use crate::a as b;` counts, and a tree with `r#type` or a tab does not).
        let len = body
            .find(|c: char| !is_word(c) && !"*{}, \n:".contains(c))
            .unwrap_or(body.len());
        let spaced = tree.len() < after.len();
        if !spaced || !body.starts_with("::") || len < 3 || !body[len..].starts_with(';') {
            return None;
        }
        paths.extend(expand(base, &body[..len]));
        Some(&body[len..])
    });
    scan(code, &["crate", "super"], |word, mut rest| {
        let base: &[String] = if word == "crate" { &[] } else { parent };
        let mut path = base.to_vec();
        while let Some(after) = rest.strip_prefix("::") {
            let len = after.find(|c| !is_word(c)).unwrap_or(after.len());
            if len == 0 {
                break;
            }
            path.push(after[..len].to_string());
            rest = &after[len..];
        }
        if path.len() == base.len() {
            return None; // `crate` alone, or `crate::{…}`: no name after it
        }
        paths.push(path);
        Some(rest)
    });
    paths
}

/// Expand a `use` tree such as `::a::{b, c::{self, d}}` after `prefix` into one path per leaf.
fn expand(prefix: &[String], body: &str) -> Vec<Module> {
    let body = body.trim();
    let body = body.strip_prefix("::").unwrap_or(body);
    let names = |s: &str| -> Module {
        s.split("::")
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    };
    let Some((head, rest)) = body.split_once('{') else {
        let leaf: Module = names(body).into_iter().filter(|p| p != "*").collect();
        return vec![[prefix, &leaf].concat()];
    };
    let head = [prefix, &names(head)].concat();
    let inner = rest.rsplit_once('}').map_or(rest, |(inner, _)| inner);
    // Split at the commas that are not inside a nested brace.
    let (mut depth, mut items) = (0, vec![String::new()]);
    for c in inner.chars() {
        depth += (c == '{') as i32 - (c == '}') as i32;
        if c == ',' && depth == 0 {
            items.push(String::new());
        } else {
            items.last_mut().unwrap().push(c);
        }
    }
    (items.iter().map(|item| item.trim()))
        .flat_map(|item| match item {
            "" | "self" => vec![head.clone()],
            _ => expand(&head, item),
        })
        .collect()
}

/// Groups of files that reach each other along arrows (strongly connected components of more
/// than one file; a file's arrow to itself was never recorded).
fn cycles(arrows: &Arrows) -> Vec<BTreeSet<Module>> {
    let reach: BTreeMap<_, _> = arrows.keys().map(|m| (m, reachable(arrows, m))).collect();
    let mut out = Vec::new();
    for (m, from_m) in &reach {
        let back = |w: &&&Module| reach.get(**w).is_some_and(|from_w| from_w.contains(m));
        let group: BTreeSet<Module> = from_m.iter().filter(back).map(|w| (*w).clone()).collect();
        if group.len() > 1 && !out.contains(&group) {
            out.push(group);
        }
    }
    out
}

fn reachable<'a>(arrows: &'a Arrows, start: &'a Module) -> BTreeSet<&'a Module> {
    let (mut seen, mut todo) = (BTreeSet::from([start]), vec![start]);
    while let Some(m) = todo.pop() {
        for next in arrows.get(m).into_iter().flatten() {
            if seen.insert(next) {
                todo.push(next);
            }
        }
    }
    seen
}

/// The checker itself, run over small throwaway `src/` folders.
mod self_test {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn check(files: &[(&str, &str)]) -> Vec<String> {
        static TREES: AtomicUsize = AtomicUsize::new(0);
        let n = TREES.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("quorum-layers-{}-{n}", std::process::id()));
        for (path, code) in files {
            fs::create_dir_all(dir.join(path).parent().unwrap()).unwrap();
            fs::write(dir.join(path), code).unwrap();
        }
        let found = problems(&dir, APP_LAYERS);
        fs::remove_dir_all(&dir).unwrap();
        found
    }

    #[test]
    fn catches_an_upward_use_from_ssr_to_ui() {
        let found = check(&[
            ("ssr/admin.rs", "use crate::domain::R; use crate::ui::x;"),
            ("domain.rs", ""),
            ("ui/x.rs", ""),
        ]);
        assert_eq!(found, ["upward: ssr::admin -> ui::x"]);
    }

    #[test]
    fn catches_a_cycle_of_two_files_through_super() {
        let found = check(&[
            ("ssr/a.rs", "use super::b::Thing;\n"),
            ("ssr/b.rs", "pub fn f() { super::a::g() }\n"),
        ]);
        let cycle = "cycle of 2 files: ssr::a -> ssr::b, ssr::b -> ssr::a";
        assert_eq!(found, [cycle]);
    }

    #[test]
    fn super_is_the_parent_of_the_module_not_of_the_file() {
        // From ssr/mod.rs `super::ui` is the crate's `ui`; from ssr/a.rs it is `ssr::ui`, which
        // has no file, so it names `ssr` itself: an ancestor, no arrow.
        let found = check(&[
            ("ssr/mod.rs", "use super::ui::Page;\n"),
            ("ssr/a.rs", "use super::ui::Page;\n"),
            ("ui.rs", ""),
        ]);
        assert_eq!(found, ["upward: ssr -> ui"]);
    }

    #[test]
    fn expands_nested_brace_trees() {
        let code = "use crate::{\n    error::E,\n    wire::{dto::{self, M}, P},\n};\n";
        let found = check(&[
            ("domain/rules.rs", code),
            ("error.rs", ""),
            ("wire/mod.rs", ""),
            ("wire/dto.rs", ""),
        ]);
        let wire = [
            "upward: domain::rules -> wire",
            "upward: domain::rules -> wire::dto",
        ];
        assert_eq!(found, wire);
    }

    #[test]
    fn ignores_comments_and_the_cfg_test_tail() {
        let code = "// use crate::ui::x;\n/// See crate::ui::x.\nuse crate::ssr::a::f; // itself\n\
                    pub fn f() {}\n\n#[cfg(test)]\nmod tests {\n    use crate::ui::x;\n}\n";
        assert!(check(&[("ssr/a.rs", code), ("ui/x.rs", "")]).is_empty());
        // The same tail without its `#[cfg(test)]` ships, and is caught.
        let shipped = code.replace("#[cfg(test)]", "");
        let found = check(&[("ssr/a.rs", &shipped), ("ui/x.rs", "")]);
        assert_eq!(found, ["upward: ssr::a -> ui::x"]);
    }
}

//! Rendering a 5,000-event feed: the demo calendar with 5,000 more meetings spread over its
//! sessions and venues (four time zones), a panel with panellists on every tenth.
//! Run with `cargo bench -p app --bench feeds`; results go in BENCHMARKS.md.

use app::domain::feeds::{self, FeedSelection};
use app::domain::*;
use chrono::Duration;
use criterion::{criterion_group, criterion_main, Criterion};

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn calendar(events: usize) -> Dataset {
    let mut data: Dataset = serde_json::from_str(include_str!("../data/demo.json")).unwrap();
    data.persons = (0..50)
        .map(|p| Person {
            id: id(&format!("person-{p}")),
            name: format!("Panellist {p}"),
            title: None,
            gender: Gender::Undisclosed,
            affiliation: Some(Affiliation::State("AT".into())),
            email: None,
        })
        .collect();
    let templates = data.meetings.clone();
    let existing = data.meetings.len();
    for i in 0..events - existing {
        let mut m = templates[i % templates.len()].clone();
        m.id = id(&format!("bench-{i}"));
        m.title = format!("{} — part {i}", m.title);
        m.start += Duration::days((i / templates.len()) as i64);
        m.end += Duration::days((i / templates.len()) as i64);
        if i % 10 == 0 {
            data.panels.push(Panel {
                id: id(&format!("bench-panel-{i}")),
                meeting: m.id.clone(),
                topic: format!(
                    "Panel discussion {i}, on asset recovery; with \"quotes\" and commas"
                ),
                workplan_entry: None,
                moderator: Some(id(&format!("person-{}", i % 50))),
                panellists: (1..4)
                    .map(|k| id(&format!("person-{}", (i + k) % 50)))
                    .collect(),
                planned_size: Some(4),
                notes: None,
                position: 1,
            });
        }
        data.meetings.push(m);
    }
    data
}

fn benches(c: &mut Criterion) {
    let data = calendar(5_000);
    let feed = feeds::build(&data, &FeedSelection::All, "https://quorum.example").unwrap();
    assert_eq!(feed.events.len(), 5_000);
    let bytes = feed.render().len();
    println!(
        "feed: {} events, {:.2} MB",
        feed.events.len(),
        bytes as f64 / 1e6
    );
    c.bench_function("feed/render/5000", |b| b.iter(|| feed.render()));
    c.bench_function("feed/build_and_render/5000", |b| {
        b.iter(|| {
            feeds::build(&data, &FeedSelection::All, "https://quorum.example")
                .unwrap()
                .render()
        });
    });
}

criterion_group!(feed_rendering, benches);
criterion_main!(feed_rendering);

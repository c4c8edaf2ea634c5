//! The conflict engine at scale: a synthetic calendar of 100,000 meetings with 300,000 person
//! assignments across 12 bodies and 8 venues in 8 time zones over eleven years.
//!
//! Measures (criterion): a full scan, checking one proposed change, and — on calendars small
//! enough for it — the brute-force reference, for the speed-up. Also prints the heap the
//! calendar holds, counted by a wrapping allocator. Run with
//! `cargo bench -p app --bench conflicts`; results go in BENCHMARKS.md.

use std::alloc::System;
use std::time::Instant;

use app::domain::conflicts::{reference, MeetingData, MeetingIndex};
use app::domain::*;
use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

/// Counts heap bytes, to report what the calendar holds (stats_alloc: the counting wrapper
/// needs `unsafe`, which Quorum's own code forbids).
#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const ZONES: [&str; 8] = [
    "Europe/Vienna",
    "America/New_York",
    "Europe/Zurich",
    "Africa/Nairobi",
    "Asia/Bangkok",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Santiago",
];
const FIRST_YEAR: i32 = 2020;
const YEARS: i32 = 11;

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// The bodies, venues, sessions (one per body and year) and persons the meetings draw on.
fn skeleton(persons: usize) -> Dataset {
    let mut data = Dataset::empty();
    data.bodies = (0..12)
        .map(|i| Body {
            code: BodyCode::parse(&format!("B{i}")).unwrap(),
            name: format!("Body {i}"),
            short_name: format!("Body {i}"),
            parent: None,
            open_to_all_states: i < 4,
            title_style: TitleStyle::SessionOf,
            position: i,
        })
        .collect();
    data.venues = ZONES
        .iter()
        .enumerate()
        .map(|(v, zone)| Venue {
            id: id(&format!("venue-{v}")),
            name: format!("Venue {v}"),
            city: format!("City {v}"),
            country: "AT".into(),
            time_zone: zone.to_string(),
            rooms: (0..6)
                .map(|r| Room {
                    id: id(&format!("venue-{v}-room-{r}")),
                    name: format!("Room {r}"),
                    capacity: 300,
                    interpretation_booths: 6,
                })
                .collect(),
            closures: (0..YEARS)
                .map(|y| {
                    let day = NaiveDate::from_ymd_opt(FIRST_YEAR + y, 12, 25).unwrap();
                    Closure {
                        start: day,
                        end: day + Duration::days(1),
                        reason: "Holiday".into(),
                    }
                })
                .collect(),
            interpretation_teams: 3,
            meeting_windows: vec![],
            illustrative: true,
        })
        .collect();
    data.sessions = (0..12)
        .flat_map(|b| (0..YEARS).map(move |y| (b, y)))
        .map(|(b, y)| Session {
            id: id(&format!("s-{b}-{y}")),
            body: BodyCode::parse(&format!("B{b}")).unwrap(),
            kind: SessionKind::Regular,
            number: Some(y as u32 + 1),
            resumed: None,
            subject: None,
            venue: None,
            format: SessionFormat::InPerson,
            dates: SessionDates::Days {
                start: NaiveDate::from_ymd_opt(FIRST_YEAR + y, 1, 1).unwrap(),
                end: NaiveDate::from_ymd_opt(FIRST_YEAR + y, 12, 31).unwrap(),
            },
            status: SessionStatus::Planned,
            languages: vec![],
            registration: None,
            illustrative: true,
            notes: None,
        })
        .collect();
    data.persons = (0..persons)
        .map(|p| Person {
            id: id(&format!("person-{p}")),
            name: format!("Person {p}"),
            title: None,
            gender: Gender::Undisclosed,
            affiliation: None,
            email: None,
        })
        .collect();
    data
}

/// A random meeting inside a meeting window of its venue: one body (one in ten joint with a
/// second), 1–3 hours, a room, interpretation for most, `persons_each` persons.
fn random_meeting(
    cal: &MeetingIndex,
    rng: &mut StdRng,
    index: usize,
    persons: usize,
    persons_each: usize,
) -> MeetingData {
    let venue = rng.random_range(0..ZONES.len());
    let tz: chrono_tz::Tz = ZONES[venue].parse().unwrap();
    let year = rng.random_range(0..YEARS);
    let day = NaiveDate::from_ymd_opt(FIRST_YEAR + year, 1, 1).unwrap()
        + Duration::days(rng.random_range(0..360));
    let (hour, minute) = if rng.random_bool(0.5) {
        (10, 0)
    } else {
        (15, 0)
    };
    let start_local = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap())
        + Duration::minutes(30 * rng.random_range(0..2));
    let start = tz
        .from_local_datetime(&start_local)
        .earliest()
        .unwrap()
        .timestamp();
    let body = rng.random_range(0..12u32);
    let mut sessions = vec![cal.session_index(&id(&format!("s-{body}-{year}"))).unwrap()];
    let mut bodies = 1u64 << body;
    if rng.random_bool(0.1) {
        let other = (body + 1 + rng.random_range(0..11)) % 12;
        sessions.push(
            cal.session_index(&id(&format!("s-{other}-{year}")))
                .unwrap(),
        );
        bodies |= 1 << other;
    }
    let mut people: Vec<u32> = (0..persons_each)
        .map(|_| rng.random_range(0..persons as u32))
        .collect();
    people.sort_unstable();
    people.dedup();
    while people.len() < persons_each {
        people.push(rng.random_range(0..persons as u32));
        people.sort_unstable();
        people.dedup();
    }
    MeetingData {
        id: id(&format!("m-{index}")),
        title: format!("Meeting {index}"),
        start,
        end: start + 60 * 60 * rng.random_range(1..=3),
        bodies,
        venue: venue as u32,
        room: cal
            .room_index(&id(&format!(
                "venue-{venue}-room-{}",
                rng.random_range(0..6)
            )))
            .unwrap(),
        interpretation: rng.random_bool(0.6),
        joint: bodies.count_ones() > 1,
        sessions,
        persons: people,
    }
}

/// A calendar of `meetings` meetings with three persons each.
fn synthetic(meetings: usize) -> MeetingIndex {
    let persons = (meetings / 5).max(10);
    let mut cal = MeetingIndex::build(&skeleton(persons)).unwrap();
    let mut rng = StdRng::seed_from_u64(2023);
    for i in 0..meetings {
        let m = random_meeting(&cal, &mut rng, i, persons, 3);
        cal.push_meeting(m);
    }
    cal.reindex();
    cal
}

/// Proposed changes: existing meetings moved to a random new time and place.
fn proposals(cal: &MeetingIndex, count: usize) -> Vec<MeetingData> {
    let mut rng = StdRng::seed_from_u64(7);
    let persons = cal.meeting_count() / 5;
    (0..count)
        .map(|_| {
            let mut moved = random_meeting(cal, &mut rng, 0, persons.max(10), 3);
            moved.id = id(&format!("m-{}", rng.random_range(0..cal.meeting_count())));
            moved
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let region = Region::new(ALLOCATOR);
    let full = synthetic(100_000);
    let change = region.change();
    let held = change.bytes_allocated as isize - change.bytes_deallocated as isize
        + change.bytes_reallocated;
    let assignments: usize = (0..full.meeting_count()).map(|_| 3).sum();
    let conflicts = full.scan().len();
    println!(
        "calendar: {} meetings, {assignments} person assignments, {conflicts} conflicts, heap held {:.1} MB",
        full.meeting_count(),
        held as f64 / 1e6
    );

    let mut group = c.benchmark_group("scan");
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("engine", 100_000), |b| {
        b.iter(|| full.scan());
    });
    for n in [2_000, 5_000] {
        let small = synthetic(n);
        group.bench_function(BenchmarkId::new("engine", n), |b| b.iter(|| small.scan()));
        group.bench_function(BenchmarkId::new("reference", n), |b| {
            b.iter(|| reference::scan(&small));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check");
    let moves = proposals(&full, 256);
    let mut i = 0;
    group.bench_function(BenchmarkId::new("engine", 100_000), |b| {
        b.iter(|| {
            i = (i + 1) % moves.len();
            full.check(&moves[i])
        });
    });
    let small = synthetic(5_000);
    let small_moves = proposals(&small, 64);
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("engine", 5_000), |b| {
        b.iter(|| {
            i = (i + 1) % small_moves.len();
            small.check(&small_moves[i])
        });
    });
    group.bench_function(BenchmarkId::new("reference", 5_000), |b| {
        b.iter(|| {
            i = (i + 1) % small_moves.len();
            reference::check(&small, &small_moves[i])
        });
    });
    group.finish();

    // The same comparison in one line, measured here in the same run.
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..3 {
            f();
        }
        start.elapsed().as_secs_f64() / 3.0
    };
    let engine = time(&|| drop(small.scan()));
    let brute = time(&|| drop(reference::scan(&small)));
    assert_eq!(
        small.scan(),
        reference::scan(&small),
        "engine and reference agree at 5,000 meetings"
    );
    println!(
        "speed-up of the full scan over the brute-force reference at 5,000 meetings: {:.0}×",
        brute / engine
    );
}

criterion_group!(conflict_engine, benches);
criterion_main!(conflict_engine);

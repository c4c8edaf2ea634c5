//! Broken imports: the demo dataset with one value replaced or removed somewhere in its tree.

use std::cell::{Cell, RefCell};

use proptest::prelude::*;
use serde_json::{json, Value};
use tests::{on_each_database, Backend, TestDatabase, TestServer};

use super::{block_on, runner};

/// Replaces (or removes) one value somewhere in `data`, following `turns` down the tree.
fn mutate(data: &mut Value, turns: &[usize], replacement: Value, remove: bool) {
    let Some((turn, rest)) = turns.split_first() else {
        *data = replacement;
        return;
    };
    let nested = |v: &Value| {
        matches!(v, Value::Object(m) if !m.is_empty())
            || matches!(v, Value::Array(a) if !a.is_empty())
    };
    match data {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(turn % map.len()).unwrap().clone();
            if rest.is_empty() || !nested(&map[&key]) {
                if remove {
                    map.remove(&key);
                } else {
                    map.insert(key, replacement);
                }
            } else {
                mutate(map.get_mut(&key).unwrap(), rest, replacement, remove);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let index = turn % items.len();
            if rest.is_empty() || !nested(&items[index]) {
                if remove {
                    items.remove(index);
                } else {
                    items[index] = replacement;
                }
            } else {
                mutate(&mut items[index], rest, replacement, remove);
            }
        }
        _ => *data = replacement,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_import_is_refused_whole_and_leaves_the_database_empty() {
    let demo = tests::demo_dataset();
    let total = Cell::new(0);
    let accepted = Cell::new(0);
    on_each_database(async |db| {
        let backend = db.backend();
        let empty_server = async |db: &TestDatabase| {
            let server = TestServer::start_with(db, &["--no-demo"]).await;
            let secretariat = server.secretariat().await;
            (server, secretariat)
        };
        // The database of the server now in use (none while it is the test's own), the server
        // and its secretariat.
        let first = empty_server(db).await;
        let state = RefCell::new((None, first.0, first.1));
        let replacement = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            ".{0,20}".prop_map(Value::from),
            Just(json!([])),
            Just(json!({})),
            Just(json!("9999-99-99")),
        ];
        let case = (
            prop::collection::vec(0usize..64, 1..5),
            replacement,
            any::<bool>(),
        );
        let cases = if backend == Backend::Sqlite { 64 } else { 32 };
        runner(cases)
            .run(&case, |(turns, replacement, remove)| {
                let mut data = demo.clone();
                mutate(&mut data, &turns, replacement, remove);
                // One case at a time on this thread: nothing else borrows the state meanwhile.
                #[allow(clippy::await_holding_refcell_ref)]
                let imported = block_on(async {
                    let (_, server, secretariat) = &*state.borrow();
                    let response = secretariat
                        .post(server.url("/api/import"))
                        .json(&data)
                        .send()
                        .await
                        .unwrap();
                    let status = response.status().as_u16();
                    let text = response.text().await.unwrap_or_default();
                    prop_assert!(
                        status < 500,
                        "{backend:?} import {turns:?}: {status} {text}"
                    );
                    if status >= 400 {
                        let (_, bodies) = tests::get_json(server, "/api/bodies").await;
                        prop_assert_eq!(bodies, json!([]), "{:?}: a refused import wrote", backend);
                    }
                    Ok(status < 300)
                })?;
                if imported {
                    // Still valid after the change: start again on an empty database.
                    let fresh = block_on(TestDatabase::new(backend));
                    let (server, secretariat) = block_on(empty_server(&fresh));
                    *state.borrow_mut() = (Some(fresh), server, secretariat);
                    accepted.set(accepted.get() + 1);
                }
                Ok(())
            })
            .unwrap();
        total.set(total.get() + cases);
    })
    .await;
    let total = total.get();
    println!("imports: {total} generated datasets ({} still valid and imported), none answered 5xx, no refused one wrote", accepted.get());
}

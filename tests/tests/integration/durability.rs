//! Durability: writers keep saving holidays, meeting edits and nominations while the server is
//! killed with SIGKILL; after a restart every write a client saw acknowledged is there, and
//! nothing is half-written (each change has its audit entry, each meeting's sequence counts its
//! audited changes) — on SQLite (WAL) and PostgreSQL.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Method, RequestBuilder};
use serde_json::{json, Value};
use tests::{add_closure, export_all, get_json, json_as, on_each_database, send_as, TestServer};

/// What the clients saw acknowledged.
#[derive(Default)]
struct Acknowledged {
    closures: Vec<String>,
    /// Meeting → the titles saved, in order.
    titles: BTreeMap<String, Vec<String>>,
    nominations: Vec<String>,
}

/// Spawns a writer that makes write 0, 1, 2, … until one is not acknowledged: from the kill on.
fn keep_writing<W, F>(write: W) -> tokio::task::JoinHandle<()>
where
    W: Fn(u64) -> F + Send + 'static,
    F: Future<Output = bool> + Send + 'static,
{
    tokio::spawn(async move {
        for i in 0.. {
            if !write(i).await {
                break;
            }
        }
    })
}

/// Whether a request was answered `status` in full: acknowledged.
async fn acknowledged(request: RequestBuilder, status: u16) -> bool {
    match request.send().await {
        Ok(response) => response.status() == status && response.bytes().await.is_ok(),
        Err(_) => false,
    }
}

#[tokio::test]
async fn acknowledged_writes_survive_a_sigkill_and_nothing_is_half_written() {
    on_each_database(async |db| {
        let backend = db.backend();
        let mut server = TestServer::start(db).await;
        let secretariat = server.secretariat().await;
        let bureau = server
            .bureau_member("bureau.durable@quorum.example", "IRG")
            .await;
        let austria = server
            .focal_point("focal.durable@quorum.example", "AT")
            .await;
        let call = json!({ "id": "call-durable", "note_verbale_date": "2026-11-01", "deadline": "2099-01-31", "panel": "business-integrity-1" });
        let (status, _) = send_as(&bureau, &server, Method::POST, "/api/calls", call).await;
        assert_eq!(status, 201);
        let (_, meetings) = get_json(&server, "/api/meetings").await;
        let editable: Vec<Value> = meetings
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| {
                m["id"]
                    .as_str()
                    .unwrap()
                    .starts_with("intersessional-2022-panel-")
            })
            .take(2)
            .cloned()
            .collect();
        let start_sequence: BTreeMap<String, i64> = editable
            .iter()
            .map(|m| {
                (
                    m["id"].as_str().unwrap().to_owned(),
                    m["sequence"].as_i64().unwrap_or(0),
                )
            })
            .collect();

        let seen = Arc::new(Mutex::new(Acknowledged::default()));
        let base = server.base_url.clone();
        let mut writers = Vec::new();
        // Holidays, each with its audit entry.
        for writer in 0..2u64 {
            let (client, base, seen) = (secretariat.clone(), base.clone(), seen.clone());
            writers.push(keep_writing(move |i| {
                let (client, base, seen) = (client.clone(), base.clone(), seen.clone());
                async move {
                    let n = writer * 1000 + i;
                    let reason = format!("Durability {n}");
                    let day = format!("2030-{:02}-{:02}", 1 + (n / 28) % 12, 1 + n % 28);
                    let added = add_closure(&client, &base, "sharm-el-sheikh", &day, &reason).await;
                    let done = matches!(added, Ok((200, outcome)) if outcome["done"].is_string());
                    if done {
                        seen.lock().unwrap().closures.push(reason);
                    }
                    done
                }
            }));
        }
        // Meeting edits: each writer renames its own meeting again and again.
        for meeting in editable.clone() {
            let (client, base, seen) = (secretariat.clone(), base.clone(), seen.clone());
            writers.push(keep_writing(move |i| {
                let (client, seen, mut changed) = (client.clone(), seen.clone(), meeting.clone());
                let id = meeting["id"].as_str().unwrap().to_owned();
                let title = format!("Panel, edit {i}");
                changed["title"] = title.clone().into();
                let request = client.put(format!("{base}/api/meetings/{id}")).json(&changed);
                async move {
                    let done = acknowledged(request, 200).await;
                    if done {
                        seen.lock().unwrap().titles.entry(id).or_default().push(title);
                    }
                    done
                }
            }));
        }
        // Nominations drafted by a focal point.
        {
            let (client, base, seen) = (austria.clone(), base.clone(), seen.clone());
            writers.push(keep_writing(move |i| {
                let id = format!("at-durable-{i}");
                let draft = json!({
                    "id": id, "call": "call-durable", "nominee_name": format!("Nominee {i}"),
                    "nominee_gender": "female", "justification": "Expert"
                });
                let request = client.post(format!("{base}/api/nominations")).json(&draft);
                let seen = seen.clone();
                async move {
                    let done = acknowledged(request, 201).await;
                    if done {
                        seen.lock().unwrap().nominations.push(id);
                    }
                    done
                }
            }));
        }

        // Kill the server mid-stream, once every writer has had writes acknowledged.
        for _ in 0..200 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let seen = seen.lock().unwrap();
            if seen.closures.len() >= 40 && seen.titles.len() == 2 && seen.nominations.len() >= 20 {
                break;
            }
        }
        server.kill();
        for writer in writers {
            writer.await.unwrap();
        }
        let seen = Arc::try_unwrap(seen).ok().unwrap().into_inner().unwrap();
        assert!(seen.closures.len() >= 40, "{backend:?}: the load ran");

        let server = TestServer::start(db).await;
        let secretariat = server.secretariat().await;
        let (status, export) = export_all(&server).await;
        assert_eq!(
            status, 200,
            "{backend:?}: the database reads whole after the kill"
        );

        // Every acknowledged holiday is there, each stored one with its audit entry.
        let stored: Vec<String> = export["venues"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|v| v["closures"].as_array().unwrap().iter())
            .filter_map(|c| c["reason"].as_str())
            .filter(|r| r.starts_with("Durability"))
            .map(str::to_owned)
            .collect();
        for reason in &seen.closures {
            assert!(
                stored.contains(reason),
                "{backend:?}: acknowledged {reason} lost"
            );
        }
        let audit = json_as(&secretariat, &server, "/api/audit").await;
        let audit = audit.as_array().unwrap();
        let audited_closures = audit
            .iter()
            .filter(|e| e["action"] == "venue closure added")
            .count();
        assert_eq!(
            audited_closures,
            stored.len(),
            "{backend:?}: a holiday without its audit entry"
        );

        // Each meeting holds its last acknowledged title or the one in flight at the kill, and its
        // sequence counts exactly the audited changes.
        let (_, meetings) = get_json(&server, "/api/meetings").await;
        for (id, titles) in &seen.titles {
            let meeting = meetings
                .as_array()
                .unwrap()
                .iter()
                .find(|m| &m["id"] == id)
                .unwrap();
            let title = meeting["title"].as_str().unwrap();
            let last = titles.last().unwrap();
            let next = format!("Panel, edit {}", titles.len());
            assert!(
                title == last || title == next,
                "{backend:?}: {id} is {title:?}, acknowledged {last:?}"
            );
            let changes = audit
                .iter()
                .filter(|e| {
                    e["action"] == "meeting changed" && e["record"] == format!("meeting {id}")
                })
                .count() as i64;
            assert_eq!(
                meeting["sequence"].as_i64().unwrap(),
                start_sequence[id] + changes,
                "{backend:?}: {id}'s sequence and its audited changes disagree"
            );
        }

        // Every acknowledged nomination is there.
        let nominations = json_as(&austria, &server, "/api/nominations").await;
        let ids: Vec<&str> = nominations
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n["id"].as_str())
            .collect();
        for id in &seen.nominations {
            assert!(
                ids.contains(&id.as_str()),
                "{backend:?}: acknowledged nomination {id} lost"
            );
        }
        println!(
            "{backend:?}: {} holidays, {} meeting edits, {} nominations acknowledged before SIGKILL",
            seen.closures.len(),
            seen.titles.values().map(Vec::len).sum::<usize>(),
            seen.nominations.len()
        );
    })
    .await;
}

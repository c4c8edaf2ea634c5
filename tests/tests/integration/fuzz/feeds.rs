//! Generated feed addresses, queries and caching headers.

use std::cell::Cell;

use proptest::prelude::*;
use tests::{http, on_each_backend};

use super::{block_on, runner};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feed_addresses_and_headers_never_break_the_server() {
    let total = Cell::new(0);
    on_each_backend(&[], async |server| {
        let backend = server.backend();
        let segment = prop_oneof![
            prop::sample::select(vec![
                "bodies",
                "sessions",
                "venues",
                "meetings",
                "private",
                "IRG",
                "irg-14",
                "vienna-vic",
                "all.ics",
                "IRG.ics",
                "deadlines.ics",
                ".ics",
                "..",
                "%2e%2e",
                "%FF",
                "%00"
            ])
            .prop_map(str::to_owned),
            "[A-Za-z0-9._~-]{0,24}",
            "(%[0-9A-F]{2}){1,6}",
        ];
        let case = (
            prop::collection::vec(segment, 0..4),
            prop::option::of("[a-z]{1,8}=[A-Za-z0-9%]{0,12}"),
            prop::option::of("[ -~]{0,40}"),
            prop::option::of(prop::sample::select(vec![
                "gzip", "br", "identity", "gzip;q=0", "*", "x",
            ])),
        );
        let cases = 128;
        runner(cases)
            .run(&case, |(segments, query, if_none_match, encoding)| {
                let mut path = format!("/feeds/{}", segments.join("/"));
                if let Some(query) = &query {
                    path.push('?');
                    path.push_str(query);
                }
                block_on(async {
                    let mut request = http().get(server.url(&path));
                    if let Some(tag) = &if_none_match {
                        request = request.header("if-none-match", tag.as_str());
                    }
                    if let Some(encoding) = encoding {
                        request = request.header("accept-encoding", encoding);
                    }
                    let response = request.send().await.unwrap();
                    let status = response.status().as_u16();
                    prop_assert!(status < 500, "{backend:?} GET {path}: {status}");
                    Ok(())
                })
            })
            .unwrap();
        total.set(total.get() + cases);
    })
    .await;
    let total = total.get();
    println!("feed addresses: {total} generated requests, none answered 5xx");
}

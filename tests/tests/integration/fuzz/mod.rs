//! Bad input, generated: proptest drives the real server over HTTP with broken imports, random
//! values in every form and server function, and random feed addresses. Whatever comes in, the
//! server answers without a 5xx, and a refused request writes nothing (the import leaves the
//! database empty; a refused form leaves the audit log, which every write extends, as it was).
//! Each test prints how many cases ran.

mod feeds;
mod imports;
mod server_functions;

use proptest::test_runner::{Config, TestRunner};

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Runs a generated case's requests to their end from inside proptest's runner, which is not
/// async, on the test's own (multi-threaded) runtime.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let runtime = tokio::runtime::Handle::current();
    tokio::task::block_in_place(|| runtime.block_on(future))
}

//! Integration tests over HTTP: each starts the real `quorum` binary on a random port against a
//! fresh database, SQLite and PostgreSQL alike. One test binary, one module per area; run one
//! area with `cargo test -p tests --test integration nominations::`.

mod access;
mod accounts;
mod authorization;
mod backup;
mod bounds;
mod confidentiality;
mod conflicts;
mod data;
mod deploy;
mod durability;
mod feeds;
mod foundation;
mod fresh_reads;
mod fuzz;
mod may_i_save;
mod nominations;
mod plain_words;
mod planning;
mod scale_out;
mod security;
mod static_assets;

//! One module per table, written to match the migrations.
pub mod body;

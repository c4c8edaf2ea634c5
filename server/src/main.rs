//! The `quorum` command: parse the command line, set up logging, run the chosen command.
#![recursion_limit = "256"]

use std::process::ExitCode;

use clap::Parser;
use server::config::Cli;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            // One line, as scripts and people expect: "error: unexpected argument '--x' found".
            let rendered = err.render().to_string();
            eprintln!(
                "quorum: {}",
                rendered.lines().next().unwrap_or("invalid arguments")
            );
            return ExitCode::from(2);
        }
    };
    if let Err(message) = init_logging(&cli) {
        eprintln!("quorum: {message}");
        return ExitCode::from(2);
    }
    match server::run(cli.command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "quorum stopped");
            eprintln!("quorum: {err}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(cli: &Cli) -> Result<(), String> {
    let filter = EnvFilter::try_new(&cli.log_level)
        .map_err(|e| format!("invalid log level {:?}: {e}", cli.log_level))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if cli.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
    Ok(())
}

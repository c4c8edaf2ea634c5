//! The axum host of Quorum. `main.rs` only parses the command line; everything else is here so
//! that tests and tools can build the same application.
#![recursion_limit = "256"]

/// Who may call each route and server function.
pub mod access;
/// Command line and environment: every option, documented.
pub mod config;
/// Opening the database and applying migrations.
pub mod database;
/// Quorum's errors as HTTP answers.
pub mod error;
/// Rendered feeds of the current data version.
pub mod feed_cache;
/// Forms sent without JavaScript, answered with the page they came from.
pub mod plain_forms;
/// Plain axum routes (health, JSON API), one `router()` per module.
pub mod routes;
/// The signed-in user of a request.
pub mod signed_in;
/// Building the application from its configuration; tests start it on port 0.
pub mod startup;
/// What every handler may need.
pub mod state;

use std::io::Write;

use config::{Command, ServeArgs};

/// Why a command failed, in words for the person who ran it.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("{0}")]
    Quorum(#[from] app::error::QuorumError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs one command of the `quorum` command line.
pub async fn run(command: Command) -> Result<(), RunError> {
    match command {
        Command::Serve(args) => serve(args).await,
        Command::Migrate(args) => {
            database::connect_and_migrate(&args.database_url).await?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Export(args) => {
            let db = database::connect_and_migrate(&args.database_url).await?;
            let data = app::ssr::dataset::export(&db).await?;
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &data).map_err(std::io::Error::other)?;
            writeln!(out)?;
            Ok(())
        }
        Command::Backup(args) => {
            let db = database::connect_and_migrate(&args.database.database_url).await?;
            let backup = app::ssr::backup::take(&db).await?;
            let partial = args.file.with_extension("partial");
            let write = || -> std::io::Result<()> {
                let mut out = std::io::BufWriter::new(std::fs::File::create(&partial)?);
                serde_json::to_writer(&mut out, &backup).map_err(std::io::Error::other)?;
                out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&partial, &args.file)
            };
            write().map_err(|e| {
                let _ = std::fs::remove_file(&partial);
                std::io::Error::new(e.kind(), format!("{}: {e}", args.file.display()))
            })?;
            println!(
                "backup written to {}: {:?}",
                args.file.display(),
                backup.counts()
            );
            Ok(())
        }
        Command::Restore(args) => {
            let json = std::fs::read_to_string(&args.file).map_err(|e| {
                std::io::Error::new(e.kind(), format!("{}: {e}", args.file.display()))
            })?;
            let backup = app::ssr::backup::parse(&json)?;
            let db = database::connect_and_migrate(&args.database.database_url).await?;
            app::ssr::backup::restore(&db, &backup, args.replace).await?;
            println!("restored {}: {:?}", args.file.display(), backup.counts());
            Ok(())
        }
        Command::Import(args) => {
            let json = std::fs::read_to_string(&args.file).map_err(|e| {
                std::io::Error::new(e.kind(), format!("{}: {e}", args.file.display()))
            })?;
            let data = app::ssr::dataset::parse(&json)?;
            let db = database::connect_and_migrate(&args.database.database_url).await?;
            if let Err(err) = app::ssr::dataset::import(&db, &data).await {
                for line in err.all() {
                    eprintln!("{}: {line}", args.file.display());
                }
                return Err(err.into());
            }
            tracing::info!(counts = ?data.counts(), "imported");
            Ok(())
        }
        Command::User(config::UserCommand::Add(args)) => {
            use app::domain::account::Role;
            use app::error::QuorumError;
            let password = match std::env::var("QUORUM_NEW_PASSWORD") {
                Ok(password) => password,
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let new = app::ssr::accounts::NewAccount {
                email: args.email.clone(),
                name: args.name.clone(),
                password,
                role: Role::parse(&args.role)
                    .map_err(|why| QuorumError::invalid("account", "role", why))?,
                body: args
                    .body
                    .as_deref()
                    .map(app::domain::BodyCode::parse)
                    .transpose()
                    .map_err(|why| QuorumError::invalid("account", "body", why))?,
                state: args.state.clone(),
                organisation: args
                    .organisation
                    .as_deref()
                    .map(app::domain::Id::parse)
                    .transpose()
                    .map_err(|why| QuorumError::invalid("account", "organisation", why))?,
                person: args
                    .person
                    .as_deref()
                    .map(app::domain::Id::parse)
                    .transpose()
                    .map_err(|why| QuorumError::invalid("account", "person", why))?,
            };
            let db = database::connect_and_migrate(&args.database.database_url).await?;
            let account = app::ssr::accounts::create(&db, &new).await?;
            println!("created {} ({})", account.email, account.role);
            Ok(())
        }
        Command::FeedToken(args) => {
            use app::ssr::feeds::{rotate_token, PrivateSubject};
            let subject = match (&args.subject.person, &args.subject.state) {
                (Some(person), _) => {
                    PrivateSubject::Person(app::domain::Id::parse(person).map_err(|why| {
                        app::error::QuorumError::invalid("feed token", "person", why)
                    })?)
                }
                (None, Some(state)) => PrivateSubject::State(state.clone()),
                (None, None) => unreachable!("clap requires one of --person and --state"),
            };
            let db = database::connect_and_migrate(&args.database.database_url).await?;
            let token = rotate_token(&db, "command line (quorum feed-token)", &subject).await?;
            let url = format!("{}/feeds/private/{token}.ics", args.base_url);
            println!("{url}");
            println!(
                "{}",
                url.replacen("https://", "webcal://", 1)
                    .replacen("http://", "webcal://", 1)
            );
            Ok(())
        }
    }
}

/// The base URL links and the origin check use: the configured one, or the address listened
/// on. An address open to every interface names no host a subscriber could use, so it is
/// said that `--base-url` should be given.
fn public_base_url(configured: Option<&str>, addr: std::net::SocketAddr) -> String {
    if let Some(base) = configured {
        return base.to_owned();
    }
    if addr.ip().is_unspecified() {
        tracing::warn!(
            %addr,
            "no --base-url given: links in feeds and pages name {addr}, which subscribers elsewhere cannot reach; set --base-url to the public address"
        );
    }
    format!("http://{addr}")
}

async fn serve(args: ServeArgs) -> Result<(), RunError> {
    let db = database::connect_and_migrate(&args.database.database_url).await?;
    if !args.no_demo && app::ssr::demo::load_demo_if_empty(&db).await? {
        tracing::info!("empty database: demo dataset loaded");
    }
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let addr = listener.local_addr()?;
    // Pages reuse a read of the data version within the same bound as feeds.
    app::ssr::data_version::set_read_staleness(std::time::Duration::from_millis(
        args.feed_staleness_ms,
    ));
    let state = state::AppState {
        leptos_options: startup::leptos_options(&args.site_root, addr),
        db,
        site: app::ssr::PublicBaseUrl(public_base_url(args.base_url.as_deref(), addr)),
        feed_cache: Default::default(),
        feed_staleness: std::time::Duration::from_millis(args.feed_staleness_ms),
        sign_in_seconds: args.sign_in_seconds,
        request_timeout: std::time::Duration::from_secs(args.request_timeout_secs),
    };
    let app = startup::build_router(state);
    tracing::info!(%addr, site_root = %args.site_root.display(), "serving Quorum");
    // Tests and scripts read this line to learn the port chosen for port 0.
    println!("quorum listening on http://{addr}");
    std::io::stdout().flush()?;
    serve_connections(
        listener,
        app,
        std::time::Duration::from_secs(args.request_timeout_secs),
    )
    .await;
    Ok(())
}

/// Accepts connections until a shutdown signal, then lets open requests finish. Written over
/// hyper rather than `axum::serve` for one thing axum does not offer: a client must send a
/// request's headers within `header_timeout`, so connections that trickle bytes (slowloris)
/// are closed instead of being held open for ever.
async fn serve_connections(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    header_timeout: std::time::Duration,
) {
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    let mut connections = tokio::task::JoinSet::new();
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of descriptors and the like: pause rather than spin.
                    tracing::warn!("accept failed: {err}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // No Nagle delay: a response written in parts (headers, then a file's body) would
        // otherwise wait for the client's delayed acknowledgement, about 40 ms.
        if let Err(err) = stream.set_nodelay(true) {
            tracing::debug!("TCP_NODELAY not set: {err}");
        }
        // Handlers learn the client's address as with `axum::serve`: `ConnectInfo<SocketAddr>`
        // (the login throttle keys on it).
        let service = tower::Layer::layer(
            &axum::Extension(axum::extract::ConnectInfo(peer)),
            app.clone(),
        );
        let service = hyper_util::service::TowerToHyperService::new(service);
        let mut stopped = stopped.clone();
        connections.spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .with_upgrades();
            tokio::pin!(connection);
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(err) = result {
                        tracing::debug!("connection ended: {err}");
                    }
                }
                _ = stopped.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
        // Forget the connections that have ended.
        while connections.try_join_next().is_some() {}
    }
    // Requests under way may finish; a connection that stays open past the grace period (an
    // idle client, a slow one) is closed.
    let _ = stop.send(true);
    let drained = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(SHUTDOWN_GRACE, drained).await.is_err() {
        tracing::info!("closing connections still open after the grace period");
        connections.abort_all();
    }
}

/// How long requests under way may take to finish once a shutdown is asked for.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut sig) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            sig.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}

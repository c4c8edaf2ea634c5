//! The files under `/pkg/` (bundle, loader, stylesheet) carry a hash of their content in their
//! names (`quorum.<hash>.css`), given by the site's hash file; pages name them so, and browsers
//! may keep them for a year unchanged. They are sent compressed where the build left a brotli
//! or gzip copy beside them (`scripts/release-build.sh` does), in the encoding the client
//! accepts, and marked so that caches keep one copy per encoding. Any other name is kept a
//! short while at most, and a server given a site without its hashes refuses to start.

use std::io::Write;
use std::time::Duration;

use tests::scenarios::header;
use tests::{http, quorum_command, site_root, Backend, TestDatabase, TestServer};

const A_YEAR: &str = "public, max-age=31536000, immutable";
const FIVE_MINUTES: &str = "public, max-age=300";

struct Answer {
    status: u16,
    encoding: Option<String>,
    content_type: String,
    vary: String,
    caching: String,
    body: Vec<u8>,
}

async fn get(server: &TestServer, path: &str, accept_encoding: Option<&str>) -> Answer {
    let mut request = http().get(server.url(path));
    if let Some(accepted) = accept_encoding {
        request = request.header("accept-encoding", accepted);
    }
    let response = request.send().await.unwrap();
    let encoding = Some(header(&response, "content-encoding")).filter(|e| !e.is_empty());
    Answer {
        status: response.status().as_u16(),
        encoding,
        content_type: header(&response, "content-type"),
        vary: header(&response, "vary"),
        caching: header(&response, "cache-control"),
        body: response.bytes().await.unwrap().to_vec(),
    }
}

/// The hashes the test site's hash file gives (any letters, digits, '-' and '_' will do).
const CSS_HASH: &str = "Hc2s-stylesheet_0001";
const JS_HASH: &str = "Hj5-loader_000000002";
const WASM_HASH: &str = "Hw4sm-bundle_0000003";

/// A built site as the release build leaves it: the files named by their hashes, which
/// hash.txt gives; the stylesheet with a gzip and a brotli copy beside it, the loader without.
struct Site {
    dir: tempfile::TempDir,
    css: Vec<u8>,
    gzipped: Vec<u8>,
    brotli: Vec<u8>,
    js: Vec<u8>,
}

impl Site {
    fn built() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let pkg = dir.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        let css = b"body { color: #1b1f24; }\n".repeat(40);
        let css_file = pkg.join(format!("quorum.{CSS_HASH}.css"));
        std::fs::write(&css_file, &css).unwrap();
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&css).unwrap();
        let gzipped = gzip.finish().unwrap();
        std::fs::write(css_file.with_extension("css.gz"), &gzipped).unwrap();
        // The server sends the copy as it is: its bytes need not be real brotli for this test.
        let brotli = b"brotli copy of the stylesheet".to_vec();
        std::fs::write(css_file.with_extension("css.br"), &brotli).unwrap();
        let js = b"export default function init() {}\n".to_vec();
        std::fs::write(pkg.join(format!("quorum.{JS_HASH}.js")), &js).unwrap();
        std::fs::write(
            pkg.join(format!("quorum.{WASM_HASH}.wasm")),
            b"\0asm\x01\0\0\0",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("hash.txt"),
            format!("js: {JS_HASH}\nwasm: {WASM_HASH}\ncss: {CSS_HASH}\n"),
        )
        .unwrap();
        Site {
            dir,
            css,
            gzipped,
            brotli,
            js,
        }
    }

    fn site_root(&self) -> String {
        self.dir.path().display().to_string()
    }

    async fn serve(&self, db: &TestDatabase) -> TestServer {
        TestServer::start_with(db, &["--site-root", &self.site_root()]).await
    }
}

#[tokio::test]
async fn pages_name_the_files_by_their_hashes() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    let page = get(&server, "/", None).await;
    assert_eq!(page.status, 200);
    let html = String::from_utf8(page.body).unwrap();
    for name in [
        format!("/pkg/quorum.{CSS_HASH}.css"),
        format!("/pkg/quorum.{JS_HASH}.js"),
        format!("/pkg/quorum.{WASM_HASH}.wasm"),
    ] {
        assert!(html.contains(&name), "the page does not name {name}");
    }
    for plain in ["/pkg/quorum.css", "/pkg/quorum.js", "/pkg/quorum.wasm"] {
        assert!(!html.contains(plain), "the page names {plain}");
    }
}

#[tokio::test]
async fn hashed_files_are_kept_a_year_and_sent_in_the_compressed_copy_the_client_accepts() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    let path = format!("/pkg/quorum.{CSS_HASH}.css");
    for (accepted, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), &site.brotli),
        (Some("gzip"), Some("gzip"), &site.gzipped),
        (Some("br;q=0.5, gzip"), Some("gzip"), &site.gzipped),
        (None, None, &site.css),
    ] {
        let answer = get(&server, &path, accepted).await;
        assert_eq!(answer.status, 200, "{accepted:?}");
        assert_eq!(answer.encoding.as_deref(), encoding, "{accepted:?}");
        assert_eq!(&answer.body, body, "{accepted:?}");
        assert!(
            answer.content_type.starts_with("text/css"),
            "{accepted:?}: {}",
            answer.content_type
        );
        assert_eq!(
            answer.vary.to_ascii_lowercase(),
            "accept-encoding",
            "{accepted:?}"
        );
        assert_eq!(answer.caching, A_YEAR, "{accepted:?}");
    }
}

#[tokio::test]
async fn a_pkg_file_without_a_compressed_copy_is_sent_as_it_is() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    // Whatever the client accepts.
    let answer = get(
        &server,
        &format!("/pkg/quorum.{JS_HASH}.js"),
        Some("gzip, br"),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.encoding, None);
    assert_eq!(answer.body, site.js);
    assert_eq!(answer.caching, A_YEAR);
}

#[tokio::test]
async fn a_hashed_file_asked_again_is_not_modified_and_still_kept_a_year() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    let url = server.url(&format!("/pkg/quorum.{CSS_HASH}.css"));
    let first = http().get(&url).send().await.unwrap();
    let modified = header(&first, "last-modified");
    assert!(!modified.is_empty());
    let again = http()
        .get(&url)
        .header("if-modified-since", &modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    assert_eq!(header(&again, "cache-control"), A_YEAR);
}

#[tokio::test]
async fn a_wrong_name_is_not_found_and_not_kept() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    for path in [
        // A hash of another build.
        "/pkg/quorum.AAAAAAAAAAAAAAAAAAAAAA.css".to_owned(),
        // The stylesheet's hash on the loader.
        format!("/pkg/quorum.{CSS_HASH}.js"),
        "/pkg/nothing.css".to_owned(),
    ] {
        let answer = get(&server, &path, Some("gzip, br")).await;
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(answer.caching, "no-store", "{path}");
    }
}

#[tokio::test]
async fn the_plain_names_answer_the_current_files_for_five_minutes() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    let css = get(&server, "/pkg/quorum.css", Some("gzip")).await;
    assert_eq!(css.status, 200);
    assert_eq!(css.encoding.as_deref(), Some("gzip"));
    assert_eq!(css.body, site.gzipped);
    assert_eq!(css.caching, FIVE_MINUTES);
    assert_eq!(css.vary.to_ascii_lowercase(), "accept-encoding");
    let js = get(&server, "/pkg/quorum.js", None).await;
    assert_eq!(js.status, 200);
    assert_eq!(js.body, site.js);
    assert_eq!(js.caching, FIVE_MINUTES);
}

/// Runs `quorum serve` on `site_root` and returns its exit status and what it wrote to stderr,
/// expecting it to stop by itself.
async fn refused(site_root: &str) -> (std::process::ExitStatus, String) {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let mut command = tokio::process::Command::from(quorum_command());
    command
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url", &db.url])
        .args(["--site-root", site_root])
        .kill_on_drop(true);
    let output = tokio::time::timeout(Duration::from_secs(60), command.output())
        .await
        .expect("quorum kept running on a site without its hashes")
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("listening"), "{stdout}");
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into(),
    )
}

#[tokio::test]
async fn a_site_without_its_hash_file_is_refused_at_start() {
    let site = Site::built();
    std::fs::remove_file(site.dir.path().join("hash.txt")).unwrap();
    let (status, stderr) = refused(&site.site_root()).await;
    assert!(!status.success());
    assert!(
        stderr.contains(&format!("the site {} has no hash.txt", site.site_root())),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_hash_file_naming_files_the_site_lacks_is_refused_at_start() {
    let site = Site::built();
    std::fs::remove_file(site.dir.path().join(format!("pkg/quorum.{WASM_HASH}.wasm"))).unwrap();
    let (status, stderr) = refused(&site.site_root()).await;
    assert!(!status.success());
    assert!(
        stderr.contains(&format!(
            "names pkg/quorum.{WASM_HASH}.wasm, which the site"
        )),
        "{stderr}"
    );
}

/// The `/pkg/` addresses a page names, in order of appearance.
fn pkg_addresses(html: &str) -> Vec<String> {
    html.match_indices("/pkg/")
        .map(|(at, _)| {
            let rest = &html[at..];
            let end = rest.find(['"', '\'', ' ', '<', '>']).unwrap_or(rest.len());
            rest[..end].to_owned()
        })
        .collect()
}

/// The site the build made (`cargo leptos build`'s, or the release site when LEPTOS_SITE_ROOT
/// names it): its pages name the stylesheet, the loader and the bundle by their hashes, and
/// each answers, kept a year.
#[tokio::test]
async fn the_built_site_is_served_by_its_hashed_names() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(&db).await;
    let page = get(&server, "/", None).await;
    let html = String::from_utf8(page.body).unwrap();
    let addresses = pkg_addresses(&html);
    for (kind, content_type) in [
        ("css", "text/css"),
        ("js", "javascript"),
        ("wasm", "application/wasm"),
    ] {
        let named: Vec<&String> = addresses
            .iter()
            .filter(|a| a.ends_with(&format!(".{kind}")))
            .collect();
        assert!(
            !named.is_empty(),
            "{kind}: the page names none: {addresses:?}"
        );
        for address in named {
            assert_ne!(*address, format!("/pkg/quorum.{kind}"), "a plain name");
            let answer = get(&server, address, Some("gzip, deflate, br")).await;
            assert_eq!(answer.status, 200, "{address} in {}", site_root().display());
            assert!(
                answer.content_type.contains(content_type),
                "{address}: {}",
                answer.content_type
            );
            assert_eq!(answer.caching, A_YEAR, "{address}");
        }
    }
}

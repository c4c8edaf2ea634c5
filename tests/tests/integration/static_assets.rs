//! The files under `/pkg/` (bundle, loader, stylesheet) are sent compressed where the build left
//! a brotli or gzip copy beside them (`scripts/release-build.sh` does), in the encoding the
//! client accepts, and marked so that caches keep one copy per encoding.

use std::io::Write;

use tests::{http, Backend, TestDatabase, TestServer};

struct Answer {
    status: u16,
    encoding: Option<String>,
    content_type: String,
    vary: String,
    body: Vec<u8>,
}

async fn get(server: &TestServer, path: &str, accept_encoding: Option<&str>) -> Answer {
    let mut request = http().get(server.url(path));
    if let Some(accepted) = accept_encoding {
        request = request.header("accept-encoding", accepted);
    }
    let response = request.send().await.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    Answer {
        status: response.status().as_u16(),
        encoding: header("content-encoding"),
        content_type: header("content-type").unwrap_or_default(),
        vary: header("vary").unwrap_or_default(),
        body: response.bytes().await.unwrap().to_vec(),
    }
}

#[tokio::test]
async fn pkg_files_are_sent_in_the_compressed_copy_the_client_accepts() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    let css = b"body { color: #1b1f24; }\n".repeat(40);
    std::fs::write(pkg.join("quorum.css"), &css).unwrap();
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&css).unwrap();
    let gzipped = gzip.finish().unwrap();
    std::fs::write(pkg.join("quorum.css.gz"), &gzipped).unwrap();
    // The server sends the copy as it is: its bytes need not be real brotli for this test.
    let brotli = b"brotli copy of quorum.css".to_vec();
    std::fs::write(pkg.join("quorum.css.br"), &brotli).unwrap();
    let js = b"export default function init() {}\n".to_vec();
    std::fs::write(pkg.join("quorum.js"), &js).unwrap();

    let db = TestDatabase::new(Backend::Sqlite).await;
    let site_root = site.path().display().to_string();
    let server = TestServer::start_with(&db, &["--site-root", &site_root]).await;

    for (accepted, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), &brotli),
        (Some("gzip"), Some("gzip"), &gzipped),
        (Some("br;q=0.5, gzip"), Some("gzip"), &gzipped),
        (None, None, &css),
    ] {
        let answer = get(&server, "/pkg/quorum.css", accepted).await;
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
    }
    // Without a compressed copy the file itself is sent, whatever the client accepts.
    let answer = get(&server, "/pkg/quorum.js", Some("gzip, br")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.encoding, None);
    assert_eq!(answer.body, js);
}

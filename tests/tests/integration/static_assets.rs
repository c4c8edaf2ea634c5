//! The files under `/pkg/` (bundle, loader, stylesheet) are sent compressed where the build left
//! a brotli or gzip copy beside them (`scripts/release-build.sh` does), in the encoding the
//! client accepts, and marked so that caches keep one copy per encoding.

use std::io::Write;

use tests::scenarios::header;
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
    let encoding = Some(header(&response, "content-encoding")).filter(|e| !e.is_empty());
    Answer {
        status: response.status().as_u16(),
        encoding,
        content_type: header(&response, "content-type"),
        vary: header(&response, "vary"),
        body: response.bytes().await.unwrap().to_vec(),
    }
}

/// A built site as the release build leaves it: the stylesheet with a gzip and a brotli copy
/// beside it, the loader without.
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
        Site {
            dir,
            css,
            gzipped,
            brotli,
            js,
        }
    }

    async fn serve(&self, db: &TestDatabase) -> TestServer {
        let site_root = self.dir.path().display().to_string();
        TestServer::start_with(db, &["--site-root", &site_root]).await
    }
}

#[tokio::test]
async fn pkg_files_are_sent_in_the_compressed_copy_the_client_accepts() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    for (accepted, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), &site.brotli),
        (Some("gzip"), Some("gzip"), &site.gzipped),
        (Some("br;q=0.5, gzip"), Some("gzip"), &site.gzipped),
        (None, None, &site.css),
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
}

#[tokio::test]
async fn a_pkg_file_without_a_compressed_copy_is_sent_as_it_is() {
    let site = Site::built();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let server = site.serve(&db).await;
    // Whatever the client accepts.
    let answer = get(&server, "/pkg/quorum.js", Some("gzip, br")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.encoding, None);
    assert_eq!(answer.body, site.js);
}

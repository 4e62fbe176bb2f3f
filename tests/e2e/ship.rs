//! Shipping: the background look for a new version (a local release server
//! announces one; the notice offers it; a wrongly signed download is refused),
//! and the installed Debian package (`cargo xtask test` bundles it first).

use crate::harness::{App, Launch};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The release server stops by itself after this long.
const SERVER_LIFETIME: Duration = Duration::from_secs(120);

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A tiny HTTP server on loopback answering fixed files by path, counting
/// requests; stops when dropped.
struct ReleaseServer {
    port: u16,
    stop: Arc<AtomicBool>,
    requests: Arc<AtomicUsize>,
}

impl ReleaseServer {
    fn start(files: Vec<(String, Vec<u8>)>) -> ReleaseServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().expect("addr").port();
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(AtomicUsize::new(0));
        let (stop2, requests2) = (Arc::clone(&stop), Arc::clone(&requests));
        std::thread::spawn(move || {
            let started = Instant::now();
            while !stop2.load(Ordering::SeqCst) && started.elapsed() < SERVER_LIFETIME {
                let Ok((stream, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                };
                requests2.fetch_add(1, Ordering::SeqCst);
                let _ = stream.set_nonblocking(false);
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).map_or(true, |n| n == 0)
                        || header.trim().is_empty()
                    {
                        break;
                    }
                }
                let found = files.iter().find(|(p, _)| *p == path);
                let mut out = &stream;
                let _ = match found {
                    Some((_, body)) => write!(
                        out,
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .and_then(|()| out.write_all(body)),
                    None => write!(
                        out,
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    ),
                };
            }
        });
        ReleaseServer {
            port,
            stop,
            requests,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for ReleaseServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Signs `file` with a throwaway key (not Galley's): a well-formed signature
/// that the app must still refuse.
fn sign_with_another_key(dir: &Path, file: &Path) -> String {
    let tauri = project_root().join("ui/node_modules/.bin/tauri");
    let key = dir.join("other.key");
    let made = Command::new(&tauri)
        .args(["signer", "generate", "--ci", "-p", "", "-w"])
        .arg(&key)
        .output()
        .expect("the tauri CLI runs (npm ci in ui/)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let signed = Command::new(&tauri)
        .args(["signer", "sign", "-p", "", "-f"])
        .arg(&key)
        .arg(file)
        .env_remove("TAURI_SIGNING_PRIVATE_KEY")
        .output()
        .expect("tauri signer sign");
    assert!(
        signed.status.success(),
        "{}",
        String::from_utf8_lossy(&signed.stderr)
    );
    let mut sig = file.as_os_str().to_owned();
    sig.push(".sig");
    std::fs::read_to_string(sig).expect("signature file")
}

#[tokio::test]
async fn a_new_version_is_offered_and_a_wrong_signature_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let package = dir.path().join("galley_99.0.0_amd64.deb");
    std::fs::write(&package, b"not really a package").expect("write");
    let signature = sign_with_another_key(dir.path(), &package);
    // The server's address is only known once it runs: serve the manifest
    // from a second server that points at the first.
    let download = ReleaseServer::start(vec![(
        "/galley.deb".to_owned(),
        std::fs::read(&package).expect("read"),
    )]);
    let manifest = serde_json::json!({
        "version": "99.0.0",
        "notes": "Faster previews.",
        "pub_date": "2026-11-25T00:00:00Z",
        "platforms": {
            "linux-x86_64": { "url": download.url("/galley.deb"), "signature": signature }
        }
    });
    let releases = ReleaseServer::start(vec![(
        "/latest.json".to_owned(),
        manifest.to_string().into_bytes(),
    )]);
    let endpoint = releases.url("/latest.json");
    let app = App::launch_with_env(
        Launch::default(),
        &[("GALLEY_UPDATE_ENDPOINT", endpoint.as_str())],
    )
    .await;
    let notice = app.text_of("[data-testid='update-notice']").await;
    assert!(notice.contains("99.0.0"), "{notice}");
    assert!(releases.requests.load(Ordering::SeqCst) >= 1);
    // Non-modal: the editor keeps working while it is shown.
    app.click("[data-path='_engagements/aida.md']").await;
    app.find("input[data-field='title']").await;
    app.screenshot("98-update-offered").await;

    app.click("[data-testid='update-install']").await;
    let error = app.text_of("[data-testid='error']").await;
    assert!(error.contains("could not be installed"), "{error}");
    assert!(
        download.requests.load(Ordering::SeqCst) >= 1,
        "the package was downloaded, then refused"
    );
    app.screenshot("99-update-refused").await;
    app.stop().await;
}

/// Removes the package again, even when the test fails.
struct Installed;

impl Drop for Installed {
    fn drop(&mut self) {
        let _ = Command::new("dpkg").args(["-r", "galley"]).status();
    }
}

#[tokio::test]
#[ignore = "needs a .deb and root: `cargo xtask test` bundles the debug build and runs this"]
async fn installed_package_starts_and_shows_the_site() {
    let deb = std::env::var("GALLEY_DEB")
        .expect("GALLEY_DEB names the .deb to install (cargo xtask test sets it)");
    let installed = Command::new("dpkg")
        .args(["-i", &deb])
        .output()
        .expect("dpkg runs");
    assert!(
        installed.status.success(),
        "dpkg -i {deb} (needs root): {}",
        String::from_utf8_lossy(&installed.stderr)
    );
    let _installed = Installed;
    let status = Command::new("dpkg-query")
        .args(["-W", "-f=${Status} ${Version}", "galley"])
        .output()
        .expect("dpkg-query");
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        format!("install ok installed {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(Path::new("/usr/bin/galley-desktop").is_file());
    let desktop =
        std::fs::read_to_string("/usr/share/applications/Galley.desktop").expect("the menu entry");
    for line in [
        "Name=Galley",
        "Exec=galley-desktop",
        "Icon=galley-desktop",
        "Categories=Office;TextEditor;",
    ] {
        assert!(desktop.lines().any(|l| l == line), "{line} in:\n{desktop}");
    }
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let icon = format!("/usr/share/icons/hicolor/{size}x{size}/apps/galley-desktop.png");
        let bytes = std::fs::read(&icon).unwrap_or_else(|e| panic!("{icon}: {e}"));
        // PNG header: width and height are big-endian u32 at 16 and 20.
        let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        assert_eq!(width, size, "{icon}");
    }

    let app = App::launch(Launch {
        binary: Some("/usr/bin/galley-desktop"),
        ..Launch::default()
    })
    .await;
    app.find("[data-path='_engagements/aida.md']").await;
    let cold_start = app.started.elapsed();
    let collections = app
        .eval("return [...document.querySelectorAll('.collection-head')].map(h => h.textContent).join(' | ');")
        .await;
    let collections = collections.as_str().unwrap_or_default().to_owned();
    assert!(collections.contains("Engagements"), "{collections}");
    println!(
        "FIGURE installed_cold_start_ms {:.0} (session request → the site's collections shown, {collections})",
        cold_start.as_secs_f64() * 1000.0
    );
    app.screenshot("99-installed-app").await;
    app.stop().await;
}

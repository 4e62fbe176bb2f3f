//! Starting and stopping the app for one test: a private X display, its own
//! tauri-driver and WebKitWebDriver ports, temporary config folders, and a
//! fresh git copy of the demo site. Everything is torn down on drop, even when
//! the test panics.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::ffi::OsString;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Longest wait for anything to show up; generous because CI machines are
/// small and shared. Waits end as soon as the condition holds.
const PATIENCE: Duration = Duration::from_secs(30);
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(50);

/// One test's whole world is torn down one at a time: two apps at once on a
/// two-core machine only make both slow.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Folder for screenshots, `target/e2e/`.
pub fn shots_dir() -> PathBuf {
    let dir = project_root().join("target").join("e2e");
    std::fs::create_dir_all(&dir).expect("create target/e2e");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("GALLEY_TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let local = project_root().join(".tools/bin/tauri-driver");
    if local.is_file() {
        return local;
    }
    panic!("tauri-driver is not installed: run `cargo xtask test`, which installs it into .tools/");
}

/// Runs git in `dir`, panicking with its message on failure.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Copies the demo site (`content/`) into `to`, for a test that adds its own
/// pages to the copy (see [`App::launch_with_site`]).
pub fn copy_demo_site(to: &Path) {
    copy_dir(&project_root().join("content"), to);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read content/") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Sends SIGTERM (tauri-driver must stop its WebKitWebDriver child itself, or
/// the child stays orphaned on its port) and waits a moment for the exit.
fn terminate(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        std::thread::sleep(POLL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The processes of one test, stopped on drop.
struct Processes {
    xvfb: Child,
    /// A private D-Bus session bus, as a desktop session has.
    bus: Child,
    bus_address: String,
    driver: Option<Child>,
}

impl Drop for Processes {
    fn drop(&mut self) {
        if let Some(driver) = self.driver.as_mut() {
            terminate(driver);
        }
        terminate(&mut self.bus);
        terminate(&mut self.xvfb);
    }
}

/// Starts a D-Bus session bus listening on a socket in `dir`.
fn start_session_bus(dir: &Path) -> (Child, String) {
    let socket = dir.join("bus");
    let address = format!("unix:path={}", socket.display());
    let child = Command::new("dbus-daemon")
        .args([
            "--session",
            "--nofork",
            "--nopidfile",
            &format!("--address={address}"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon starts (cargo xtask test installs dbus)");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !socket.exists() {
        assert!(
            Instant::now() < deadline,
            "the D-Bus session bus did not start"
        );
        std::thread::sleep(POLL);
    }
    (child, address)
}

/// The running app with its site.
pub struct App {
    /// WebDriver session on the app's window.
    pub client: Client,
    /// The site the app opened: a scratch git copy of `content/`, or `Launch::site_folder`.
    pub site: PathBuf,
    /// Its bare `origin` repository (exists with `Launch::with_origin`).
    pub origin: PathBuf,
    /// The app's private HOME (with XDG data, cache and config folders).
    pub home: PathBuf,
    args: Vec<String>,
    /// When the WebDriver session (and so the app) was asked to start.
    pub started: Instant,
    /// Extra environment for the app (kept for a restart).
    env: Vec<(String, String)>,
    binary: String,
    display: String,
    _processes: Processes,
    _temp: tempfile::TempDir,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

fn start_xvfb() -> (Child, String) {
    for n in (90 + std::process::id() % 50)..200 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            || Path::new(&format!("/tmp/.X{n}-lock")).exists()
        {
            continue;
        }
        let display = format!(":{n}");
        let mut child = Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (cargo xtask test installs it)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                return (child, display);
            }
            if matches!(child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(POLL);
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    panic!("could not start Xvfb on any display");
}

/// How the app is started.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Start without a folder argument (the welcome screen).
    pub no_folder: bool,
    /// Pre-fill the recent-sites list with the scratch site.
    pub site_in_recents: bool,
    /// Give the site a bare repository on this machine as its `origin`.
    pub with_origin: bool,
    /// Run this binary instead of the build's (the installed package's).
    pub binary: Option<&'static str>,
    /// Leave the site without a git author (user.name / user.email).
    pub no_identity: bool,
    /// Open this folder as it is (no copy, no git) instead of a git copy of `content/`.
    pub site_folder: Option<PathBuf>,
}

/// The app's identifier (tauri.conf.json): its config folder is named after it.
const APP_ID: &str = "se.galley.editor";

/// The app under test: this build's binary, or `GALLEY_APP_BINARY` (e.g. a
/// release build, for the timing figures in BENCHMARKS.md).
fn app_binary() -> String {
    std::env::var("GALLEY_APP_BINARY")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_galley-desktop").to_owned())
}

/// Where `cargo xtask guide` wants the user guide's screenshots.
fn guide_dir() -> Option<PathBuf> {
    std::env::var_os("GALLEY_GUIDE_SHOTS")
        .filter(|v| !v.is_empty() && v != "0")
        .map(|_| project_root().join("docs").join("guide").join("img"))
}

/// The environment of a program in the test's desktop: its display and
/// session bus, and a private HOME (no global git identity or credentials
/// leak in).
fn desktop_env(display: &str, bus_address: &str, home: &Path) -> Vec<(&'static str, OsString)> {
    vec![
        ("DISPLAY", display.into()),
        ("NO_AT_BRIDGE", "1".into()),
        ("DBUS_SESSION_BUS_ADDRESS", bus_address.into()),
        // Under Xvfb, screenshots caught stale frames in compositing mode.
        ("WEBKIT_DISABLE_COMPOSITING_MODE", "1".into()),
        ("HOME", home.into()),
        ("GIT_CONFIG_NOSYSTEM", "1".into()),
        ("XDG_DATA_HOME", home.join("data").into()),
        ("XDG_CACHE_HOME", home.join("cache").into()),
        ("XDG_CONFIG_HOME", home.join("config").into()),
    ]
}

/// A private desktop (Xvfb and a session bus) for a program other than the
/// app, started with the same environment the app gets.
pub struct Desktop {
    display: String,
    home: PathBuf,
    _processes: Processes,
    _temp: tempfile::TempDir,
}

impl Desktop {
    /// Starts the display and the bus.
    pub fn start() -> Desktop {
        let temp = tempfile::tempdir().expect("temp dir");
        let home = temp.path().join("home");
        for sub in ["data", "cache", "config"] {
            std::fs::create_dir_all(home.join(sub)).expect("mkdir");
        }
        let (xvfb, display) = start_xvfb();
        let (bus, bus_address) = start_session_bus(temp.path());
        Desktop {
            display,
            home,
            _processes: Processes {
                xvfb,
                bus,
                bus_address,
                driver: None,
            },
            _temp: temp,
        }
    }

    /// `program` to run on this desktop.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.envs(desktop_env(
            &self.display,
            &self._processes.bus_address,
            &self.home,
        ));
        command
    }
}

/// Starts tauri-driver (kept in `processes`) and opens a WebDriver session,
/// which starts the app with `args`.
async fn connect(
    processes: &mut Processes,
    display: &str,
    home: &Path,
    binary: &str,
    args: &[String],
    env: &[(String, String)],
) -> Client {
    let port = free_port();
    let native_port = free_port();
    let log = std::fs::File::create(shots_dir().join("tauri-driver.log")).expect("log file");
    let driver = Command::new(tauri_driver())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .envs(desktop_env(display, &processes.bus_address, home))
        // A test's own variables last, so it can change the defaults above.
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("tauri-driver starts");
    processes.driver = Some(driver);
    let caps = json!({
        "tauri:options": {
            "application": binary,
            "args": args,
        }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!("capabilities are an object")
    };
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + PATIENCE;
    loop {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return client,
            Err(e) if Instant::now() > deadline => panic!("no WebDriver session: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// The lines of `after` that differ from `before`, as (before, after) pairs;
/// the two must have as many lines (a one-field edit adds or removes none).
pub fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "lines were added or removed:\n{after}"
    );
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

/// Writes a test's own site into an empty folder.
type Fill<'f> = Box<dyn FnOnce(&Path) + 'f>;

impl App {
    /// Starts the app on a fresh git copy of `content/`.
    pub async fn start() -> App {
        App::launch(Launch::default()).await
    }

    /// Starts the app as `how` says, with a fresh git copy of `content/`.
    pub async fn launch(how: Launch) -> App {
        App::launch_inner(how, &[], None).await
    }

    /// Like [`App::launch`], with extra environment variables for the app.
    pub async fn launch_with_env(how: Launch, env: &[(&str, &str)]) -> App {
        App::launch_inner(how, env, None).await
    }

    /// Starts the app as `how` says on a site that `fill` writes into an empty
    /// folder (then committed to git, like the copy of `content/`).
    pub async fn launch_with_site(how: Launch, fill: impl FnOnce(&Path)) -> App {
        App::launch_inner(how, &[], Some(Box::new(fill))).await
    }

    async fn launch_inner(how: Launch, env: &[(&str, &str)], fill: Option<Fill<'_>>) -> App {
        let turn = ONE_AT_A_TIME.lock().await;
        let temp = tempfile::tempdir().expect("temp dir");
        let site = match &how.site_folder {
            Some(folder) => folder.clone(),
            None => {
                let site = temp.path().join("site");
                std::fs::create_dir_all(&site).expect("mkdir site");
                match fill {
                    Some(fill) => fill(&site),
                    None => copy_dir(&project_root().join("content"), &site),
                }
                git(&site, &["init", "-q", "-b", "main"]);
                git(&site, &["config", "user.name", "E2E Editor"]);
                git(&site, &["config", "user.email", "e2e@galley.invalid"]);
                git(&site, &["config", "core.autocrlf", "false"]);
                git(&site, &["add", "-A"]);
                git(&site, &["commit", "-q", "-m", "Start"]);
                if how.no_identity {
                    git(&site, &["config", "--unset", "user.name"]);
                    git(&site, &["config", "--unset", "user.email"]);
                }
                site
            }
        };
        let origin = temp.path().join("origin.git");
        if how.with_origin {
            std::fs::create_dir_all(&origin).expect("mkdir origin");
            git(&origin, &["init", "-q", "--bare", "-b", "main"]);
            git(
                &site,
                &["remote", "add", "origin", &origin.to_string_lossy()],
            );
            git(&site, &["push", "-q", "-u", "origin", "main"]);
        }

        let (xvfb, display) = start_xvfb();
        let (bus, bus_address) = start_session_bus(temp.path());
        let home = temp.path().join("home");
        for sub in ["data", "cache", "config"] {
            std::fs::create_dir_all(home.join(sub)).expect("mkdir");
        }
        if how.site_in_recents {
            let dir = home.join("config").join(APP_ID);
            std::fs::create_dir_all(&dir).expect("mkdir");
            let canonical = site.canonicalize().expect("canonical site");
            std::fs::write(
                dir.join("recent-sites.json"),
                json!([canonical.to_string_lossy()]).to_string(),
            )
            .expect("write recents");
        }
        let args: Vec<String> = if how.no_folder {
            Vec::new()
        } else {
            vec![site.to_string_lossy().into_owned()]
        };
        let mut processes = Processes {
            xvfb,
            bus,
            bus_address,
            driver: None,
        };
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let binary = how.binary.map_or_else(app_binary, str::to_owned);
        let started = Instant::now();
        let client = connect(&mut processes, &display, &home, &binary, &args, &env).await;
        App {
            client,
            site,
            origin,
            home,
            args,
            started,
            env,
            binary,
            display,
            _processes: processes,
            _temp: temp,
            _turn: turn,
        }
    }

    /// Kills the app the hard way (SIGKILL, as a crash or power cut would),
    /// then starts it again on the same site with the same data folders.
    pub async fn kill_and_restart(mut self) -> App {
        let pattern = format!("galley-desktop {}", self.site.to_string_lossy());
        let killed = Command::new("pkill")
            .args(["-9", "-f", &pattern])
            .status()
            .expect("pkill runs");
        assert!(killed.success(), "no running app matched {pattern}");
        if let Some(driver) = self._processes.driver.as_mut() {
            terminate(driver);
        }
        self._processes.driver = None;
        self.client = connect(
            &mut self._processes,
            &self.display,
            &self.home,
            &self.binary,
            &self.args,
            &self.env,
        )
        .await;
        self
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Runs `script` (which must `return` a boolean) until it returns true.
    /// A script that throws (an element not there yet, the preview frame being
    /// replaced) counts as "not yet"; its last error is reported on time-out.
    pub async fn wait_for(&self, what: &str, script: &str) {
        self.wait_for_within(what, script, PATIENCE).await;
    }

    /// [`App::wait_for`] with a patience of its own, for work whose length
    /// grows with a generated site's size (reading 100,000 pages in a debug build).
    pub async fn wait_for_within(&self, what: &str, script: &str, patience: Duration) {
        let deadline = Instant::now() + patience;
        let mut last_error = String::new();
        loop {
            match self.client.execute(script, vec![]).await {
                Ok(value) if value.as_bool() == Some(true) => return,
                Ok(_) => {}
                Err(e) => last_error = e.to_string(),
            }
            if Instant::now() > deadline {
                self.screenshot(&format!("timeout-{}", what.replace(' ', "-")))
                    .await;
                panic!("timed out waiting for {what} {last_error}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Runs `script` and returns its value.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// Saves a screenshot of the whole virtual screen to `target/e2e/NAME.png`.
    /// ImageMagick's `import` is used because the WebDriver screenshot command
    /// hangs now and then under Xvfb.
    pub async fn screenshot(&self, name: &str) {
        // Let the webview paint what the DOM already holds.
        let _ = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
                vec![],
            )
            .await;
        let file = shots_dir().join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-window", "root", "-display", &self.display])
            .arg(&file)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("screenshot {name} could not be taken");
        }
    }

    /// A screenshot for the user guide: saved like [`App::screenshot`], and
    /// when `GALLEY_GUIDE_SHOTS=1` (`cargo xtask guide`) also written to
    /// `docs/guide/img/NAME.png`, cut down to a small, stripped 256-colour
    /// PNG at 1000 px wide so the committed pictures stay light.
    pub async fn guide_shot(&self, name: &str) {
        self.screenshot(&format!("guide-{name}")).await;
        let Some(dir) = guide_dir() else { return };
        std::fs::create_dir_all(&dir).expect("create docs/guide/img");
        let status = Command::new("convert")
            .arg(shots_dir().join(format!("guide-{name}.png")))
            .args(["-resize", "1000x", "-strip", "-colors", "256"])
            .args(["-define", "png:compression-level=9"])
            .arg(dir.join(format!("{name}.png")))
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "guide screenshot {name}: ImageMagick's convert failed"
        );
    }

    /// Clicks the element matching `css` once it is there.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Replaces the text of the input matching `css`.
    pub async fn type_into(&self, css: &str, text: &str) {
        let input = self.find(css).await;
        input
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        input
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Waits until the status line starts with `text`.
    pub async fn wait_for_status(&self, text: &str) {
        self.wait_for(
            &format!("status {text:?}"),
            &format!("const s = document.querySelector('[data-testid=status]'); return !!s && s.textContent.startsWith({text:?});"),
        )
        .await;
    }

    /// The text of the first element matching `css`.
    pub async fn text_of(&self, css: &str) -> String {
        self.find(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    /// Clicks the window's close button, as far as the app can tell: the
    /// window manager's delete request (see close_window.py).
    pub async fn request_close(&self) {
        let sent = Command::new("/usr/bin/python3")
            .arg(project_root().join("tests/e2e/close_window.py"))
            .arg("Galley")
            .env("DISPLAY", &self.display)
            .status()
            .expect("python3 with python3-xlib (cargo xtask test installs it)");
        assert!(sent.success(), "no Galley window to close");
    }

    /// Types `text` into the app's window with X key events (XTest), one key
    /// every `interval`, the way a keyboard does; nothing else talks to the app
    /// meanwhile (see type_keys.py). Returns once the last key is sent.
    pub fn type_keys(&self, text: &str, interval: Duration) {
        let typed = self
            .x_helper("type_keys.py")
            .arg("Galley")
            .arg(text)
            .arg(interval.as_millis().to_string())
            .status()
            .expect("python3 with python3-xlib (cargo xtask test installs it)");
        assert!(
            typed.success(),
            "the keys were typed into the Galley window"
        );
    }

    /// Opens `page` from the page list and waits for its form's `field`.
    pub async fn open_at_field(&self, page: &str, field: &str) {
        self.click(&format!("[data-path='{page}']")).await;
        self.find(&format!("[data-field='{field}']")).await;
    }

    /// Saves with the button and waits for "Saved.".
    pub async fn save(&self) {
        self.click("[data-testid='save']").await;
        self.wait_for_status("Saved.").await;
    }

    /// Runs one of the X helpers beside this file (`tests/e2e/NAME`) with
    /// python3 on the app's display: they act as a person's mouse and keyboard
    /// or another program would (`xdnd_drop.py`, `file_dialog.py`, `type_keys.py`).
    pub fn x_helper(&self, name: &str) -> Command {
        let mut command = Command::new("/usr/bin/python3");
        command
            .arg(project_root().join("tests/e2e").join(name))
            .env("DISPLAY", &self.display);
        command
    }

    /// Ends the WebDriver session (which closes the app) and the processes.
    pub async fn stop(self) {
        let _ = self.client.clone().close().await;
    }
}

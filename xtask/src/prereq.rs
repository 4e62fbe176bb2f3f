//! Making sure the system packages, node modules and tools a task needs exist.

use crate::steps::{project_root, sh};
use std::path::PathBuf;
use std::process::Command;

/// Debian/Ubuntu packages: WebKitGTK and friends to build the app, Xvfb, D-Bus
/// and WebKitWebDriver for the end-to-end suite, ImageMagick for screenshots,
/// Chromium for the UI's browser tests (accessibility, keyboard), the Swedish
/// and English dictionaries WebKitGTK's spell checker uses (through Enchant).
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libxdo-dev",
    "libdbus-1-dev",
    "xvfb",
    "xauth",
    "dbus",
    "dbus-x11",
    "webkit2gtk-driver",
    "imagemagick",
    "git",
    "python3-xlib",
    "chromium",
    "hunspell-sv",
    "hunspell-en-us",
];

/// Whether `program` is on the PATH.
pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null 2>&1")])
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether we run as root (then missing packages are installed, not named).
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// On Linux: installs the apt packages that are missing, or says how.
pub fn system_packages() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    let webkit = Command::new("pkg-config")
        .args(["--exists", "webkit2gtk-4.1", "libsoup-3.0"])
        .status()
        .is_ok_and(|s| s.success());
    let tools = [
        "Xvfb",
        "xauth",
        "dbus-run-session",
        "dbus-launch",
        "WebKitWebDriver",
        "import",
        "git",
        "cc",
        "chromium",
    ];
    let mut missing: Vec<&str> = tools.iter().copied().filter(|t| !have(t)).collect();
    // The end-to-end tests close the window the way a window manager does.
    let xlib = Command::new("/usr/bin/python3")
        .args(["-c", "import Xlib"])
        .status()
        .is_ok_and(|s| s.success());
    if !xlib {
        missing.push("python3-xlib");
    }
    // The spell-checking end-to-end test needs both dictionaries.
    for (package, dictionary) in [("hunspell-sv", "sv_SE"), ("hunspell-en-us", "en_US")] {
        let file = format!("/usr/share/hunspell/{dictionary}.dic");
        if !std::path::Path::new(&file).is_file() {
            missing.push(package);
        }
    }
    if webkit && missing.is_empty() {
        println!("==> system packages: all present");
        return Ok(());
    }
    println!(
        "==> system packages: missing {}",
        if webkit {
            missing.join(", ")
        } else {
            format!("WebKitGTK {}", missing.join(", "))
        }
    );
    let line = format!(
        "apt-get install -y --no-install-recommends {}",
        APT_PACKAGES.join(" ")
    );
    if !have("apt-get") {
        return Err(format!(
            "install WebKitGTK 4.1 development files, Xvfb, xauth, D-Bus, WebKitWebDriver, ImageMagick and Chromium with your package manager (on Debian/Ubuntu: sudo {line})"
        ));
    }
    if !is_root() {
        return Err(format!("run: sudo apt-get update && sudo {line}"));
    }
    sh(
        Command::new("apt-get").args(["update", "-qq"]),
        "apt-get update",
    )?;
    let mut install = Command::new("apt-get");
    install
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(APT_PACKAGES)
        .env("DEBIAN_FRONTEND", "noninteractive");
    sh(&mut install, "install system packages")
}

/// `npm ci` in ui/ when node_modules is missing or older than the lock file.
pub fn node_modules() -> Result<(), String> {
    let ui = project_root().join("ui");
    let lock = ui.join("package-lock.json");
    let stamp = ui.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(l), Ok(s)) => match (l.modified(), s.modified()) {
            (Ok(l), Ok(s)) => s >= l,
            _ => false,
        },
        _ => false,
    };
    if fresh {
        println!("==> ui/node_modules: up to date");
        return Ok(());
    }
    if !have("npm") {
        return Err("Node.js 20 or newer with npm is needed: install it from your package manager or nodejs.org".into());
    }
    sh(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&ui),
        "npm ci (ui/)",
    )
}

/// tauri-driver, installed into `.tools/` (ignored by git) when missing.
pub fn tauri_driver() -> Result<PathBuf, String> {
    let root = project_root().join(".tools");
    let exe = root.join("bin").join(if cfg!(windows) {
        "tauri-driver.exe"
    } else {
        "tauri-driver"
    });
    if exe.is_file() {
        println!("==> tauri-driver: {}", exe.display());
        return Ok(exe);
    }
    sh(
        Command::new(env!("CARGO"))
            .args([
                "install",
                "tauri-driver",
                "--version",
                "2.1.0",
                "--locked",
                "--root",
            ])
            .arg(&root),
        "install tauri-driver 2.1.0 into .tools/",
    )?;
    Ok(exe)
}

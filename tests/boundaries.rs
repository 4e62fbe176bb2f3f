//! The shell's security boundaries, checked from the files that define them:
//! the commands registered, declared for capabilities, granted to the window,
//! and invoked by the UI are one and the same set; the CSP forbids content
//! scripts.

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `"name"` string literal between two markers.
fn quoted_between(text: &str, start: &str, end: &str) -> BTreeSet<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not found"));
    let rest = &text[from + start.len()..];
    let to = rest.find(end).unwrap_or(rest.len());
    rest[..to]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The command names of `invoke("name"` and `invoke<Type>("name"` calls.
fn invoked_commands(ui: &str) -> BTreeSet<String> {
    ui.split("invoke")
        .skip(1)
        .filter_map(|call| {
            let call = match call.strip_prefix('<') {
                // A type argument: the call starts after its closing `>(`.
                Some(typed) => &typed[typed.find(">(")? + 1..],
                None => call,
            };
            let name = call.strip_prefix("(\"")?;
            name.split('"').next().map(str::to_owned)
        })
        .collect()
}

#[test]
fn invoked_commands_are_read_with_or_without_a_type_argument() {
    let ui = r#"invoke("open_page", { path }); invoke<Update | null>("preview_edit", {}); invokeLater(x)"#;
    let names: Vec<String> = invoked_commands(ui).into_iter().collect();
    assert_eq!(names, ["open_page", "preview_edit"]);
}

#[test]
fn declared_granted_registered_and_invoked_commands_agree() {
    let declared = quoted_between(&read("src-tauri/build.rs"), ".commands(&[", "]");
    let granted: BTreeSet<String> = quoted_between(
        &read("src-tauri/capabilities/main.json"),
        "\"permissions\"",
        "]",
    )
    .into_iter()
    .map(|p| p.strip_prefix("allow-").unwrap_or(&p).replace('-', "_"))
    .collect();
    let lib = read("src-tauri/src/lib.rs");
    let handler_start = lib.find("generate_handler![").expect("generate_handler");
    let handler = &lib[handler_start..];
    let registered: BTreeSet<String> = handler[..handler.find(']').expect("end of handler")]
        .split(',')
        .filter_map(|s| s.trim().rsplit("::").next().map(str::to_owned))
        .filter(|s| !s.is_empty() && !s.contains('['))
        .collect();
    let ui = read("ui/src/ipc/index.ts");
    let invoked = invoked_commands(&ui);
    assert!(!declared.is_empty());
    assert_eq!(
        declared, granted,
        "capabilities grant other commands than build.rs declares"
    );
    assert_eq!(
        declared, registered,
        "lib.rs registers other commands than build.rs declares"
    );
    assert_eq!(
        declared, invoked,
        "the UI invokes other commands than are granted"
    );
}

#[test]
fn capability_grants_no_plugin_or_core_permissions() {
    let cap: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main.json")).expect("json");
    let permissions = cap["permissions"].as_array().expect("permissions");
    for p in permissions {
        let p = p.as_str().expect("string permission");
        assert!(
            !p.contains(':'),
            "{p}: the window gets no plugin or core permissions"
        );
    }
}

#[test]
fn csp_forbids_inline_and_foreign_scripts() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("json");
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    // Requests go to the app's commands and to the preview's edit address
    // only (see src-tauri/src/protocol.rs), never to the site's files or the web.
    assert_eq!(
        csp["connect-src"],
        "ipc: http://ipc.localhost galley-site://localhost/__galley__/preview-edit http://galley-site.localhost/__galley__/preview-edit"
    );
    assert_eq!(conf["app"]["security"]["freezePrototype"], true);
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}

#[test]
fn updater_is_off_in_the_repository_and_checks_signatures() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("json");
    let updater = &conf["plugins"]["updater"];
    // Only the release workflow adds the project's releases as the source.
    assert_eq!(updater["endpoints"], serde_json::json!([]));
    assert_eq!(conf["bundle"]["createUpdaterArtifacts"], false);
    assert!(updater.get("dangerousInsecureTransportProtocol").is_none());
    // A minisign public key (base64 of its two text lines).
    let pubkey = updater["pubkey"].as_str().expect("pubkey");
    assert!(
        pubkey.starts_with("dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWduIHB1YmxpYyBrZXk6"),
        "not a minisign public key: {pubkey}"
    );
}

#[test]
fn bundle_names_version_and_icons() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("json");
    assert_eq!(conf["productName"], "Galley");
    let id = conf["identifier"].as_str().expect("identifier");
    assert!(!id.ends_with(".app") && id.split('.').count() >= 3, "{id}");
    // No version here: the installers take the workspace's (Cargo.toml).
    assert!(conf.get("version").is_none());
    let icons = conf["bundle"]["icon"].as_array().expect("icons");
    let mut sizes = Vec::new();
    for icon in icons {
        let rel = icon.as_str().expect("path");
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        if let Some(name) = rel.strip_suffix(".png") {
            let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
            let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
            assert_eq!(width, height, "{rel} is square");
            assert!(
                name.ends_with(&format!("{width}x{width}")),
                "{rel} is {width} px"
            );
            sizes.push(width);
        }
    }
    sizes.sort_unstable();
    assert_eq!(sizes, [16, 24, 32, 48, 64, 128, 256, 512]);
    assert!(icons.iter().any(|i| i == "src-tauri/icons/icon.ico"));
    assert!(icons.iter().any(|i| i == "src-tauri/icons/icon.icns"));
}

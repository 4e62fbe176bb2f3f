//! Recording saved changes in git.

use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use crate::state::AppState;
use galley_git::CommitInfo;
use tauri::State;

/// Commits `paths` (site-relative) with `message`.
#[tauri::command]
pub fn commit_changes(
    state: State<'_, AppState>,
    message: String,
    paths: Vec<String>,
) -> Result<CommitInfo, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    for path in &paths {
        galley_core::paths::resolve_in_root(&site.root, path).map_err(IpcError::from)?;
    }
    Ok(galley_git::commit_paths(&site.root, &paths, &message)?)
}

/// Where a typed token went.
#[derive(Debug, serde::Serialize)]
pub struct TokenSaved {
    /// False when the OS keychain was not available: the token then lasts
    /// only until Galley closes.
    pub in_keychain: bool,
}

/// Takes the HTTPS token the editor typed for publishing (or for cloning
/// `address`): kept for this session and in the OS keychain for the host of
/// `address`, else of the open site's remote.
#[tauri::command]
pub fn set_https_token(
    state: State<'_, AppState>,
    username: String,
    token: String,
    address: Option<String>,
) -> Result<TokenSaved, IpcError> {
    use galley_git::TokenStore;
    if token.trim().is_empty() {
        return Err(IpcError::said(
            "invalid_field",
            AppSay::TokenEmpty,
            "Paste the access token first.",
        ));
    }
    let username = if username.trim().is_empty() {
        "x-access-token".to_owned()
    } else {
        username
    };
    let token = galley_git::HttpsToken { username, token };
    state.set_https_token(token.clone());
    let host = match address {
        Some(address) => galley_git::remote_host(&address),
        None => state
            .site()
            .and_then(|site| galley_git::publish_host(&site.root).ok().flatten()),
    };
    let in_keychain = match host {
        Some(host) => crate::tokens::KeychainTokens.save(&host, token).is_ok(),
        None => false,
    };
    Ok(TokenSaved { in_keychain })
}

//! Publishing: what changed, review, discard, history, get latest, publish,
//! propose for review. Git vocabulary stays here; the UI speaks in the
//! editor's words.

use crate::ipc::words::AppSay;
use crate::ipc::{IpcError, MergeView};
use crate::state::AppState;
use galley_core::conflict::{resolve_conflict, Resolution};
use galley_core::page::LoadedPage;
use galley_core::review::{review_changes, suggest_message, suggest_words, ChangeReview};
use galley_core::words::{Say, Words};
use galley_git::{
    CommitInfo, Credentials, FileChange, HistoryEntry, Progress, Proposal, Published, SiteStatus,
    SyncOutcome,
};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;

/// Badges and the publish buttons' state.
#[tauri::command]
pub fn git_status(state: State<'_, AppState>) -> Result<SiteStatus, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::status(&site.root)?)
}

/// The badges of just these paths (after the watcher saw them change): cheap,
/// through the repository handle kept open for the site.
#[tauri::command]
pub fn status_of_paths(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<Vec<(String, Option<FileChange>)>, IpcError> {
    state
        .with_repo(|repo| repo.status_of_paths(&paths))
        .ok_or_else(|| IpcError::from(galley_git::GitError::NotARepository))?
        .map_err(IpcError::from)
}

/// Every unrecorded change, reviewed in words, with a suggested message.
#[derive(Debug, Serialize)]
pub struct ChangesView {
    /// One entry per changed file.
    pub changes: Vec<ChangeReview<FileChange>>,
    /// What the commit box starts with.
    pub suggested_message: String,
    /// `suggested_message` as a code and values, so the UI suggests it in the
    /// editor's language (`None` when there is nothing to suggest).
    pub suggested_words: Option<Words>,
}

/// Reviews the site's unrecorded changes.
#[tauri::command]
pub fn review_site_changes(state: State<'_, AppState>) -> Result<ChangesView, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let changed = galley_git::changed_paths(&site.root)?;
    let changes = review_changes(&site.root, site.generator.dialect(), &changed, |path| {
        galley_git::head_version(&site.root, path).ok().flatten()
    });
    let pages: Vec<_> = changes
        .iter()
        .filter_map(|c| c.review.clone().map(|r| (c.title.clone(), r)))
        .collect();
    let (suggested_message, suggested_words) = if pages.len() == changes.len() {
        (suggest_message(&pages), suggest_words(&pages))
    } else {
        (
            format!("Update {} files", changes.len()),
            Some(Say::SuggestFiles.words().with("count", changes.len())),
        )
    };
    Ok(ChangesView {
        changes,
        suggested_message,
        suggested_words,
    })
}

/// Throws away a page's unrecorded changes (the UI asked first).
#[tauri::command]
pub fn discard_change(state: State<'_, AppState>, path: String) -> Result<(), IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::discard(&site.root, &path)?)
}

/// Who changed a page, when, and why.
#[tauri::command]
pub fn page_history(
    state: State<'_, AppState>,
    path: String,
) -> Result<Vec<HistoryEntry>, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::history(&site.root, &path, HISTORY_LIMIT)?)
}

/// How many versions the history panel lists.
const HISTORY_LIMIT: usize = 200;

/// A page as it was in one recorded version.
#[tauri::command]
pub fn page_version(
    state: State<'_, AppState>,
    commit: String,
    path: String,
) -> Result<LoadedPage, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let bytes = galley_git::version_at(&site.root, &commit, &path)?.ok_or_else(|| {
        IpcError::said(
            "not_found",
            AppSay::NotInThatVersion,
            "This page did not exist in that version.",
        )
    })?;
    Ok(galley_core::page::loaded_from_bytes(
        &path,
        &bytes,
        site.generator.dialect(),
    )?)
}

/// Puts an older version back as an unrecorded change, to review and record.
#[tauri::command]
pub fn restore_version(
    state: State<'_, AppState>,
    commit: String,
    path: String,
) -> Result<(), IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::restore_version(&site.root, &commit, &path)?)
}

/// Sign-in for network operations: the token typed this session, else the one
/// in the keychain for the site's host, then ssh-agent, keys and git's helpers.
fn credentials(state: &AppState, root: &std::path::Path) -> Credentials {
    use galley_git::TokenStore;
    let token = state.https_token().or_else(|| {
        galley_git::publish_host(root)
            .ok()
            .flatten()
            .and_then(|host| crate::tokens::KeychainTokens.token_for(&host))
    });
    match token {
        Some(token) => Credentials::system().with_token(token),
        None => Credentials::system(),
    }
}

/// A refused token is not offered again: it is dropped from the keychain.
fn forget_refused_token(result: &Result<impl Sized, galley_git::GitError>, root: &std::path::Path) {
    use galley_git::TokenStore;
    if matches!(result, Err(galley_git::GitError::Credentials)) {
        if let Ok(Some(host)) = galley_git::publish_host(root) {
            let _ = crate::tokens::KeychainTokens.forget(&host);
        }
    }
}

/// "Get latest changes": fetch, then fast-forward or merge (never rebase).
#[tauri::command]
pub async fn sync_site(
    state: State<'_, AppState>,
    progress: Channel<Progress>,
) -> Result<MergeView, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let creds = credentials(&state, &site.root);
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        let result = galley_git::sync(&site.root, &creds, &mut |p| {
            let _ = progress.send(p);
        });
        forget_refused_token(&result, &site.root);
        result.map(|o| (o, site))
    })
    .await
    .map_err(IpcError::task)??;
    let (outcome, site) = outcome;
    Ok(MergeView::from_outcome(&site, outcome))
}

/// The conflicts of a merge still open (after a restart, say).
#[tauri::command]
pub fn open_conflicts(state: State<'_, AppState>) -> Result<MergeView, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let conflicts = galley_git::conflicts(&site.root)?;
    Ok(MergeView::from_outcome(
        &site,
        SyncOutcome::Conflicts { conflicts },
    ))
}

/// Finishes a merge with the editor's answer for each page: keep one version
/// whole, or combine both field by field with a choice per clash.
#[tauri::command]
pub fn resolve_conflicts(
    state: State<'_, AppState>,
    resolutions: Vec<(String, Resolution)>,
    message: String,
) -> Result<CommitInfo, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let dialect = site.generator.dialect();
    let mut settled = Vec::new();
    for conflict in galley_git::conflicts(&site.root)? {
        let resolution = resolutions
            .iter()
            .find(|(path, _)| *path == conflict.path)
            .map(|(_, r)| r)
            .ok_or_else(|| {
                IpcError::new(
                    "unresolved",
                    format!("Choose a version for \"{}\" first.", conflict.path),
                    AppSay::ChooseVersion.words().with("path", &conflict.path),
                )
            })?;
        let bytes = resolve_conflict(
            conflict.base.as_deref(),
            conflict.ours.as_deref(),
            conflict.theirs.as_deref(),
            dialect,
            resolution,
        )
        .map_err(IpcError::from)?
        .ok_or_else(|| {
            IpcError::said(
                "unresolved",
                AppSay::KeepDeleted,
                "Keeping a deleted page is not possible yet: keep the other version.",
            )
        })?;
        settled.push((conflict.path, bytes));
    }
    Ok(galley_git::complete_merge(&site.root, &settled, &message)?)
}

/// Abandons an open merge, restoring everything as it was before.
#[tauri::command]
pub fn abandon_merge(state: State<'_, AppState>) -> Result<(), IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::abort_merge(&site.root)?)
}

/// "Publish": push the current branch, with progress; never forced.
#[tauri::command]
pub async fn publish_site(
    state: State<'_, AppState>,
    progress: Channel<Progress>,
) -> Result<Published, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let creds = credentials(&state, &site.root);
    tauri::async_runtime::spawn_blocking(move || {
        let result = galley_git::publish(&site.root, &creds, &mut |p| {
            let _ = progress.send(p);
        });
        forget_refused_token(&result, &site.root);
        result
    })
    .await
    .map_err(IpcError::task)?
    .map_err(IpcError::from)
}

/// "Propose for review": the chosen pages on a new branch, pushed, with the
/// link that opens a pull or merge request.
#[tauri::command]
pub async fn propose_review(
    state: State<'_, AppState>,
    message: String,
    paths: Vec<String>,
    progress: Channel<Progress>,
) -> Result<Proposal, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let creds = credentials(&state, &site.root);
    tauri::async_runtime::spawn_blocking(move || {
        galley_git::propose_for_review(&site.root, &paths, &message, &creds, &mut |p| {
            let _ = progress.send(p);
        })
    })
    .await
    .map_err(IpcError::task)?
    .map_err(IpcError::from)
}

/// The name and e-mail recorded with changes, if git knows them.
#[tauri::command]
pub fn git_identity(state: State<'_, AppState>) -> Result<Option<(String, String)>, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::identity(&site.root)?)
}

/// Stores the editor's name and e-mail in the site's git settings.
#[tauri::command]
pub fn set_git_identity(
    state: State<'_, AppState>,
    name: String,
    email: String,
) -> Result<(), IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::set_identity(&site.root, &name, &email)?)
}

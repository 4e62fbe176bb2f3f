//! The shell's own sentence codes: git's errors, the app's errors and the
//! watcher's notices, with the [`Words`] for each. The core's codes are in
//! [`galley_core::words::Say`]; together they are the list the UI must have
//! words for (`ui/src/i18n/core-codes.json`, checked by `tests/core_codes.rs`).

use galley_core::say_codes;
#[cfg(test)]
use galley_core::words::Say;
use galley_core::words::Words;
use galley_git::GitError;

say_codes! {
    /// Sentences the shell itself produces.
    pub enum AppSay {
        /// No site open.
        NoSite = "coreError.app.noSite" (),
        /// A background task failed before it could answer.
        TaskFailed = "coreError.app.taskFailed" (detail),
        /// The token box was empty.
        TokenEmpty = "coreError.app.tokenEmpty" (),
        /// No home folder for a copy.
        NoHomeFolder = "coreError.app.noHomeFolder" (),
        /// The page's starting version was lost.
        LostBase = "coreError.app.lostBase" (),
        /// The page did not exist in the version asked for.
        NotInThatVersion = "coreError.app.notInThatVersion" (),
        /// A clash without a chosen version.
        ChooseVersion = "coreError.app.chooseVersion" (path),
        /// Keeping a deleted page is not possible.
        KeepDeleted = "coreError.app.keepDeleted" (),
        /// Only web and e-mail links open in the system's programs.
        OnlyWebLinks = "coreError.app.onlyWebLinks" (),
        /// The browser could not be opened.
        BrowserFailed = "coreError.app.browserFailed" (detail),
        /// A picked file that is not on this computer.
        NotLocalFile = "coreError.app.notLocalFile" (),
        /// A picked location that is not a folder here.
        NotLocalFolder = "coreError.app.notLocalFolder" (),
        /// A folder not chosen through the dialog.
        ChooseSiteFirst = "coreError.app.chooseSiteFirst" (),
        /// A font size out of range.
        FontSize = "coreError.app.fontSize" (min, max),
        /// Preferences could not be saved.
        PrefsNotSaved = "coreError.app.prefsNotSaved" (detail),
        /// The app's data folder is not available.
        DataFolder = "coreError.app.dataFolder" (detail),
        /// No update to install.
        NoUpdate = "coreError.app.noUpdate" (),
        /// The update failed.
        UpdateFailed = "coreError.app.updateFailed" (detail),

        /// Not a git repository.
        GitNotARepository = "coreError.git.notARepository" (),
        /// `index.lock` held.
        GitLocked = "coreError.git.locked" (),
        /// No name/e-mail.
        GitNoIdentity = "coreError.git.noIdentity" (),
        /// A blank name or e-mail.
        GitIncompleteIdentity = "coreError.git.incompleteIdentity" (),
        /// Nothing to commit.
        GitNothingToCommit = "coreError.git.nothingToCommit" (),
        /// An empty commit message.
        GitEmptyMessage = "coreError.git.emptyMessage" (),
        /// A path outside the repository.
        GitOutsideSite = "coreError.git.outsideSite" (path),
        /// An unknown commit.
        GitUnknownVersion = "coreError.git.unknownVersion" (version),
        /// A file missing in a version.
        GitNotInVersion = "coreError.git.notInVersion" (path),
        /// No remote.
        GitNoRemote = "coreError.git.noRemote" (),
        /// Detached HEAD.
        GitDetachedHead = "coreError.git.detachedHead" (),
        /// Nothing to publish.
        GitNothingToPublish = "coreError.git.nothingToPublish" (),
        /// Push not a fast-forward.
        GitRemoteHasNewCommits = "coreError.git.remoteHasNewCommits" (),
        /// The server refused the push; `reply` is the server's own words.
        GitRejectedByServer = "coreError.git.rejectedByServer" (reply),
        /// Sign-in refused.
        GitCredentials = "coreError.git.credentials" (),
        /// The server cannot be reached.
        GitOffline = "coreError.git.offline" (),
        /// Unrecorded changes in the way of a merge.
        GitChangesInTheWay = "coreError.git.changesInTheWay" (paths),
        /// A merge in progress.
        GitMergeInProgress = "coreError.git.mergeInProgress" (),
        /// No merge to finish.
        GitNoMergeInProgress = "coreError.git.noMergeInProgress" (),
        /// Clashes still undecided.
        GitUnresolvedConflicts = "coreError.git.unresolvedConflicts" (paths),
        /// A copy's folder that holds files.
        GitDestinationNotEmpty = "coreError.git.destinationNotEmpty" (folder),
        /// Not a repository address.
        GitNotAnAddress = "coreError.git.notAnAddress" (address),
        /// Not a folder name.
        GitBadFolderName = "coreError.git.badFolderName" (name),
        /// A transfer stopped by the editor.
        GitCancelled = "coreError.git.cancelled" (),
        /// A file in the site could not be read or written.
        GitIo = "coreError.git.io" (detail),
        /// Anything else libgit2 says; `detail` is libgit2's own words.
        GitOther = "coreError.git.other" (detail),

        /// Polling: more folders than the OS lets Galley watch.
        WatchLimit = "watch.polling.limit" (),
        /// Polling: a network drive.
        WatchNetworkDrive = "watch.polling.networkDrive" (),
        /// Polling: asked for.
        WatchRequested = "watch.polling.requested" (),
    }
}

/// Every code the UI must have words for: the core's and the shell's (what
/// `ui/src/i18n/core-codes.json` must hold).
#[cfg(test)]
fn all_codes() -> Vec<galley_core::words::CodeSpec> {
    Say::ALL
        .iter()
        .map(|s| s.spec())
        .chain(AppSay::ALL.iter().map(|s| s.spec()))
        .collect()
}

/// A git error as a code and values (exhaustive: a new variant needs its code).
pub fn git_words(e: &GitError) -> Words {
    match e {
        GitError::NotARepository => AppSay::GitNotARepository.words(),
        GitError::Locked => AppSay::GitLocked.words(),
        GitError::NoIdentity => AppSay::GitNoIdentity.words(),
        GitError::IncompleteIdentity => AppSay::GitIncompleteIdentity.words(),
        GitError::NothingToCommit => AppSay::GitNothingToCommit.words(),
        GitError::EmptyMessage => AppSay::GitEmptyMessage.words(),
        GitError::OutsideSite(p) => AppSay::GitOutsideSite.words().with("path", p),
        GitError::UnknownVersion(v) => AppSay::GitUnknownVersion.words().with("version", v),
        GitError::NotInVersion(p) => AppSay::GitNotInVersion.words().with("path", p),
        GitError::NoRemote => AppSay::GitNoRemote.words(),
        GitError::DetachedHead => AppSay::GitDetachedHead.words(),
        GitError::NothingToPublish => AppSay::GitNothingToPublish.words(),
        GitError::RemoteHasNewCommits => AppSay::GitRemoteHasNewCommits.words(),
        GitError::RejectedByServer(r) => AppSay::GitRejectedByServer.words().with("reply", r),
        GitError::Credentials => AppSay::GitCredentials.words(),
        GitError::Offline => AppSay::GitOffline.words(),
        GitError::ChangesInTheWay(paths) => AppSay::GitChangesInTheWay
            .words()
            .with("paths", paths.join(", ")),
        GitError::MergeInProgress => AppSay::GitMergeInProgress.words(),
        GitError::NoMergeInProgress => AppSay::GitNoMergeInProgress.words(),
        GitError::UnresolvedConflicts(paths) => AppSay::GitUnresolvedConflicts
            .words()
            .with("paths", paths.join(", ")),
        GitError::DestinationNotEmpty(f) => {
            AppSay::GitDestinationNotEmpty.words().with("folder", f)
        }
        GitError::NotARepositoryAddress(a) => AppSay::GitNotAnAddress.words().with("address", a),
        GitError::BadFolderName(n) => AppSay::GitBadFolderName.words().with("name", n),
        GitError::Cancelled => AppSay::GitCancelled.words(),
        GitError::Io(d) => AppSay::GitIo.words().with("detail", d),
        GitError::Other(d) => AppSay::GitOther.words().with("detail", d),
    }
}

/// The watcher's notice as a code, or `None` when there is nothing to say
/// (the same cases as [`galley_watch::WatchMode::message`]).
pub fn watch_words(mode: &galley_watch::WatchMode) -> Option<Words> {
    use galley_watch::{PollReason, WatchMode};
    let WatchMode::Polling { reason } = mode else {
        return None;
    };
    Some(match reason {
        PollReason::WatchLimit => AppSay::WatchLimit.words(),
        PollReason::NetworkDrive { .. } => AppSay::WatchNetworkDrive.words(),
        PollReason::Requested => AppSay::WatchRequested.words(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The UI's copy of the list, beside its catalogues.
    const LIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/i18n/core-codes.json");

    fn list_from_code() -> BTreeMap<String, Vec<String>> {
        all_codes()
            .into_iter()
            .map(|c| {
                let params = c.params.iter().map(|p| (*p).to_owned()).collect();
                (c.code.to_owned(), params)
            })
            .collect()
    }

    /// Every code the core and the shell can send is in the UI's list, with the
    /// same values, and nothing else is: a new code without words fails here
    /// (and the UI's test fails until en.ts and sv.ts have it).
    /// `GALLEY_UPDATE_CORE_CODES=1 cargo test -p galley-desktop --lib` rewrites the list.
    #[test]
    fn the_ui_has_the_list_of_every_code() {
        let expected = list_from_code();
        assert_eq!(
            expected.len(),
            all_codes().len(),
            "a code is declared twice"
        );
        if std::env::var_os("GALLEY_UPDATE_CORE_CODES").is_some() {
            let text = serde_json::to_string_pretty(&expected).expect("json");
            std::fs::write(LIST, text + "\n").expect("write the list");
        }
        let text = std::fs::read_to_string(LIST).expect("ui/src/i18n/core-codes.json");
        let listed: BTreeMap<String, Vec<String>> = serde_json::from_str(&text).expect("json");
        assert_eq!(
            listed, expected,
            "ui/src/i18n/core-codes.json is out of date: run GALLEY_UPDATE_CORE_CODES=1 cargo test -p galley-desktop --lib, then add the words to en.ts and sv.ts"
        );
    }

    #[test]
    fn git_errors_have_their_declared_values() {
        let samples = [
            GitError::OutsideSite("a.md".into()),
            GitError::ChangesInTheWay(vec!["a.md".into(), "b.md".into()]),
            GitError::RejectedByServer("protected branch".into()),
            GitError::Offline,
            GitError::Other("boom".into()),
        ];
        for e in samples {
            let words = git_words(&e);
            let say = AppSay::from_code(words.code).expect("declared");
            let mut declared: Vec<&str> = say.params().to_vec();
            declared.sort_unstable();
            let given: Vec<&str> = words.params.keys().map(String::as_str).collect();
            assert_eq!(given, declared, "{}", words.code);
        }
        let words = git_words(&GitError::ChangesInTheWay(vec![
            "a.md".into(),
            "b.md".into(),
        ]));
        assert_eq!(words.params["paths"], "a.md, b.md");
    }

    #[test]
    fn polling_notices_have_words() {
        use galley_watch::{PollReason, WatchMode};
        assert_eq!(watch_words(&WatchMode::Native), None);
        let words = watch_words(&WatchMode::Polling {
            reason: PollReason::NetworkDrive {
                file_system: "nfs4".into(),
            },
        });
        assert_eq!(words.map(|w| w.code), Some("watch.polling.networkDrive"));
    }
}

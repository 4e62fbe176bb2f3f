//! Talking to the remote: which remote and branch a branch follows, the
//! progress reported while objects travel, pushing with the server's verdict,
//! and turning libgit2's network failures into plain words.

use crate::credentials::Credentials;
use crate::site_repo::SiteRepo;
use crate::status::current_branch_name;
use crate::GitError;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How far a transfer has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "stage", rename_all = "lowercase")]
pub enum Progress {
    /// Getting changes: objects received so far.
    Receiving {
        /// Objects received.
        objects: usize,
        /// Objects the server announced.
        total: usize,
        /// Bytes received.
        bytes: usize,
    },
    /// Publishing: objects sent so far.
    Sending {
        /// Objects sent.
        objects: usize,
        /// Objects to send.
        total: usize,
        /// Bytes sent.
        bytes: usize,
    },
}

/// The branch being published or updated, and where it goes on the remote.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// Local branch name (`main`).
    pub branch: String,
    /// Remote name (`origin`).
    pub remote: String,
    /// Branch name on the remote (`main`).
    pub remote_branch: String,
    /// Whether `branch.<name>.remote/merge` were already set.
    pub has_upstream: bool,
}

impl Target {
    /// The remote-tracking ref fetch updates (`refs/remotes/origin/main`).
    pub fn tracking_ref(&self) -> String {
        format!("refs/remotes/{}/{}", self.remote, self.remote_branch)
    }
}

/// Works out what the current branch publishes to: its configured upstream,
/// else `origin` (or the only remote) with the same branch name.
pub(crate) fn target(site: &SiteRepo) -> Result<Target, GitError> {
    let repo = &site.repo;
    if repo.head_detached().unwrap_or(false) {
        return Err(GitError::DetachedHead);
    }
    let branch = current_branch_name(repo)?.ok_or(GitError::DetachedHead)?;
    let config = repo.config()?.snapshot()?;
    let configured_remote = config.get_string(&format!("branch.{branch}.remote")).ok();
    let configured_merge = config.get_string(&format!("branch.{branch}.merge")).ok();
    let remotes = repo.remotes()?;
    let names: Vec<&str> = remotes.iter().flatten().flatten().collect();
    let remote = match &configured_remote {
        Some(r) if names.contains(&r.as_str()) => r.clone(),
        _ if names.contains(&"origin") => "origin".to_owned(),
        _ if names.len() == 1 => names[0].to_owned(),
        _ => return Err(GitError::NoRemote),
    };
    let remote_branch = configured_merge
        .as_deref()
        .and_then(|m| m.strip_prefix("refs/heads/"))
        .unwrap_or(&branch)
        .to_owned();
    Ok(Target {
        has_upstream: configured_remote.is_some() && configured_merge.is_some(),
        branch,
        remote,
        remote_branch,
    })
}

/// The host (with port) the current branch publishes to — the key under which
/// an HTTPS token is kept. `None` for remotes reached by path.
pub fn publish_host(site: &std::path::Path) -> Result<Option<String>, GitError> {
    let site = SiteRepo::open(site)?;
    let target = target(&site)?;
    let remote = site.repo.find_remote(&target.remote)?;
    Ok(remote.url().ok().and_then(crate::credentials::remote_host))
}

/// What one network operation learned besides success or failure.
#[derive(Default)]
pub(crate) struct Session {
    attempts: Cell<u32>,
    /// The credentials callback said "no more ways to sign in".
    gave_up: Cell<bool>,
    /// Refs the server refused, with its reason (push only).
    pub rejections: RefCell<Vec<(String, String)>>,
    /// Text the server sent for the user ("remote: ..." lines, hook output).
    pub server_text: RefCell<String>,
    /// Set from another thread to stop the transfer (a clone's Cancel).
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Session {
    /// A session that `cancel` (set from another thread) can stop.
    pub(crate) fn cancellable(cancel: Arc<AtomicBool>) -> Session {
        Session {
            cancel: Some(cancel),
            ..Session::default()
        }
    }

    /// Whether the editor asked to stop.
    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::SeqCst))
    }

    /// Runs `op` with callbacks wired for credentials, progress and the
    /// server's verdicts; maps a failure to plain words.
    pub(crate) fn run<T>(
        &self,
        repo: &git2::Repository,
        credentials: &Credentials,
        progress: &mut dyn FnMut(Progress),
        op: impl FnOnce(git2::RemoteCallbacks<'_>) -> Result<T, git2::Error>,
    ) -> Result<T, GitError> {
        let config = repo.config()?.snapshot()?;
        self.run_with_config(&config, credentials, progress, op)
    }

    /// [`Session::run`] before there is a repository (a clone): the user's
    /// own git configuration decides the credential helpers.
    pub(crate) fn run_with_config<T>(
        &self,
        config: &git2::Config,
        credentials: &Credentials,
        progress: &mut dyn FnMut(Progress),
        op: impl FnOnce(git2::RemoteCallbacks<'_>) -> Result<T, git2::Error>,
    ) -> Result<T, GitError> {
        let authenticator = credentials.authenticator();
        let progress = RefCell::new(progress);
        let mut callbacks = git2::RemoteCallbacks::new();
        let mut ask = credentials.callback(config, &authenticator, &self.attempts);
        callbacks.credentials(move |url, username, allowed| {
            let answer = ask(url, username, allowed);
            if answer.is_err() {
                self.gave_up.set(true);
            }
            answer
        });
        callbacks.transfer_progress(|p| {
            (progress.borrow_mut())(Progress::Receiving {
                objects: p.received_objects(),
                total: p.total_objects(),
                bytes: p.received_bytes(),
            });
            // Returning false makes libgit2 stop the transfer.
            !self.cancelled()
        });
        callbacks.push_transfer_progress(|objects, total, bytes| {
            (progress.borrow_mut())(Progress::Sending {
                objects,
                total,
                bytes,
            });
        });
        callbacks.sideband_progress(|data| {
            self.server_text
                .borrow_mut()
                .push_str(&String::from_utf8_lossy(data));
            !self.cancelled()
        });
        callbacks.push_update_reference(|refname, status| {
            if let Some(reason) = status {
                self.rejections
                    .borrow_mut()
                    .push((refname.to_owned(), reason.to_owned()));
            }
            Ok(())
        });
        op(callbacks).map_err(|e| self.classify(e))
    }

    /// Plain words for a failed network operation.
    fn classify(&self, e: git2::Error) -> GitError {
        use git2::{ErrorClass as C, ErrorCode as E};
        if self.cancelled() {
            return GitError::Cancelled;
        }
        // Our own give-up (or auth-git2 running out of ways) comes back as
        // whatever error the callback returned: a credentials problem.
        if self.gave_up.get() {
            return GitError::Credentials;
        }
        match e.code() {
            E::Auth => return GitError::Credentials,
            E::NotFastForward => return GitError::RemoteHasNewCommits,
            E::Locked => return GitError::Locked,
            _ => {}
        }
        let message = e.message().to_ascii_lowercase();
        let network_words = [
            "failed to connect",
            "could not connect",
            "connection refused",
            "could not resolve",
            "failed to resolve",
            "timed out",
            "network is unreachable",
            "no route to host",
            "connection reset",
        ];
        if matches!(e.class(), C::Net | C::Os | C::Http | C::Ssh | C::Ssl)
            && network_words.iter().any(|w| message.contains(w))
        {
            return GitError::Offline;
        }
        if message.contains("authentication") || message.contains("401") {
            return GitError::Credentials;
        }
        GitError::Other(e.message().to_owned())
    }

    /// The server's lines meant for people, without git's "remote:" noise.
    pub(crate) fn server_message(&self) -> String {
        self.server_text
            .borrow()
            .lines()
            .map(|l| l.trim_start_matches("remote:").trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Pushes `refspec` to `remote` (never forced) and turns the server's verdict
/// into a result: libgit2's `push()` returns Ok even when the server refused
/// the update, so the refusals collected from `push_update_reference` decide.
pub(crate) fn push_refspec(
    site: &SiteRepo,
    remote: &str,
    refspec: &str,
    credentials: &Credentials,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), GitError> {
    debug_assert!(!refspec.starts_with('+'), "Galley never force-pushes");
    let mut remote = match site.repo.find_remote(remote) {
        Ok(r) => r,
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Err(GitError::NoRemote),
        Err(e) => return Err(e.into()),
    };
    let session = Session::default();
    session.run(&site.repo, credentials, progress, |callbacks| {
        let mut options = git2::PushOptions::new();
        options.remote_callbacks(callbacks);
        remote.push(&[refspec], Some(&mut options))
    })?;
    let rejections = session.rejections.borrow();
    if let Some((_, reason)) = rejections.first() {
        let lower = reason.to_ascii_lowercase();
        if lower.contains("non-fast-forward") || lower.contains("fetch first") {
            return Err(GitError::RemoteHasNewCommits);
        }
        let said = session.server_message();
        let reason = if said.is_empty() {
            reason.clone()
        } else {
            format!("{said} ({reason})")
        };
        return Err(GitError::RejectedByServer(reason));
    }
    Ok(())
}

/// Fetches the remote's branches (default refspecs) with progress.
pub(crate) fn fetch(
    site: &SiteRepo,
    remote: &str,
    credentials: &Credentials,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), GitError> {
    let mut remote = match site.repo.find_remote(remote) {
        Ok(r) => r,
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Err(GitError::NoRemote),
        Err(e) => return Err(e.into()),
    };
    let session = Session::default();
    session.run(&site.repo, credentials, progress, |callbacks| {
        let mut options = git2::FetchOptions::new();
        options.remote_callbacks(callbacks);
        options.download_tags(git2::AutotagOption::Auto);
        remote.fetch::<&str>(&[], Some(&mut options), None)
    })
}

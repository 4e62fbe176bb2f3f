//! `galley status|diff|commit|log|sync|publish`: the app's publishing
//! workflow for terminals and CI, in the same words as the app.

use crate::args::{Args, Spec};
use crate::output::Output;
use crate::CliError;
use galley_core::review::{review_changes, suggest_message, BodyPiece, ChangeReview};
use galley_core::site::{find_site_root, Generator};
use galley_git::{Credentials, FileChange, GitError, HttpsToken, SyncOutcome};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `galley status --help`.
pub const STATUS_HELP: &str = "\
galley status SITE

Lists the site's unrecorded changes (new, changed, deleted, renamed, needs a
choice) by page title, and how many recorded changes are not yet published.
Exit status: 0 ok, 2 usage error or not a git repository.";

/// `galley diff --help`.
pub const DIFF_HELP: &str = "\
galley diff SITE [FILE...]

Shows each unrecorded change in words: front matter as \"Field: before → after\",
the text as a word diff ([-removed-] {+added+}).
Exit status: 0 ok, 2 usage error or not a git repository.";

/// `galley commit --help`.
pub const COMMIT_HELP: &str = "\
galley commit SITE [-m MESSAGE] [FILE...]

Records the named files (all unrecorded changes when none are named) as one
commit. Without -m, the message is suggested from the changes. The author is
git's user.name and user.email.
Exit status: 0 recorded, 1 nothing to record, 2 usage or git error.";

/// `galley log --help`.
pub const LOG_HELP: &str = "\
galley log FILE [--limit N]

Lists the recorded versions of a page: short id, date, author, message.
Exit status: 0 ok, 2 usage error or not a git repository.";

/// `galley sync --help`.
pub const SYNC_HELP: &str = "\
galley sync SITE

\"Get latest changes\": fetches and fast-forwards, or makes a merge commit when
both sides changed (never a rebase). When the same pages changed on both
sides, nothing is changed and the pages are listed: combine them in Galley.
An HTTPS token can be given in GALLEY_HTTPS_TOKEN.
Exit status: 0 ok, 1 pages need combining, 2 usage, sign-in or network error.";

/// `galley publish --help`.
pub const PUBLISH_HELP: &str = "\
galley publish SITE

Publishes (pushes) the current branch; never forced. An HTTPS token can be
given in GALLEY_HTTPS_TOKEN.
Exit status: 0 published, 1 the remote has new changes (run galley sync first)
or refused the change, 2 usage, sign-in or network error.";

const NO_OPTIONS: Spec = Spec {
    flags: &[],
    options: &[],
};

fn git_error(e: GitError) -> CliError {
    match e {
        GitError::NothingToCommit
        | GitError::RemoteHasNewCommits
        | GitError::RejectedByServer(_) => CliError::Problems(e.to_string()),
        other => CliError::Io(other.to_string()),
    }
}

fn parse(raw: &[String], spec: &Spec, help: &str) -> Result<Option<Args>, CliError> {
    let args = Args::parse(raw, spec)?;
    if args.help {
        println!("{help}");
        return Ok(None);
    }
    Ok(Some(args))
}

/// The site folder, and how its pages are read.
fn site_arg(args: &Args, help: &str) -> Result<(PathBuf, Generator), CliError> {
    let Some(site) = args.positional.first() else {
        return Err(CliError::Usage(format!("Name the site folder.\n\n{help}")));
    };
    let path = PathBuf::from(site);
    if !path.is_dir() {
        return Err(CliError::Io(format!("\"{site}\" is not a folder.")));
    }
    let generator = find_site_root(&path.join("."))
        .filter(|(root, _)| root.canonicalize().ok() == path.canonicalize().ok())
        .map_or(Generator::Plain, |(_, g)| g);
    Ok((path, generator))
}

fn credentials() -> Credentials {
    match std::env::var("GALLEY_HTTPS_TOKEN") {
        Ok(token) if !token.is_empty() => Credentials::system().with_token(HttpsToken {
            username: std::env::var("GALLEY_HTTPS_USER")
                .unwrap_or_else(|_| "x-access-token".to_owned()),
            token,
        }),
        _ => Credentials::system(),
    }
}

fn word(change: FileChange) -> &'static str {
    match change {
        FileChange::New => "new",
        FileChange::Changed => "changed",
        FileChange::Deleted => "deleted",
        FileChange::Renamed => "renamed",
        FileChange::Conflicted => "needs a choice",
    }
}

fn reviews(
    site: &Path,
    generator: Generator,
    only: &[String],
) -> Result<Vec<ChangeReview<FileChange>>, CliError> {
    let mut changed = galley_git::changed_paths(site).map_err(git_error)?;
    if !only.is_empty() {
        changed.retain(|(path, _)| only.contains(path));
    }
    Ok(review_changes(
        site,
        generator.dialect(),
        &changed,
        |path| galley_git::head_version(site, path).ok().flatten(),
    ))
}

/// `galley status SITE`.
pub fn status(raw: &[String]) -> Result<ExitCode, CliError> {
    let Some(args) = parse(raw, &NO_OPTIONS, STATUS_HELP)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let (site, generator) = site_arg(&args, STATUS_HELP)?;
    let status = galley_git::status(&site).map_err(git_error)?;
    let mut out = Output::new();
    match (&status.branch, status.detached) {
        (Some(branch), false) => out.line(&format!("On {branch}.")),
        _ => out.line("Not on a branch (detached): changes cannot be published from here."),
    }
    if status.ahead > 0 {
        out.line(&format!(
            "{} recorded change(s) not yet published.",
            status.ahead
        ));
    }
    if status.behind > 0 {
        out.line(&format!(
            "{} newer change(s) on the remote: run galley sync.",
            status.behind
        ));
    }
    if status.merge_in_progress {
        out.line("Combining with the latest changes is unfinished: open the site in Galley.");
    }
    let changes: Vec<(String, FileChange)> = status
        .files
        .iter()
        .map(|f| (f.path.clone(), f.change))
        .collect();
    if changes.is_empty() {
        out.line("Everything is recorded.");
    }
    let reviewed = review_changes(&site, generator.dialect(), &changes, |_| None);
    for change in reviewed {
        let title = if change.title == change.path {
            String::new()
        } else {
            format!("  ({})", change.title)
        };
        out.line(&format!(
            "{:<15}{}{title}",
            word(change.change),
            change.path
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// `galley diff SITE [FILE...]`.
pub fn diff(raw: &[String]) -> Result<ExitCode, CliError> {
    let Some(args) = parse(raw, &NO_OPTIONS, DIFF_HELP)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let (site, generator) = site_arg(&args, DIFF_HELP)?;
    let mut out = Output::new();
    for change in reviews(&site, generator, &args.positional[1..])? {
        out.line(&format!(
            "{} ({}): {}",
            change.title,
            change.path,
            word(change.change)
        ));
        let Some(review) = change.review else {
            continue;
        };
        if let Some(problem) = &review.problem {
            out.line(&format!("  {problem}"));
        }
        for field in &review.fields {
            out.line(&format!("  {}", field.sentence()));
        }
        if review.body_changed() {
            let mut text = String::new();
            for piece in &review.body {
                match piece {
                    BodyPiece::Same(t) => text.push_str(t),
                    BodyPiece::Added(t) => text.push_str(&format!("{{+{t}+}}")),
                    BodyPiece::Removed(t) => text.push_str(&format!("[-{t}-]")),
                }
            }
            out.line("  Text:");
            for line in text.lines() {
                out.line(&format!("    {line}"));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `galley commit SITE [-m MESSAGE] [FILE...]`.
pub fn commit(raw: &[String]) -> Result<ExitCode, CliError> {
    let spec = Spec {
        flags: &[],
        options: &["message"],
    };
    // `-m` is the short form everyone types.
    let raw: Vec<String> = raw
        .iter()
        .map(|a| {
            if a == "-m" {
                "--message".to_owned()
            } else {
                a.clone()
            }
        })
        .collect();
    let Some(args) = parse(&raw, &spec, COMMIT_HELP)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let (site, generator) = site_arg(&args, COMMIT_HELP)?;
    let named = &args.positional[1..];
    let changes = reviews(&site, generator, named)?;
    if changes.is_empty() {
        return Err(CliError::Problems(GitError::NothingToCommit.to_string()));
    }
    let message = match args.option("message") {
        Some(m) => m.to_owned(),
        None => {
            let pages: Vec<_> = changes
                .iter()
                .filter_map(|c| c.review.clone().map(|r| (c.title.clone(), r)))
                .collect();
            if pages.len() == changes.len() {
                suggest_message(&pages)
            } else {
                format!("Update {} files", changes.len())
            }
        }
    };
    let paths: Vec<String> = changes.into_iter().map(|c| c.path).collect();
    let info = galley_git::commit_paths(&site, &paths, &message).map_err(git_error)?;
    Output::new().line(&format!(
        "Recorded {}: {}",
        &info.id[..info.id.len().min(8)],
        info.summary
    ));
    Ok(ExitCode::SUCCESS)
}

/// `galley log FILE [--limit N]`.
pub fn log(raw: &[String]) -> Result<ExitCode, CliError> {
    let spec = Spec {
        flags: &[],
        options: &["limit"],
    };
    let Some(args) = parse(raw, &spec, LOG_HELP)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let [file] = args.positional.as_slice() else {
        return Err(CliError::Usage(format!(
            "log needs one FILE.\n\n{LOG_HELP}"
        )));
    };
    let limit = match args.option("limit") {
        Some(n) => n
            .parse::<usize>()
            .map_err(|_| CliError::Usage(format!("--limit takes a whole number, not \"{n}\".")))?,
        None => 50,
    };
    let path = Path::new(file);
    let (root, _) = find_site_root(path).unwrap_or_else(|| {
        (
            path.parent().unwrap_or(Path::new(".")).to_path_buf(),
            Generator::Plain,
        )
    });
    let canonical = path
        .canonicalize()
        .map_err(|e| CliError::Io(format!("Cannot find \"{file}\": {e}.")))?;
    let root = root
        .canonicalize()
        .map_err(|e| CliError::Io(e.to_string()))?;
    let rel = galley_core::paths::relative_to_root(&root, &canonical)
        .ok_or_else(|| CliError::Usage(format!("\"{file}\" is not inside a site.")))?;
    let mut out = Output::new();
    for entry in galley_git::history(&root, &rel, limit).map_err(git_error)? {
        out.line(&format!(
            "{}  {}  {}  {}",
            entry.short_id,
            day(entry.time + i64::from(entry.offset_minutes) * 60),
            entry.author,
            entry.summary
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// `YYYY-MM-DD` of a Unix time (civil-from-days, proleptic Gregorian).
fn day(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `galley sync SITE`.
pub fn sync(raw: &[String]) -> Result<ExitCode, CliError> {
    let Some(args) = parse(raw, &NO_OPTIONS, SYNC_HELP)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let (site, _) = site_arg(&args, SYNC_HELP)?;
    let outcome = galley_git::sync(&site, &credentials(), &mut |_| {}).map_err(git_error)?;
    let mut out = Output::new();
    match outcome {
        SyncOutcome::UpToDate => out.line("Already up to date."),
        SyncOutcome::FastForwarded { .. } => out.line("Got the latest changes."),
        SyncOutcome::Merged { .. } => {
            out.line("Got the latest changes and combined them with yours.")
        }
        SyncOutcome::Conflicts { conflicts } => {
            // A terminal cannot show the combine screen: put everything back.
            galley_git::abort_merge(&site).map_err(git_error)?;
            let pages: Vec<String> = conflicts.into_iter().map(|c| c.path).collect();
            return Err(CliError::Problems(format!(
                "These pages were changed here and on the remote: {}. Nothing was changed; open the site in Galley to combine them.",
                pages.join(", ")
            )));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `galley publish SITE`.
pub fn publish(raw: &[String]) -> Result<ExitCode, CliError> {
    let Some(args) = parse(raw, &NO_OPTIONS, PUBLISH_HELP)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let (site, _) = site_arg(&args, PUBLISH_HELP)?;
    let published = galley_git::publish(&site, &credentials(), &mut |_| {}).map_err(git_error)?;
    Output::new().line(&format!(
        "Published {} to {}/{}.",
        published.branch, published.remote, published.remote_branch
    ));
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn days() {
        assert_eq!(super::day(0), "1970-01-01");
        assert_eq!(super::day(1_764_000_000), "2025-11-24");
        assert_eq!(super::day(951_782_400), "2000-02-29");
    }
}

//! How Galley signs in to a remote: the user's ssh-agent, default SSH key
//! files and git credential helpers (through `auth-git2`), plus an optional
//! HTTPS token the app keeps in the OS keychain and passes in.
//!
//! libgit2 calls the credentials callback again after every refusal, forever;
//! [`Credentials`] counts the calls and gives up after [`MAX_ATTEMPTS`], which
//! is what turns a wrong password into [`crate::GitError::Credentials`] instead
//! of a hang.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::Mutex;

/// How many times one operation may ask for credentials: enough for a token,
/// the ssh-agent, a few key files and a credential helper to each get a turn.
pub const MAX_ATTEMPTS: u32 = 6;

/// A username and token (or password) for HTTPS remotes.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpsToken {
    /// The account name; hosts that only look at the token accept anything
    /// non-empty (GitHub suggests `x-access-token`, GitLab `oauth2`).
    pub username: String,
    /// The secret.
    pub token: String,
}

impl std::fmt::Debug for HttpsToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpsToken")
            .field("username", &self.username)
            .field("token", &"…")
            .finish()
    }
}

/// Which ways of signing in an operation may try, in order: the HTTPS token
/// (if any), then the ssh-agent, default SSH keys and git credential helpers.
#[derive(Debug, Clone)]
pub struct Credentials {
    token: Option<HttpsToken>,
    use_system: bool,
}

impl Default for Credentials {
    fn default() -> Self {
        Credentials::system()
    }
}

impl Credentials {
    /// The user's own setup: ssh-agent, `~/.ssh/id_*`, git credential helpers
    /// (Git Credential Manager, osxkeychain, libsecret). Never prompts on a
    /// terminal: a desktop app has none.
    pub fn system() -> Self {
        Credentials {
            token: None,
            use_system: true,
        }
    }

    /// Only the given token; for tests and for a user who turned the rest off.
    pub fn token_only(token: HttpsToken) -> Self {
        Credentials {
            token: Some(token),
            use_system: false,
        }
    }

    /// Adds an HTTPS token, tried before anything else.
    pub fn with_token(mut self, token: HttpsToken) -> Self {
        self.token = Some(token);
        self
    }

    /// Builds the libgit2 callback for one operation. `attempts` counts the
    /// calls so the caller can tell "gave up signing in" from other failures.
    pub(crate) fn callback<'a>(
        &'a self,
        config: &'a git2::Config,
        authenticator: &'a auth_git2::GitAuthenticator,
        attempts: &'a Cell<u32>,
    ) -> impl FnMut(&str, Option<&str>, git2::CredentialType) -> Result<git2::Cred, git2::Error> + 'a
    {
        let mut token_tried = false;
        let mut system = authenticator.credentials(config);
        move |url, username, allowed| {
            attempts.set(attempts.get() + 1);
            if attempts.get() > MAX_ATTEMPTS {
                return Err(git2::Error::from_str("gave up signing in"));
            }
            if let Some(token) = &self.token {
                if !token_tried && allowed.contains(git2::CredentialType::USER_PASS_PLAINTEXT) {
                    token_tried = true;
                    return git2::Cred::userpass_plaintext(&token.username, &token.token);
                }
            }
            if self.use_system {
                return system(url, username, allowed);
            }
            Err(git2::Error::from_str("no more ways to sign in"))
        }
    }

    /// The `auth-git2` setup matching this strategy.
    pub(crate) fn authenticator(&self) -> auth_git2::GitAuthenticator {
        if !self.use_system {
            return auth_git2::GitAuthenticator::new_empty();
        }
        auth_git2::GitAuthenticator::new_empty()
            .try_cred_helper(true)
            .try_ssh_agent(true)
            .add_default_username()
            .add_default_ssh_keys()
            .try_password_prompt(0)
    }
}

/// Where the app keeps HTTPS tokens, per host. The desktop app implements it
/// over the OS keychain (the `keyring` crate); tests and the CLI use
/// [`MemoryTokenStore`], so no keychain daemon is needed to run them.
pub trait TokenStore {
    /// The token saved for `host`, if any.
    fn token_for(&self, host: &str) -> Option<HttpsToken>;
    /// Saves (or replaces) the token for `host`.
    fn save(&self, host: &str, token: HttpsToken) -> Result<(), String>;
    /// Forgets the token for `host` (after the server refused it).
    fn forget(&self, host: &str) -> Result<(), String>;
}

/// A [`TokenStore`] that lives as long as the process.
#[derive(Debug, Default)]
pub struct MemoryTokenStore {
    tokens: Mutex<HashMap<String, HttpsToken>>,
}

impl TokenStore for MemoryTokenStore {
    fn token_for(&self, host: &str) -> Option<HttpsToken> {
        self.tokens.lock().ok()?.get(host).cloned()
    }

    fn save(&self, host: &str, token: HttpsToken) -> Result<(), String> {
        self.tokens
            .lock()
            .map_err(|_| "token store unusable".to_owned())?
            .insert(host.to_owned(), token);
        Ok(())
    }

    fn forget(&self, host: &str) -> Result<(), String> {
        self.tokens
            .lock()
            .map_err(|_| "token store unusable".to_owned())?
            .remove(host);
        Ok(())
    }
}

/// The host (with port) of a remote URL, the key a [`TokenStore`] uses:
/// `https://user@host:8443/o/r.git` → `host:8443`; `git@host:o/r.git` → `host`.
pub fn remote_host(url: &str) -> Option<String> {
    if let Some((_, rest)) = url.split_once("://") {
        let authority = rest.split('/').next()?;
        let host = authority.rsplit('@').next()?;
        return (!host.is_empty()).then(|| host.to_owned());
    }
    let (head, _) = url.split_once(':')?;
    if head.contains('/') {
        return None; // a local path with a colon in it
    }
    let host = head.rsplit('@').next()?;
    (!host.is_empty()).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_keys_for_token_store() {
        let cases = [
            ("https://github.com/o/r.git", Some("github.com")),
            (
                "https://me@gitlab.example:8443/g/p.git",
                Some("gitlab.example:8443"),
            ),
            ("http://127.0.0.1:4000/site.git", Some("127.0.0.1:4000")),
            ("git@github.com:o/r.git", Some("github.com")),
            ("ssh://git@host.example/o/r", Some("host.example")),
            ("/srv/git/site.git", None),
            ("./relative/dir", None),
        ];
        for (url, want) in cases {
            assert_eq!(remote_host(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn memory_store_round_trip() {
        let store = MemoryTokenStore::default();
        let token = HttpsToken {
            username: "x-access-token".into(),
            token: "s3cret".into(),
        };
        store.save("github.com", token.clone()).expect("save");
        assert_eq!(store.token_for("github.com"), Some(token));
        assert!(!format!("{:?}", store.token_for("github.com")).contains("s3cret"));
        store.forget("github.com").expect("forget");
        assert_eq!(store.token_for("github.com"), None);
    }
}

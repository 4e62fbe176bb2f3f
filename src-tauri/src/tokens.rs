//! HTTPS access tokens kept in the operating system's keychain (macOS
//! Keychain, Windows Credential Manager, the Secret Service on Linux), one per
//! host, never in a plain file.

use galley_git::{HttpsToken, TokenStore};

/// The keychain "service" Galley's entries are filed under.
const SERVICE: &str = "Galley";

/// [`TokenStore`] over the OS keychain.
pub struct KeychainTokens;

/// One keychain secret holds both parts: `username`, a newline, the token.
fn encode(token: &HttpsToken) -> String {
    format!("{}\n{}", token.username, token.token)
}

fn decode(secret: &str) -> Option<HttpsToken> {
    let (username, token) = secret.split_once('\n')?;
    (!token.is_empty()).then(|| HttpsToken {
        username: username.to_owned(),
        token: token.to_owned(),
    })
}

impl TokenStore for KeychainTokens {
    fn token_for(&self, host: &str) -> Option<HttpsToken> {
        let secret = keyring::Entry::new(SERVICE, host)
            .ok()?
            .get_password()
            .ok()?;
        decode(&secret)
    }

    fn save(&self, host: &str, token: HttpsToken) -> Result<(), String> {
        keyring::Entry::new(SERVICE, host)
            .and_then(|entry| entry.set_password(&encode(&token)))
            .map_err(|e| e.to_string())
    }

    fn forget(&self, host: &str) -> Result<(), String> {
        match keyring::Entry::new(SERVICE, host).and_then(|entry| entry.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_round_trips_and_rejects_garbage() {
        let token = HttpsToken {
            username: "x-access-token".into(),
            token: "ghp_abc\u{e5}".into(),
        };
        let back = decode(&encode(&token)).expect("decodes");
        assert_eq!((back.username, back.token), (token.username, token.token));
        assert!(decode("no newline").is_none());
        assert!(decode("user\n").is_none());
    }
}

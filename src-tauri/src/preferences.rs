//! The editor's preferences: what they are, their defaults, and which values
//! are allowed. Stored by `tauri-plugin-store` (see `commands::prefs`), read
//! leniently: a value Galley no longer knows (an older or newer version wrote
//! it, or someone edited the file) falls back to its default on its own,
//! without losing the other preferences.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The UI's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// The system's first language Galley speaks, else English.
    #[default]
    System,
    /// English.
    En,
    /// Swedish.
    Sv,
}

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follows the system's light/dark setting as it changes.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Where the preview sits beside the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PreviewSide {
    /// Right of the editor.
    #[default]
    Right,
    /// Left of the editor.
    Left,
    /// Not shown (more room for writing).
    Hidden,
}

/// How often unsaved edits are saved without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AutoSave {
    /// Only when the editor saves.
    #[default]
    #[serde(rename = "off")]
    Off,
    /// Every 30 seconds.
    #[serde(rename = "30s")]
    Seconds30,
    /// Every minute.
    #[serde(rename = "1m")]
    Minute1,
    /// Every five minutes.
    #[serde(rename = "5m")]
    Minutes5,
}

/// Smallest and largest editor font size, in CSS pixels: below 11 px text is
/// hard to read for anyone; above 24 px a line holds too few words to edit.
pub const FONT_SIZES: std::ops::RangeInclusive<u8> = 11..=24;

/// Every preference, with its default when missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    /// The UI's language.
    pub language: Language,
    /// Light, dark or following the system.
    pub theme: Theme,
    /// The text editor's font size in CSS pixels (see [`FONT_SIZES`]).
    pub editor_font_size: u8,
    /// Where the preview is.
    pub preview_side: PreviewSide,
    /// Saving without asking.
    pub auto_save: AutoSave,
    /// Look for a new version of Galley after starting (only where a release
    /// address is configured).
    pub check_for_updates: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            language: Language::System,
            theme: Theme::System,
            editor_font_size: 14,
            preview_side: PreviewSide::Right,
            auto_save: AutoSave::Off,
            check_for_updates: true,
        }
    }
}

/// A preference value that is not allowed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PreferenceError {
    /// The font size is outside [`FONT_SIZES`].
    #[error("The editor's font size must be between {min} and {max}.", min = FONT_SIZES.start(), max = FONT_SIZES.end())]
    FontSize,
}

impl Preferences {
    /// Reads stored preferences, keeping each known value that is valid and
    /// using the default for anything missing, unknown or out of range.
    pub fn from_stored(stored: Option<&Value>) -> Preferences {
        let mut prefs = Preferences::default();
        let Some(Value::Object(map)) = stored else {
            return prefs;
        };
        fn read<T: serde::de::DeserializeOwned>(value: Option<&Value>, into: &mut T) {
            if let Some(parsed) = value.and_then(|v| serde_json::from_value(v.clone()).ok()) {
                *into = parsed;
            }
        }
        read(map.get("language"), &mut prefs.language);
        read(map.get("theme"), &mut prefs.theme);
        read(map.get("editor_font_size"), &mut prefs.editor_font_size);
        read(map.get("preview_side"), &mut prefs.preview_side);
        read(map.get("auto_save"), &mut prefs.auto_save);
        read(map.get("check_for_updates"), &mut prefs.check_for_updates);
        if prefs.validate().is_err() {
            prefs.editor_font_size = Preferences::default().editor_font_size;
        }
        prefs
    }

    /// Refuses values outside their range (the enums' values are checked by
    /// their types when the UI's answer is read).
    pub fn validate(&self) -> Result<(), PreferenceError> {
        if !FONT_SIZES.contains(&self.editor_font_size) {
            return Err(PreferenceError::FontSize);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn missing_file_or_garbage_gives_defaults() {
        assert_eq!(Preferences::from_stored(None), Preferences::default());
        assert_eq!(
            Preferences::from_stored(Some(&json!("nonsense"))),
            Preferences::default()
        );
    }

    #[test]
    fn known_values_are_kept_and_unknown_ones_fall_back_one_by_one() {
        let stored = json!({
            "language": "sv",
            "theme": "purple",
            "editor_font_size": 18,
            "preview_side": "left",
            "auto_save": "30s",
            "check_for_updates": "yes",
            "something_new": 1,
        });
        let prefs = Preferences::from_stored(Some(&stored));
        assert_eq!(prefs.language, Language::Sv);
        assert_eq!(prefs.theme, Theme::System, "unknown theme → default");
        assert_eq!(prefs.editor_font_size, 18);
        assert_eq!(prefs.preview_side, PreviewSide::Left);
        assert_eq!(prefs.auto_save, AutoSave::Seconds30);
        assert!(prefs.check_for_updates, "not a boolean → default");
    }

    #[test]
    fn font_size_out_of_range_is_refused_and_not_loaded() {
        let prefs = Preferences {
            editor_font_size: 40,
            ..Preferences::default()
        };
        assert_eq!(prefs.validate(), Err(PreferenceError::FontSize));
        assert!(PreferenceError::FontSize
            .to_string()
            .contains("between 11 and 24"));
        let stored = json!({ "editor_font_size": 3, "theme": "dark" });
        let loaded = Preferences::from_stored(Some(&stored));
        assert_eq!(loaded.editor_font_size, 14);
        assert_eq!(loaded.theme, Theme::Dark);
    }

    #[test]
    fn wire_names_are_the_uis() {
        let prefs = Preferences {
            auto_save: AutoSave::Minutes5,
            preview_side: PreviewSide::Hidden,
            ..Preferences::default()
        };
        let wire = serde_json::to_value(&prefs).expect("json");
        assert_eq!(
            wire,
            json!({
                "language": "system",
                "theme": "system",
                "editor_font_size": 14,
                "preview_side": "hidden",
                "auto_save": "5m",
                "check_for_updates": true,
            })
        );
        let back: Preferences = serde_json::from_value(wire).expect("round trip");
        assert_eq!(back, prefs);
    }
}

// English is the reference catalogue: every key lives here first, and the
// Swedish catalogue is type-checked against it so no string can be missing.
// Keys are grouped by screen ("welcome.", "form.", …). `{name}` marks a value
// filled in by `t(key, { name })`.
export const en = {
  "app.name": "Galley",
  "language.label": "Language",
  "language.en": "English",
  "language.sv": "Svenska",
  "welcome.tagline": "Edit your website's pages, see exactly what will be published, and publish.",
  "welcome.open": "Open a site folder…",
  "welcome.recent": "Recent sites",
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

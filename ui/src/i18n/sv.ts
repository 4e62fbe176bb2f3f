import type { Catalogue } from "./en";

// Swedish for editors at Swedish universities: plain words, "du" form, the
// terms Swedish web editors use ("publicera", "sida", "ändringar").
export const sv: Catalogue = {
  "app.name": "Galley",
  "language.label": "Språk",
  "language.en": "English",
  "language.sv": "Svenska",
  "welcome.tagline": "Redigera webbplatsens sidor, se exakt vad som kommer att publiceras, och publicera.",
  "welcome.open": "Öppna en webbplatsmapp…",
  "welcome.recent": "Senaste webbplatser",
};

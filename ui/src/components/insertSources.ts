// What the text's Link and Image dialogs need from the site: its pages (found
// by search, linked by their published address) and its images.
import type { PageSummary, SiteImage } from "../ipc/types";

export interface InsertSources {
  /** Pages matching `query`, best first. */
  searchPages(query: string): Promise<PageSummary[]>;
  /** The address a page is published at, for a link to it. */
  pageUrl(path: string): Promise<string | null>;
  /** A collection's name as the site browser shows it. */
  collectionLabel(id: string): string;
  /** Every image of the site. */
  images(): Promise<SiteImage[]>;
  /** An image chosen on the computer, copied into the site; null if cancelled. */
  importImage(): Promise<SiteImage | null>;
}

// Which part of the user guide (docs/guide/*.md) explains an error. The
// guide marks its sections with `<a id="…">` anchors that are the same in
// every language, so one table serves all of them.

export type GuideSection =
  | "open"
  | "clone"
  | "find"
  | "edit"
  | "preview"
  | "save"
  | "publish"
  | "sign-in"
  | "identity"
  | "clash"
  | "changed-elsewhere"
  | "preferences";

export const GUIDE_SECTIONS: readonly GuideSection[] = [
  "open",
  "clone",
  "find",
  "edit",
  "preview",
  "save",
  "publish",
  "sign-in",
  "identity",
  "clash",
  "changed-elsewhere",
  "preferences",
];

/** The guide section for an error's code (IpcError.code), or null when the
 * message says all there is. */
export function guideSectionFor(code: string): GuideSection | null {
  switch (code) {
    case "not_a_site":
    case "outside_site":
    case "no_site":
      return "open";
    case "destination_not_empty":
      return "clone";
    case "credentials":
      return "sign-in";
    case "no_identity":
      return "identity";
    case "remote_has_new_commits":
    case "offline":
    case "locked":
    case "nothing_to_commit":
      return "publish";
    case "changes_in_the_way":
    case "merge_in_progress":
    case "unresolved":
      return "clash";
    case "changed_on_disk":
      return "changed-elsewhere";
    case "invalid_field":
    case "broken_front_matter":
      return "edit";
    default:
      return null;
  }
}

/** The file name at the end of an image's address (`…/img/03-edit.png` →
 * `03-edit.png`), to find the guide's bundled screenshot. */
export function imageFileName(src: string): string {
  const path = src.split(/[?#]/)[0] ?? "";
  return path.split("/").pop() ?? "";
}

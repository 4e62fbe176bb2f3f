// The invoke wrappers send the command names and argument names the Rust
// shell registers (tests/boundaries.rs checks the names exist there; this
// checks each wrapper calls the right one with the right arguments).
import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { Channel } from "@tauri-apps/api/core";
import { asIpcError, previewLinkUrl, siteAssetUrl, tauriBackend as backend } from "./index";
import type { Progress } from "./types";

interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

/** Records every invoke and answers `reply`. */
function record(reply: unknown = null): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    return reply;
  });
  return calls;
}

afterEach(() => clearMocks());

/** What mockIPC installs to deliver a channel's messages, as the shell would. */
function sendOnChannel(channel: Channel<Progress>, message: Progress): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index: 0, message });
}

const noop = (): void => undefined;

describe("invoke wrappers", () => {
  const cases: [string, () => Promise<unknown>, string, Record<string, unknown>][] = [
    ["currentSite", () => backend.currentSite(), "current_site", {}],
    ["openSite", () => backend.openSite("/sites/demo"), "open_site", { root: "/sites/demo" }],
    ["openPage", () => backend.openPage("a.md"), "open_page", { path: "a.md" }],
    [
      "savePage",
      () => backend.savePage("a.md", "f1", [{ key: "title", input: "T" }], "body"),
      "save_page",
      { path: "a.md", fingerprint: "f1", edits: [{ key: "title", input: "T" }], ops: [], body: "body" },
    ],
    ["pageForLink", () => backend.pageForLink("a.md", "/x/"), "page_for_link", { from: "a.md", link: "/x/" }],
    ["commitChanges", () => backend.commitChanges("msg", ["a.md"]), "commit_changes", { message: "msg", paths: ["a.md"] }],
    ["statusOfPaths", () => backend.statusOfPaths(["a.md"]), "status_of_paths", { paths: ["a.md"] }],
    ["reviewChanges", () => backend.reviewChanges(), "review_site_changes", {}],
    ["discardChange", () => backend.discardChange("a.md"), "discard_change", { path: "a.md" }],
    ["pageVersion", () => backend.pageVersion("c1", "a.md"), "page_version", { commit: "c1", path: "a.md" }],
    ["restoreVersion", () => backend.restoreVersion("c1", "a.md"), "restore_version", { commit: "c1", path: "a.md" }],
    [
      "resolveConflicts",
      () => backend.resolveConflicts([["a.md", { kind: "mine" }]], "m"),
      "resolve_conflicts",
      { resolutions: [["a.md", { kind: "mine" }]], message: "m" },
    ],
    ["setGitIdentity", () => backend.setGitIdentity("A", "a@b.se"), "set_git_identity", { name: "A", email: "a@b.se" }],
    ["setHttpsToken", () => backend.setHttpsToken("u", "t"), "set_https_token", { username: "u", token: "t", address: null }],
    ["setHttpsToken for a clone", () => backend.setHttpsToken("u", "t", "https://git.example/site.git"), "set_https_token", { username: "u", token: "t", address: "https://git.example/site.git" }],
    ["duplicatePage", () => backend.duplicatePage("_a/x.md", "Y"), "duplicate_page", { path: "_a/x.md", title: "Y" }],
    ["getPreferences", () => backend.getPreferences(), "get_preferences", {}],
    ["siteSetup", () => backend.siteSetup(), "site_setup", {}],
    ["cloneDestination", () => backend.cloneDestination("https://git.example/site.git"), "clone_destination", { address: "https://git.example/site.git" }],
    ["cancelClone", () => backend.cancelClone(), "cancel_clone", {}],
    ["openExternal", () => backend.openExternal("https://x.se"), "open_external", { url: "https://x.se" }],
    ["setSpellLanguages", () => backend.setSpellLanguages(["sv", "en"]), "set_spell_languages", { tags: ["sv", "en"] }],
    ["setUnsaved", () => backend.setUnsaved(2), "set_unsaved", { count: 2 }],
    [
      "settleOutsideChange",
      () => backend.settleOutsideChange("a.md", [], null, "f2", { kind: "keep_mine" }),
      "settle_outside_change",
      { path: "a.md", edits: [], ops: [], body: null, theirsFingerprint: "f2", settle: { kind: "keep_mine" } },
    ],
    [
      "journalDraft",
      () => backend.journalDraft("a.md", "f1", [], "b", [{ op: "remove", key: "x" }]),
      "journal_draft",
      { path: "a.md", fingerprint: "f1", edits: [], ops: [{ op: "remove", key: "x" }], body: "b" },
    ],
    ["checkDraft", () => backend.checkDraft("a.md", [], []), "check_draft", { path: "a.md", edits: [], ops: [], body: null }],
    ["searchPages", () => backend.searchPages("ostersund"), "search_pages", { query: "ostersund" }],
    ["searchIndexReady", () => backend.searchIndexReady(), "search_index_ready", {}],
    [
      "listPages",
      () => backend.listPages({ collection: "news", sort: "date", filters: ["hidden"], offset: 100, limit: 50, find: "a.md" }),
      "list_pages",
      { query: { collection: "news", sort: "date", filters: ["hidden"], offset: 100, limit: 50, find: "a.md" } },
    ],
    ["pageSummaries", () => backend.pageSummaries(["a.md"]), "page_summaries", { paths: ["a.md"] }],
    ["pageUrl", () => backend.pageUrl("a.md"), "page_url", { path: "a.md" }],
    ["duplicatePage", () => backend.duplicatePage("a.md", "A (copy)"), "duplicate_page", { path: "a.md", title: "A (copy)" }],
    ["newPage", () => backend.newPage("news", "Hej"), "new_page", { collection: "news", title: "Hej" }],
    ["renamePage", () => backend.renamePage("a.md", "b"), "rename_page", { path: "a.md", name: "b" }],
    ["deletePage", () => backend.deletePage("a.md"), "delete_page", { path: "a.md" }],
  ];

  it.each(cases)("%s sends %s", async (_name, call, cmd, args) => {
    const calls = record();
    await call();
    expect(calls).toEqual([{ cmd, args }]);
  });

  it("sends a keystroke as an edit of the kept text, and the whole text when Rust no longer holds it", async () => {
    const calls: Call[] = [];
    const block = (key: number, line: number) => ({ html: `<p>${key}</p>`, first_line: line, last_line: line, key });
    const replies: unknown[] = [
      { revision: 1, keep_start: 0, keep_end: 0, blocks: [block(1, 1), block(2, 3), block(3, 5)], lines: [1, 1, 3, 3, 5, 5] },
      { revision: 2, keep_start: 1, keep_end: 1, blocks: [block(9, 3)], lines: [1, 1, 3, 3, 5, 5] },
      null,
      { revision: 7, keep_start: 2, keep_end: 0, blocks: [block(4, 5)], lines: [1, 1, 3, 3, 5, 5] },
    ];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      return replies.shift();
    });
    const first = await backend.renderPreview("keys.md", "a\n\nb\n\nc");
    const second = await backend.renderPreview("keys.md", "a\n\nB\n\nc");
    const third = await backend.renderPreview("keys.md", "a\n\nB\n\nd");
    expect(first.map((b) => b.key)).toEqual([1, 2, 3]);
    expect(second.map((b) => b.key)).toEqual([1, 9, 3]);
    expect(third.map((b) => b.key)).toEqual([1, 9, 4]);
    expect(calls.map((c) => c.cmd)).toEqual(["render_preview", "preview_edit", "preview_edit", "render_preview"]);
    expect(calls[0]?.args).toEqual({ path: "keys.md", body: "a\n\nb\n\nc", known: [] });
    expect(calls[1]?.args).toEqual({ path: "keys.md", edit: { base: 1, keep_start: 3, keep_end: 3, insert: "B" } });
    expect(calls[2]?.args).toEqual({ path: "keys.md", edit: { base: 2, keep_start: 6, keep_end: 0, insert: "d" } });
    // Refused: the whole text, with the keys of what the preview shows.
    expect(calls[3]?.args).toEqual({ path: "keys.md", body: "a\n\nB\n\nd", known: [1, 9, 3] });
  });

  it("renders a keystroke's edit within the keystroke through the app's protocol, and asynchronously once that fails", async () => {
    const posted: { url: string; body: string; contentType: string | null }[] = [];
    const answers: { status: number; text: string }[] = [
      { status: 200, text: JSON.stringify({ revision: 2, keep_start: 0, keep_end: 0, blocks: [], lines: [] }) },
      // Busy (a render holds the text): this edit alone goes as the command.
      { status: 503, text: "" },
      { status: 200, text: JSON.stringify({ revision: 4, keep_start: 0, keep_end: 0, blocks: [], lines: [] }) },
      { status: 500, text: "" },
    ];
    /** Answers at once, as the app's protocol answers a synchronous request. */
    class AnsweringRequest {
      status = 0;
      responseText = "";
      private url = "";
      private contentType: string | null = null;
      open(method: string, url: string, async: boolean): void {
        expect([method, async]).toEqual(["POST", false]);
        this.url = url;
      }
      setRequestHeader(name: string, value: string): void {
        if (name === "Content-Type") this.contentType = value;
      }
      send(body: string): void {
        posted.push({ url: this.url, body, contentType: this.contentType });
        const answer = answers.shift() ?? { status: 500, text: "" };
        this.status = answer.status;
        this.responseText = answer.text;
      }
    }
    vi.stubGlobal("XMLHttpRequest", AnsweringRequest);
    vi.resetModules();
    const fresh = (await import("./index")).tauriBackend;
    const commands: string[] = [];
    mockIPC((cmd) => {
      commands.push(cmd);
      return { revision: [1, 3, 5, 6][commands.length - 1], keep_start: 0, keep_end: 0, blocks: [], lines: [] };
    });
    try {
      await fresh.renderPreview("k.md", "ab");
      await fresh.renderPreview("k.md", "abc");
      await fresh.renderPreview("k.md", "abcd"); // busy: as the command
      await fresh.renderPreview("k.md", "abcde"); // within the keystroke again
      // The protocol fails: this edit and every later one go as the command.
      await fresh.renderPreview("k.md", "abcdef");
      await fresh.renderPreview("k.md", "abcdefg");
    } finally {
      vi.unstubAllGlobals();
    }
    expect(commands).toEqual(["render_preview", "preview_edit", "preview_edit", "preview_edit"]);
    expect(posted).toHaveLength(4);
    expect(JSON.parse(posted[2]?.body ?? "{}")).toEqual({ path: "k.md", edit: { base: 3, keep_start: 4, keep_end: 0, insert: "e" } });
    expect(posted[0]).toEqual({
      url: "galley-site://localhost/__galley__/preview-edit",
      body: JSON.stringify({ path: "k.md", edit: { base: 1, keep_start: 2, keep_end: 0, insert: "c" } }),
      // A simple request: no preflight before it.
      contentType: "text/plain;charset=UTF-8",
    });
  });

  it("passes transfer progress through a channel", async () => {
    const seen: Progress[] = [];
    const calls: Call[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      const progress = (args as { progress: Channel<Progress> }).progress;
      sendOnChannel(progress, { stage: "sending", objects: 1, total: 2, bytes: 9 });
      return { branch: "main", remote: "origin", remote_branch: "main", commit: "c", set_upstream: false };
    });
    const published = await backend.publishSite((p) => seen.push(p));
    expect(calls.map((c) => c.cmd)).toEqual(["publish_site"]);
    expect(published.remote).toBe("origin");
    expect(seen).toEqual([{ stage: "sending", objects: 1, total: 2, bytes: 9 }]);
  });

  it("sends the proposal's message and paths with its progress channel", async () => {
    const calls = record({ branch: "galley/x", commit: "c", review_url: null });
    await backend.proposeReview("msg", ["a.md"], noop);
    expect(calls[0]?.cmd).toBe("propose_review");
    expect(calls[0]?.args["message"]).toBe("msg");
    expect(calls[0]?.args["paths"]).toEqual(["a.md"]);
    expect(calls[0]?.args["progress"]).toBeInstanceOf(Channel);
  });

  it("hands a command's refusal over as {code, message}", async () => {
    mockIPC(() => Promise.reject({ code: "offline", message: "No network." }));
    const failure = await backend.gitStatus().catch((e: unknown) => asIpcError(e));
    expect(failure).toEqual({ code: "offline", message: "No network." });
    expect(asIpcError("plain text")).toEqual({ code: "unknown", message: "plain text" });
  });
});

describe("site URLs", () => {
  it("serves site files and preview links through the app's protocol", () => {
    expect(siteAssetUrl("assets/images/arena map.png")).toBe("galley-site://localhost/assets/images/arena%20map.png");
    expect(previewLinkUrl("/about/", false)).toBe("galley-site://localhost/__galley__/link?to=%2Fabout%2F&external=0");
  });
});

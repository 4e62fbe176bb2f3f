// An in-memory stand-in for the Rust shell, serving the demo site fixture, so
// the real App runs in a plain browser for the accessibility and keyboard
// tests. It keeps just enough state (saved pages, changed files, ahead count,
// a pending merge) for the screens to behave as they do in the app; it is not
// a second implementation of the core (see tests/e2e for the real thing).
import type { Backend } from "../src/ipc";
import type {
  AppEvent,
  ChangeReview,
  DropOffer,
  FieldChange,
  FieldEdit,
  FieldOp,
  Preferences,
  FileChange,
  HistoryEntry,
  JournalEntry,
  LoadedPage,
  MergeView,
  Problem,
  Value,
} from "../src/ipc/types";
import { applyOps } from "../src/domain/fields";
import { DEFAULT_PREFERENCES } from "../src/domain/preferences";
import { valueText } from "../src/domain/form";
import { CONFLICTS, IMAGES, KEYS, PAGES, SCHEMAS, keyValue, siteOf, summaryOf, titleOf, type FixturePage } from "./fixture";

/** Which state the app starts in. */
export type Scenario = "welcome" | "site" | "conflicts" | "recovery";

/** What the tests can see and do from outside (window.galleyTest). */
export interface TestHooks {
  /** Every save the app asked for, in order. */
  saves: { path: string; edits: FieldEdit[]; body: string | null; ops: FieldOp[] }[];
  /** Sends an event as the shell would (close request, link click, outside change). */
  emit: (event: AppEvent) => void;
  /** Another program changes `key` of the page on disk. */
  changeOnDisk: (path: string, key: string, value: string) => void;
}

function reject(code: string, message: string): Promise<never> {
  return Promise.reject({ code, message });
}

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`);

/** Enough Markdown for a preview that looks like a page: headings, lists, paragraphs, links. */
function roughHtml(body: string): string {
  const inline = (s: string): string =>
    escapeHtml(s)
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
  return body
    .replace(/\{:[^}]*\}|\{%[\s\S]*?%\}|<[^>]+>/g, "")
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== "")
    .map((block) => {
      const heading = /^(#{1,6})\s+(.*?)(\s*\{#[\w-]+\})?$/.exec(block);
      if (heading !== null) return `<h${heading[1]?.length}>${inline(heading[2] ?? "")}</h${heading[1]?.length}>`;
      if (/^[-*] /.test(block)) return `<ul>${block.split("\n").map((l) => `<li>${inline(l.replace(/^[-*] /, ""))}</li>`).join("")}</ul>`;
      return `<p>${inline(block)}</p>`;
    })
    .join("\n");
}

/** Whether every bracket and quote opened in `yaml` is closed. */
function yamlCloses(yaml: string): boolean {
  const count = (c: string): number => yaml.split(c).length - 1;
  return count("[") === count("]") && count("{") === count("}") && count('"') % 2 === 0;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** What typed text becomes for a field that holds `current`. */
function typed(current: Value | undefined, input: string): Value {
  if (input.trim() === "") return { kind: "null" };
  if (current?.kind === "bool" && (input === "yes" || input === "no")) return { kind: "bool", value: input === "yes" };
  if ((current?.kind === "int" || current?.kind === "null") && /^-?\d+$/.test(input)) return { kind: "int", value: Number(input) };
  if ((current?.kind === "date" || current?.kind === "null") && /^\d{4}-\d{2}-\d{2}$/.test(input)) return { kind: "date", value: input };
  if (current?.kind === "datetime" && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(input)) return { kind: "datetime", value: input };
  return { kind: "text", value: input };
}

function fieldChanges(before: [string, Value][], after: [string, Value][]): FieldChange[] {
  const keys = [...new Set([...before.map(([k]) => k), ...after.map(([k]) => k)])];
  const out: FieldChange[] = [];
  for (const key of keys) {
    const b = before.find(([k]) => k === key)?.[1];
    const a = after.find(([k]) => k === key)?.[1];
    const bt = b === undefined ? "" : valueText(b);
    const at = a === undefined ? "" : valueText(a);
    if (bt === at) continue;
    const label = key.charAt(0).toUpperCase() + key.slice(1);
    out.push({ key, label, kind: b === undefined ? "added" : a === undefined ? "removed" : "changed", before: bt, after: at });
  }
  return out;
}

export function createFakeBackend(scenario: Scenario): { backend: Backend; hooks: TestHooks } {
  const original = new Map(PAGES.map((p) => [p.path, structuredClone(p)]));
  const pages = new Map<string, FixturePage & { fingerprint: number }>(PAGES.map((p) => [p.path, { ...structuredClone(p), fingerprint: 1 }]));
  const changed = new Map<string, FileChange>([["_news/2025-01-20-winter-workshop-umea.md", "changed"]]);
  let opened = scenario !== "welcome";
  let ahead = 1;
  let merge: MergeView | null = scenario === "conflicts" ? structuredClone(CONFLICTS) : null;
  let listener: ((event: AppEvent) => void) | null = null;
  /** The newest drop's files, as the shell keeps them (by number, each used once). */
  let dropped: { drop: number; files: (DropOffer["files"][number] | null)[] } | null = null;
  const images = [...IMAGES];
  const hooks: TestHooks = {
    saves: [],
    emit: (event) => {
      if (event.kind === "files_dropped") dropped = { drop: event.offer.drop, files: [...event.offer.files] };
      listener?.(event);
    },
    changeOnDisk: (path, key, value) => {
      const page = pages.get(path);
      if (page === undefined) return;
      page.fields = page.fields.map(([k, v]) => [k, k === key ? typed(v, value) : v]);
      page.fingerprint++;
    },
  };
  // The news page starts with an unrecorded change, so Changes has something to show.
  const news = pages.get("_news/2025-01-20-winter-workshop-umea.md");
  if (news !== undefined) news.fields = applyOps(news.fields, [{ op: "input", key: "title", input: "Winter workshop in Umeå, 2025" }]);

  const site = () => siteOf([...pages.values()]);
  const page = (path: string): FixturePage & { fingerprint: number } => {
    const found = pages.get(path);
    if (found === undefined) throw { code: "not_found", message: `The page "${path}" no longer exists.` };
    return found;
  };
  const loaded = (p: FixturePage & { fingerprint: number }): LoadedPage => ({
    path: p.path,
    format: "yaml",
    fields: structuredClone(p.fields),
    front_matter_problem: null,
    front_matter_words: null,
    body: p.body,
    fingerprint: String(p.fingerprint),
  });
  const applyDraft = (p: FixturePage, edits: FieldEdit[], body: string | null, ops: FieldOp[]): void => {
    p.fields = p.fields.map(([k, v]) => {
      const edit = edits.find((e) => e.key === k);
      return [k, edit === undefined ? v : typed(v, edit.input)];
    });
    p.fields = applyOps(p.fields, ops);
    if (body !== null) p.body = body;
  };
  const review = (path: string): ChangeReview => {
    const now = pages.get(path);
    const before = original.get(path);
    const change = changed.get(path) ?? "changed";
    if (now === undefined || before === undefined) {
      return { path, title: before === undefined ? path : titleOf(before), change, review: null };
    }
    const body =
      now.body === before.body
        ? [{ op: "same" as const, text: now.body }]
        : [
            { op: "removed" as const, text: before.body },
            { op: "added" as const, text: now.body },
          ];
    return { path, title: titleOf(now), change, review: { fields: fieldChanges(before.fields, now.fields), body, problem: null, problem_words: null } };
  };
  const history = (path: string): HistoryEntry[] => [
    {
      id: "c2",
      short_id: "c2",
      author: "Sofia Öberg",
      email: "sofia.oberg@demo.galley.example",
      time: Math.floor(Date.now() / 1000) - 3 * 3600,
      offset_minutes: 60,
      summary: "Update the arena's partners",
      message: "Update the arena's partners",
      path,
    },
    {
      id: "c1",
      short_id: "c1",
      author: "Björn Åkesson",
      email: "bjorn.akesson@demo.galley.example",
      time: Math.floor(Date.now() / 1000) - 40 * 86400,
      offset_minutes: 60,
      summary: "Add the AIDA engagement",
      message: "Add the AIDA engagement",
      path,
    },
  ];

  let preferences: Preferences = { ...DEFAULT_PREFERENCES };

  const backend: Backend = {
    currentSite: async () => (opened ? site() : null),
    chooseSite: async () => {
      opened = true;
      return site();
    },
    openSite: async () => {
      opened = true;
      return site();
    },
    recentSites: async () => ["/home/editor/sites/demo-data-hub", "/home/editor/sites/aida-website"],
    openPage: async (path) => loaded(page(path)),
    savePage: async (path, fingerprint, edits, body, ops = []) => {
      const p = page(path);
      if (String(p.fingerprint) !== fingerprint) {
        return reject("changed_on_disk", "This page was changed outside Galley since you opened it.");
      }
      hooks.saves.push({ path, edits, body, ops });
      applyDraft(p, edits, body, ops);
      p.fingerprint++;
      changed.set(path, changed.get(path) ?? "changed");
      return { fingerprint: String(p.fingerprint), written: true };
    },
    renderPreview: async (_path, body) => {
      // One block for the whole page: the browser tests look at screens, not
      // at the app's block-by-block updates (tests/e2e checks those).
      const html = roughHtml(body);
      let key = 0;
      for (let i = 0; i < html.length; i++) key = (key * 31 + html.charCodeAt(i)) % 2 ** 48;
      return [{ html, first_line: 1, last_line: Math.max(1, body.split("\n").length), key }];
    },
    siteStylesheet: async () => null,
    pageForLink: async () => null,
    commitChanges: async (message, paths) => {
      for (const path of paths) changed.delete(path);
      ahead++;
      return { id: "c3", summary: message.split("\n")[0] ?? message };
    },
    gitStatus: async () => ({
      files: [...changed].map(([path, change]) => ({ path, change, renamed_from: null })),
      branch: "main",
      detached: false,
      upstream: "origin/main",
      ahead,
      behind: 0,
      merge_in_progress: merge !== null,
    }),
    statusOfPaths: async (paths) => paths.map((p): [string, FileChange | null] => [p, changed.get(p) ?? null]),
    reviewChanges: async () => ({
      changes: [...changed.keys()].map(review),
      suggested_message: `Update ${[...changed.keys()].map((p) => (pages.has(p) ? titleOf(page(p)) : p)).join(", ")}`,
      suggested_words: null,
    }),
    discardChange: async (path) => {
      const before = original.get(path);
      if (before !== undefined) pages.set(path, { ...structuredClone(before), fingerprint: page(path).fingerprint + 1 });
      changed.delete(path);
    },
    pageHistory: async (path) => history(path),
    pageVersion: async (_commit, path) => loaded(page(path)),
    restoreVersion: async () => undefined,
    syncSite: async (onProgress) => {
      onProgress({ stage: "receiving", objects: 1, total: 1, bytes: 100 });
      return { outcome: "up_to_date", conflicts: [] };
    },
    openConflicts: async () => merge ?? { outcome: "up_to_date", conflicts: [] },
    resolveConflicts: async (_resolutions, message) => {
      merge = null;
      return { id: "m1", summary: message };
    },
    abandonMerge: async () => {
      merge = null;
    },
    publishSite: async (onProgress) => {
      onProgress({ stage: "sending", objects: 1, total: 1, bytes: 100 });
      ahead = 0;
      return { branch: "main", remote: "origin", remote_branch: "main", commit: "c3", set_upstream: false };
    },
    proposeReview: async () => ({ branch: "galley/update", commit: "c4", review_url: null }),
    gitIdentity: async () => ["Editor", "editor@demo.galley.example"],
    setGitIdentity: async () => undefined,
    setHttpsToken: async () => ({ in_keychain: true }),
    openExternal: async () => undefined,
    setSpellLanguages: async () => undefined,
    subscribe: async (onEvent) => {
      listener = onEvent;
    },
    setUnsaved: async () => undefined,
    quitApp: async () => undefined,
    outsideChange: async (path) => ({
      theirs_fingerprint: String(page(path).fingerprint),
      deleted: false,
      outcome: {
        clashes: [{ kind: "field", field: "title", base: null, mine: { kind: "text", value: "AIDA (mine)" }, theirs: { kind: "text", value: "AIDA (theirs)" } }],
        fields_from_mine: [],
        fields_from_theirs: ["role"],
      },
    }),
    settleOutsideChange: async (path, edits, body, theirs, _settle, ops = []) => {
      const p = page(path);
      if (String(p.fingerprint) !== theirs) return reject("changed_on_disk", "The page changed again.");
      applyDraft(p, edits, body, ops);
      p.fingerprint++;
      return { fingerprint: String(p.fingerprint), written: true };
    },
    journalDraft: async () => undefined,
    journalClear: async () => undefined,
    pendingDrafts: async (): Promise<JournalEntry[]> =>
      scenario === "recovery"
        ? [
            {
              path: "_engagements/aida.md",
              base_fingerprint: "1",
              draft: { field_edits: [{ key: "prio", input: "2" }], body: null },
              saved_at: Math.floor(Date.now() / 1000) - 600,
            },
          ]
        : [],
    pageSchema: async (path) => {
      const collection = page(path).collection;
      return { collection, schema: SCHEMAS[collection] ?? null, problems: [] };
    },
    checkDraft: async (path, edits, ops = []): Promise<Problem[]> => [
      // "Edit as YAML": brackets or quotes left open do not read (the core's
      // reader says so; the fake only needs a case of each outcome).
      ...ops.flatMap((op): Problem[] =>
        op.op === "yaml" && !yamlCloses(op.yaml)
          ? [
              {
                path,
                line: 2,
                column: 1,
                severity: "error",
                code: "malformed",
                field: op.key,
                message: "This YAML cannot be read: a bracket or quote is not closed.",
                hint: "Correct the value; Galley will not save it like this.",
                words: { code: "coreError.page.badYaml", params: { key: op.key, detail: "a bracket or quote is not closed" } },
                hint_words: { code: "problem.hint.correctValue", params: {} },
              },
            ]
          : [],
      ),
      ...edits
        .filter((e) => e.key === "prio" && !/^\d*$/.test(e.input.trim()))
        .map((e): Problem => ({
          path,
          line: 9,
          column: 7,
          severity: "error",
          code: "wrong_kind",
          field: e.key,
          message: "Prio should be a whole number.",
          hint: "Write it with digits only, like 3.",
          words: { code: "coreError.edit.wrongType", params: { field: "prio", expected: "int", input: e.input } },
          hint_words: { code: "problem.hint.correctValue", params: {} },
        })),
    ],
    siteImages: async () => [...images],
    importImage: async () => null,
    importDropped: async (drop, index) => {
      const file = dropped?.drop === drop ? dropped.files[index] : undefined;
      if (dropped === null || file === undefined || file === null) {
        return Promise.reject({ code: "io", message: "That dropped file is no longer at hand. Drop it again.", words: { code: "coreError.drop.gone", params: {} } });
      }
      dropped.files[index] = null;
      if (!file.image) {
        return Promise.reject({
          code: "io",
          message: `"${file.name}" is not an image a web page can show.`,
          words: { code: "coreError.import.notAnImage", params: { name: file.name } },
        });
      }
      const path = `assets/images/${file.name.toLowerCase().replace(/[^a-z0-9.]+/g, "-")}`;
      const image = { path, reference: `/${path}` };
      images.unshift(image);
      return image;
    },
    searchPages: async (query) => {
      const words = fold(query).split(/\s+/).filter((w) => w !== "");
      const score = (p: FixturePage): number => {
        const title = fold(titleOf(p));
        const rest = fold(`${p.fields.map(([, v]) => valueText(v)).join(" ")} ${p.body}`);
        if (words.every((w) => title.includes(w))) return 2;
        return words.every((w) => rest.includes(w)) ? 1 : 0;
      };
      const found = [...pages.values()]
        .map((p) => [p, score(p)] as const)
        .filter(([, s]) => s > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([p]) => summaryOf(p));
      return { pages: found, complete: true };
    },
    // The fixture's few pages are indexed from the start.
    searchIndexReady: async () => undefined,
    // The core sorts and filters (galley-core's browse.rs); this does the same
    // for the fixture's few pages: by title or a key field, empty values last.
    listPages: async (query) => {
      const keys = KEYS.find((k) => k.collection === query.collection);
      const fields = keys === undefined ? [] : [...keys.columns, ...keys.filters].map((f) => f.key);
      const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
      const rows = [...pages.values()]
        .filter((p) => p.collection === query.collection)
        .filter((p) => query.filters.every((f) => !fields.includes(f) || keyValue(p, f) === true))
        .sort((a, b) => {
          if (query.sort !== "title" && fields.includes(query.sort)) {
            const [va, vb] = [keyValue(a, query.sort), keyValue(b, query.sort)];
            if (va === null || vb === null) {
              if (va !== vb) return va === null ? 1 : -1;
            } else {
              const order = text(va).localeCompare(text(vb), undefined, { numeric: true, sensitivity: "base" });
              if (order !== 0) return order;
            }
          }
          return fold(titleOf(a)).localeCompare(fold(titleOf(b)));
        });
      const found = query.find === undefined || query.find === null ? -1 : rows.findIndex((p) => p.path === query.find);
      return {
        total: rows.length,
        offset: Math.min(query.offset, rows.length),
        rows: rows.slice(query.offset, query.offset + query.limit).map((p) => ({
          path: p.path,
          title: titleOf(p),
          values: fields.map((f) => keyValue(p, f)),
        })),
        found: found < 0 ? null : found,
      };
    },
    pageSummaries: async (paths) => paths.flatMap((path) => {
      const p = pages.get(path);
      return p === undefined ? [] : [summaryOf(p)];
    }),
    pageUrl: async (path) => {
      const p = pages.get(path);
      if (p === undefined) return null;
      const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");
      return p.collection === "engagements" ? `/about/engagements/${name}/` : `/${p.collection}/${name}/`;
    },
    newPage: async (collection, title) => {
      const path = `_${collection}/${fold(title).replace(/[^a-z0-9]+/g, "-")}.md`;
      if (pages.has(path)) return reject("exists", `A page named "${path}" already exists.`);
      pages.set(path, { path, collection, fields: [["title", { kind: "text", value: title }]], body: "", fingerprint: 1 });
      changed.set(path, "new");
      return path;
    },
    renamePage: async (path, name) => {
      const p = page(path);
      const to = `${path.slice(0, path.lastIndexOf("/") + 1)}${name}.md`;
      pages.delete(path);
      pages.set(to, { ...p, path: to });
      changed.set(to, "renamed");
      return to;
    },
    duplicatePage: async (path, title) => {
      const p = page(path);
      const to = `_${p.collection}/${fold(title).replace(/[^a-z0-9]+/g, "-")}.md`;
      if (pages.has(to)) return reject("exists", `A page named "${to}" already exists.`);
      const fields = p.fields.map(([k, v]): typeof p.fields[number] => (k === "title" ? [k, { kind: "text", value: title }] : [k, v]));
      pages.set(to, { ...p, path: to, fields });
      changed.set(to, "new");
      return to;
    },
    deletePage: async (path) => {
      pages.delete(path);
      changed.set(path, "deleted");
    },
    getPreferences: async () => ({ ...preferences }),
    setPreferences: async (next) => {
      preferences = { ...next };
      return { ...preferences };
    },
    installUpdate: async () => reject("update", "No update is offered in the browser tests."),
    cloneDestination: async (address) => ({
      parent: "/home/editor/Documents",
      name: address.replace(/\.git$/, "").split("/").pop() ?? "site",
    }),
    chooseCloneFolder: async () => null,
    cloneSite: async () => reject("offline", "The browser tests have no network."),
    cancelClone: async () => undefined,
    siteSetup: async () => ({ repository: true, remote: "origin", identity: true }),
  };
  return { backend, hooks };
}

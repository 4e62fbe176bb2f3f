// The demo site (content/) as the app's core would describe it: a few pages of
// each collection with their fields, the collections' schemas and key fields,
// a page changed both here and by a colleague. Bodies are the real files',
// except for the spring seminar: a news post with a date and time, which the
// demo site does not have (the end-to-end tests write one into their copy).
import type {
  CollectionKeys,
  CollectionSchema,
  FieldSchema,
  MergeView,
  KeyValue,
  PageSummary,
  SchemaKind,
  SiteImage,
  SiteView,
  Value,
} from "../src/ipc/types";
import aidaFile from "../../content/_engagements/aida.md?raw";
import ostersundFile from "../../content/_engagements/ostersund-ultrasound.md?raw";
import nordicFile from "../../content/_engagements/nordic-imaging-network.md?raw";
import kneeFile from "../../content/_datasets/knee-mri.md?raw";
import winterFile from "../../content/_news/2025-01-20-winter-workshop-umea.md?raw";
import sofiaFile from "../../content/_people/sofia-oberg.md?raw";

/** The text after a page's front matter. */
function bodyOf(file: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(file);
  return match === null ? file : file.slice(match[0].length);
}

const text = (value: string): Value => ({ kind: "text", value });
const int = (value: number): Value => ({ kind: "int", value });
const float = (value: number): Value => ({ kind: "float", value });
const bool = (value: boolean): Value => ({ kind: "bool", value });
const date = (value: string): Value => ({ kind: "date", value });
const datetime = (value: string): Value => ({ kind: "datetime", value });
const nothing: Value = { kind: "null" };
const list = (...items: Value[]): Value => ({ kind: "list", value: items });
const map = (...entries: [string, Value][]): Value => ({ kind: "map", value: entries });

export interface FixturePage {
  path: string;
  collection: string;
  fields: [string, Value][];
  body: string;
}

export const PAGES: FixturePage[] = [
  {
    path: "_engagements/aida.md",
    collection: "engagements",
    fields: [
      ["title", text("AIDA")],
      ["description", text("How the demo data hub supports the AIDA research arena.")],
      ["role", text("The data infrastructure behind the arena's projects.")],
      ["ongoing", bool(true)],
      ["start", int(2017)],
      ["end", nothing],
      ["website", text("https://example.org/aida-arena/")],
      ["logo", text("/assets/icons/aida.png")],
      ["prio", int(1)],
    ],
    body: bodyOf(aidaFile),
  },
  {
    path: "_engagements/ostersund-ultrasound.md",
    collection: "engagements",
    fields: [
      ["title", text("Östersund Ultrasound Pilot")],
      ["description", text("A small pilot on sharing point-of-care ultrasound recordings.")],
      ["role", text("Technical partner for storage and de-identification of video.")],
      ["ongoing", bool(true)],
      ["start", date("2023-08-21")],
      ["end", nothing],
      ["website", text("https://example.org/ostersund-ultrasound/")],
      ["logo", text("/assets/icons/ostersund-ultrasound.png")],
      ["prio", nothing],
    ],
    body: bodyOf(ostersundFile),
  },
  {
    path: "_engagements/nordic-imaging-network.md",
    collection: "engagements",
    fields: [
      ["title", text("Nordic Imaging Network")],
      ["description", text("A network of imaging data services in the Nordic countries.")],
      ["role", text("Co-founder and host of the network's shared catalogue.")],
      ["ongoing", bool(false)],
      ["start", date("2018-05-01")],
      ["end", date("2022-04-30")],
      ["website", text("https://example.org/nordic-imaging/")],
      ["logo", text("/assets/icons/nordic-imaging-network.png")],
      ["prio", int(6)],
    ],
    body: bodyOf(nordicFile),
  },
  {
    path: "_datasets/knee-mri.md",
    collection: "datasets",
    fields: [
      ["hidden", bool(false)],
      ["title", text("Knee MRI with meniscus tear labels")],
      [
        "datacite",
        map(
          ["@id", text("https://doi.org/10.5555/galley/kneemri")],
          ["name", text("Knee MRI with meniscus tear labels")],
          ["about", text("Radiology")],
          ["url", text("https://demo.galley.example/datasets/knee-mri-with-meniscus-tear-labels-and-segmentations/")],
          ["publisher", map(["@type", text("Organization")], ["name", text("Galley Demo Data Hub")], ["url", text("https://demo.galley.example/about/the-data-hub-and-its-partners/")])],
          [
            "copyrightHolder",
            list(
              map(
                ["name", text("Region Västerbotten, Department of Radiology and Nuclear Medicine")],
                ["url", text("https://www.regionvasterbotten.se/radiology-and-nuclear-medicine/research-data/")],
                ["@type", text("Organization")],
              ),
            ),
          ],
          ["dateCreated", text("2022-09-12")],
          ["keywords", list(text("Radiology"), text("MRI"), text("Knee"), text("Meniscus"))],
        ),
      ],
      // MRI sequences per examination protocol: a list of lists, which the form
      // edits as YAML.
      ["protocols", list(list(text("T1"), text("T2")), list(text("PD"), text("STIR")))],
      ["other", map(["origin", text("Clinical")], ["status", text("Completed")], ["sliceThickness", float(3.0)])],
    ],
    body: bodyOf(kneeFile),
  },
  {
    path: "_news/2025-01-20-winter-workshop-umea.md",
    collection: "news",
    fields: [
      ["title", text("Winter workshop in Umeå")],
      ["date", date("2025-01-20")],
      ["tags", list(text("events"), text("training"), text("Umeå"))],
    ],
    body: bodyOf(winterFile),
  },
  {
    path: "_news/2025-03-10-spring-seminar-lund.md",
    collection: "news",
    fields: [
      ["title", text("Spring seminar in Lund")],
      ["date", datetime("2025-03-10 13:00:00 +0100")],
      ["last_modified_at", nothing],
      ["tags", list(text("events"))],
    ],
    body: "Join us in Lund for an afternoon on federated learning with imaging data.\n",
  },
  {
    path: "_people/sofia-oberg.md",
    collection: "people",
    fields: [
      ["title", text("Sofia Öberg")],
      ["role", text("Research coordinator")],
      ["email", text("sofia.oberg@demo.galley.example")],
      ["photo", text("/assets/images/people/sofia-oberg.png")],
      ["orcid", text("https://orcid.org/0000-0001-6620-3845")],
    ],
    body: bodyOf(sofiaFile),
  },
];

export function titleOf(page: FixturePage): string {
  const title = page.fields.find(([k]) => k === "title")?.[1];
  return title?.kind === "text" ? title.value : page.path;
}

const LABELS: Record<string, string> = {
  engagements: "Engagements",
  datasets: "Datasets",
  news: "News",
  people: "People",
};

export function keyValue(page: FixturePage, key: string): KeyValue {
  const v = page.fields.find(([k]) => k === key)?.[1];
  if (v === undefined) return null;
  switch (v.kind) {
    case "bool":
      return v.value;
    case "int":
    case "float":
      return v.value;
    case "text":
    case "date":
    case "datetime":
      return v.value;
    default:
      return null;
  }
}

/** The key fields of the demo's collections: engagements have columns and a filter. */
export const KEYS: CollectionKeys[] = [
  {
    collection: "engagements",
    columns: [
      { key: "role", label: "Role", kind: "text" },
      { key: "start", label: "Start", kind: "date" },
      { key: "end", label: "End", kind: "date" },
      { key: "prio", label: "Prio", kind: "number" },
    ],
    filters: [{ key: "ongoing", label: "Ongoing", kind: "yes_no" }],
  },
];

export function summaryOf(page: FixturePage): PageSummary {
  return { path: page.path, collection: page.collection, title: titleOf(page) };
}

export function siteOf(pages: FixturePage[]): SiteView {
  return {
    name: "Galley Demo Data Hub",
    root: "/home/editor/sites/demo-data-hub",
    generator: "jekyll",
    lang: "en",
    collections: Object.keys(LABELS).map((id) => ({
      id,
      label: LABELS[id] ?? id,
      page_count: pages.filter((p) => p.collection === id).length,
    })),
    keys: KEYS,
  };
}

function field(key: string, kinds: SchemaKind[], extra: Partial<FieldSchema> = {}): FieldSchema {
  return {
    key,
    label: key.charAt(0).toUpperCase() + key.slice(1),
    required: false,
    choices_from_settings: false,
    present: 3,
    of: 3,
    source: "inferred",
    kinds: kinds.map((kind) => ({ kind, count: 3 })),
    ...extra,
  };
}

export const SCHEMAS: Record<string, CollectionSchema> = {
  engagements: {
    collection: "engagements",
    label: "Engagements",
    page_count: 3,
    unreadable: 0,
    fields: [
      field("title", ["text"], { required: true }),
      field("description", ["text"]),
      field("role", ["text"], { help: "One line on what the hub does in this engagement." }),
      field("ongoing", ["bool"]),
      field("start", ["year", "date"]),
      field("end", ["year", "date", "null"]),
      field("website", ["url"]),
      field("logo", ["image"]),
      field("prio", ["int", "null"]),
    ],
  },
  datasets: {
    collection: "datasets",
    label: "Datasets",
    page_count: 1,
    unreadable: 0,
    fields: [
      field("hidden", ["bool"]),
      field("title", ["text"]),
      field("datacite", ["object"]),
      field("protocols", ["list"]),
      field("other", ["object"], {
        fields: [
          field("origin", ["text"], { choices: ["Clinical", "Screening", "Research"] }),
          field("status", ["text"], { choices: ["Completed", "Ongoing", "Planned"] }),
          field("sliceThickness", ["float"], { label: "Slice thickness (mm)" }),
        ],
      }),
    ],
  },
  news: {
    collection: "news",
    label: "News",
    page_count: 1,
    unreadable: 0,
    fields: [
      field("title", ["text"]),
      field("date", ["date", "datetime"]),
      field("last_modified_at", ["date", "null"], { label: "Last modified" }),
      field("tags", ["list"], { items: { kinds: [{ kind: "text", count: 3 }] } }),
    ],
  },
  people: {
    collection: "people",
    label: "People",
    page_count: 1,
    unreadable: 0,
    fields: [field("title", ["text"]), field("role", ["text"]), field("email", ["email"]), field("photo", ["image"]), field("orcid", ["url"])],
  },
};

export const IMAGES: SiteImage[] = [
  { path: "assets/icons/aida.png", reference: "/assets/icons/aida.png" },
  { path: "assets/icons/ostersund-ultrasound.png", reference: "/assets/icons/ostersund-ultrasound.png" },
  { path: "assets/images/arena-map.png", reference: "/assets/images/arena-map.png" },
];

/** "Get latest changes" met a colleague's edit of the same page. */
export const CONFLICTS: MergeView = {
  outcome: "conflicts",
  conflicts: [
    {
      path: "_engagements/aida.md",
      title: "AIDA",
      mine: { fields: [{ key: "end", label: "End", kind: "changed", before: "", after: "2026" }], body: [], problem: null, problem_words: null },
      theirs: {
        fields: [
          { key: "end", label: "End", kind: "changed", before: "", after: "2030" },
          { key: "prio", label: "Prio", kind: "changed", before: "1", after: "2" },
        ],
        body: [],
        problem: null,
        problem_words: null,
      },
      combined: {
        clashes: [{ kind: "field", field: "end", base: null, mine: int(2026), theirs: int(2030) }],
        fields_from_mine: [],
        fields_from_theirs: ["prio"],
      },
      combine_problem: null,
      combine_problem_words: null,
    },
  ],
};

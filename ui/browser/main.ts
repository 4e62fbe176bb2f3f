// The app in a plain browser with the in-memory backend, for the browser
// tests (see *.spec.ts). `?scenario=` picks the starting state; the stored
// language is forgotten unless `?keep-language` is given, so every test
// starts from the browser's language (English in the tests).
import { mount } from "svelte";
import "../src/app.css";
import { createFakeBackend, type Scenario, type TestHooks } from "./fakeBackend";

declare global {
  interface Window {
    galleyTest?: TestHooks;
  }
}

const SCENARIOS: readonly Scenario[] = ["welcome", "site", "conflicts", "recovery"];

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  if (!params.has("keep-language")) localStorage.removeItem("galley.locale");
  const asked = params.get("scenario");
  const scenario = SCENARIOS.find((s) => s === asked) ?? "site";
  const { backend, hooks } = createFakeBackend(scenario);
  window.galleyTest = hooks;
  // Imported only now, so the language module reads the storage as cleared above.
  const { default: App } = await import("../src/App.svelte");
  const target = document.getElementById("app");
  if (target === null) throw new Error("index.html has no #app element");
  mount(App, { target, props: { backend } });
}

void start();

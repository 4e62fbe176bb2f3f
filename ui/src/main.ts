import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { tauriBackend } from "./ipc";

const target = document.getElementById("app");
if (target === null) throw new Error("index.html has no #app element");
mount(App, { target, props: { backend: tauriBackend } });

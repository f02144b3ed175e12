/**
 * @module web/studio/main
 * The web studio: a hash router over six pages (runs, run, compare, new run, sweeps, sweep). The plugin catalog is read once;
 * each page returns a cleanup that closes its event streams when the user moves on.
 */
import { h } from "../common/dom.js";
import { type ApiError, api, type Catalog } from "./api.js";
import { comparePage } from "./compare-page.js";
import { newRunPage } from "./new-run-page.js";
import { runPage } from "./run-page.js";
import { runsPage } from "./runs-page.js";
import { sweepPage } from "./sweep-page.js";
import { sweepsPage } from "./sweeps-page.js";

const root = document.getElementById("app")!;
let cleanup: () => void = () => {};
let catalog: Catalog | undefined;

async function route(): Promise<void> {
  cleanup();
  cleanup = () => {};
  catalog ??= await api<Catalog>("/api/catalog");
  const path = location.hash.replace(/^#/, "") || "/";
  const run = /^\/runs\/([0-9a-f-]{36})$/.exec(path);
  const compare = /^\/compare\/([0-9a-f,-]+)$/.exec(path);
  const sweep = /^\/sweeps\/([0-9a-f-]{36})$/.exec(path);
  try {
    if (run) cleanup = await runPage(root, catalog, run[1]!);
    else if (compare) cleanup = await comparePage(root, compare[1]!.split(",").slice(0, 4));
    else if (path === "/new") cleanup = await newRunPage(root, catalog);
    else if (sweep) cleanup = await sweepPage(root, sweep[1]!);
    else if (path === "/sweeps") cleanup = await sweepsPage(root);
    else cleanup = await runsPage(root, catalog);
    document.title = `${root.querySelector("h1")?.textContent ?? "Runs"} - backtest studio`;
  } catch (err) {
    const e = err as ApiError;
    root.replaceChildren(
      h("h1", {}, "Something went wrong"),
      h("p", { class: "error", role: "alert" }, `${e.code ?? "ERROR"}: ${e.message}`),
      h("a", { href: "#/" }, "back to the runs"),
    );
  }
  root.focus();
}

window.addEventListener("hashchange", () => void route());
void route();

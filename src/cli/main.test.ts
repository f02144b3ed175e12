/**
 * The process-level contract of the real binary: usage errors exit 2, help and version exit 0, and a reader
 * that closes the pipe early (`| head`) ends the command quietly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CliResult,
  smallConfig,
  startStudio,
  studio,
  tempHome,
  writeJson,
} from "./test-support/studio-cli.js";

/** Runs the binary with its stdout (and maybe stderr) closed before it writes anything, as `| head -0` leaves it. */
function withClosedPipes(args: readonly string[], alsoStderr = false): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startStudio(args);
    // The child is still starting node when its pipe's read end goes away: its first write meets EPIPE.
    child.stdout?.destroy();
    if (alsoStderr) child.stderr?.destroy();
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: "", stderr }));
  });
}

let home: string;
let runId: string;

beforeAll(async () => {
  home = tempHome();
  const r = await studio(["--home", home, "--json", "run", writeJson(home, "cfg.json", smallConfig())]);
  expect(r.code, r.stderr).toBe(0);
  runId = JSON.parse(r.stdout).run_id;
});

describe("a reader that stops early", () => {
  it.each([
    ["runs show", () => ["--home", home, "runs", "show", runId]],
    ["runs show --json", () => ["--home", home, "--json", "runs", "show", runId]],
    ["runs export", () => ["--home", home, "runs", "export", runId, "equity", "--format", "csv"]],
    ["runs list", () => ["--home", home, "runs", "list"]],
  ])("ends %s quietly with exit 0 and no stack trace", async (_name, args) => {
    const r = await withClosedPipes(args());
    expect(r.stderr, "nothing on stderr").toBe("");
    expect(r.code).toBe(0);
  });
});

describe("a run whose output pipe closes (studio run ... 2>&1 | head -1)", () => {
  it("still runs to completed, then exits quietly", async () => {
    const file = writeJson(home, "other.json", smallConfig({ seed: 7 }));
    const r = await withClosedPipes(["--home", home, "run", file], true);
    expect(r.code).toBe(0);
    const list = await studio(["--home", home, "--json", "runs", "list"]);
    const runs = JSON.parse(list.stdout) as { status: string; seed: number }[];
    expect(runs.find((x) => x.seed === 7)?.status, "the run was not abandoned half-way").toBe("completed");
  });
});

describe("usage errors", () => {
  it.each([
    ["a missing argument", ["runs", "show"]],
    ["an unknown option", ["runs", "list", "--bogus"]],
    ["an unknown command", ["frobnicate"]],
    ["an excess argument", ["runs", "verify", "a", "b"]],
    ["a command group without its subcommand", ["runs"]],
  ])("exit 2 for %s, with the reason on stderr", async (_name, args) => {
    const r = await studio(["--home", home, ...args]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/error|Usage/);
  });

  it("print the error document on stdout under --json", async () => {
    const r = await studio(["--home", home, "--json", "runs", "show"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: "CONFIG_INVALID", message: expect.stringContaining("run_id") },
    });
  });

  it("leave --help and --version at exit 0", async () => {
    expect((await studio(["--help"])).code).toBe(0);
    expect((await studio(["runs", "--help"])).code).toBe(0);
    const version = await studio(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

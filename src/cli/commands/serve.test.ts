import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { call } from "../../http/test-support/api-client.js";
import { eventOf, followSse } from "../../http/test-support/sse-client.js";
import { smallConfig } from "../../http/test-support/start-test-server.js";
import { openStore } from "../../store/store.js";

const BIN = path.resolve(import.meta.dirname, "../../../bin/studio.js");

interface Serving {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

const homeDir = () => mkdtempSync(path.join(tmpdir(), "studio-serve-"));

/** Environment without the variables that would change what serve does. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { STUDIO_TOKEN: _t, STUDIO_HOME: _h, STUDIO_ALLOWED_HOSTS: _a, ...env } = process.env;
  return { ...env, ...extra };
}

function spawnStudio(
  args: string[],
  env = cleanEnv(),
): Omit<Serving, "url"> & { firstLine: Promise<string> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  let lineSeen: (line: string) => void = () => {};
  const firstLine = new Promise<string>((resolve) => (lineSeen = resolve));
  child.stdout!.on("data", (d: Buffer) => {
    stdout += d.toString("utf8");
    if (stdout.includes("\n")) lineSeen(stdout.slice(0, stdout.indexOf("\n")));
  });
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => {
      lineSeen("");
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, exited, firstLine };
}

async function serve(home: string): Promise<Serving> {
  const s = spawnStudio(["--home", home, "serve", "--port", "0"]);
  const line = await s.firstLine;
  const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!m)
    throw new Error(`unexpected first line ${JSON.stringify(line)}; stderr: ${(await s.exited).stderr}`);
  return { child: s.child, exited: s.exited, url: m[1]! };
}

describe("studio serve (real binary)", () => {
  it("prints the address it listens on, answers /api/health, and exits 0 on SIGTERM", async () => {
    const s = await serve(homeDir());
    const health = await call(s.url, "GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("ok");
    s.child.kill("SIGTERM");
    const { code, stdout } = await s.exited;
    expect(code, "a graceful stop is a clean exit").toBe(0);
    expect(stdout.trim().split("\n"), "exactly one line on stdout").toHaveLength(1);
  });

  it("refuses to bind a non-loopback address without STUDIO_TOKEN, before opening the studio", async () => {
    const home = homeDir();
    const s = spawnStudio(["--home", home, "serve", "--host", "0.0.0.0", "--port", "0"]);
    const { code, stdout, stderr } = await s.exited;
    expect(code, "invalid input exits 2").toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error CONFIG_INVALID: .*STUDIO_TOKEN/);
    expect(existsSync(path.join(home, "studio.db")), "the studio was never opened").toBe(false);
  });

  it("on SIGTERM tells event-stream clients, leaves the queued run queued and the running one to recovery", async () => {
    const home = homeDir();
    const s = await serve(home);
    const slow = await call(
      s.url,
      "POST",
      "/api/runs",
      smallConfig({ end: "2023-06-30", validation: { permutation: { n: 10_000 } } }),
    );
    const queued = await call(s.url, "POST", "/api/runs", smallConfig({ seed: 2 }));
    expect(queued.body.run.status).toBe("queued");
    const slowId: string = slow.body.run.run_id;
    const queuedId: string = queued.body.run.run_id;

    let stopped = false;
    const stream = followSse(`${s.url}/api/runs/${slowId}/events`, {
      until: (m) => {
        if (!stopped && m.event === "stage" && eventOf(m).data.stage === "validation") {
          stopped = true;
          s.child.kill("SIGTERM");
        }
        return false;
      },
    });
    const result = await stream;
    const { code } = await s.exited;
    expect(code).toBe(0);
    expect(result.endedByServer, "the server closed the stream").toBe(true);
    const tail = result.messages.slice(-2);
    expect(
      tail.map((m) => m.event),
      "a studio log, then the shutdown frame",
    ).toEqual(["log", "shutdown"]);
    expect(eventOf(tail[0]!).data.message).toMatch(/INTERRUPTED/);
    expect(
      tail[1]!.id,
      "the shutdown frame has no id, so Last-Event-ID still names a run event",
    ).toBeUndefined();

    const store = openStore(path.join(home, "studio.db"));
    try {
      expect(store.runs.get(slowId)?.status, "left for start-up recovery").toBe("running");
      expect(store.runs.get(queuedId)?.status, "still queued").toBe("queued");
    } finally {
      store.close();
    }

    const again = await serve(home);
    const recovered = await call(again.url, "GET", `/api/runs/${slowId}`);
    expect(recovered.body).toMatchObject({ status: "failed", error_code: "INTERRUPTED" });
    const resumed = await followSse(`${again.url}/api/runs/${queuedId}/events`);
    expect(eventOf(resumed.messages.at(-1)!).data.status, "the queued run ran after the restart").toBe(
      "completed",
    );
    again.child.kill("SIGTERM");
    expect((await again.exited).code).toBe(0);
  });
});

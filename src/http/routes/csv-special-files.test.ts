import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, runToEnd } from "../test-support/api-client.js";
import { startTestServer, type TestServer } from "../test-support/start-test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  mkdirSync(t.home.data, { recursive: true });
});
afterAll(() => t.close());

const csvConfig = (symbol: string) => ({
  symbol,
  timeframe: "1d",
  start: "2024-01-01",
  end: "2024-12-31",
  provider: "csv",
  strategy: { name: "sma_crossover", params: { fast: 2, slow: 3 } },
});

describe("CSV paths that are not regular files", () => {
  it("fails a run whose CSV is a FIFO with DATA_INVALID naming the file, instead of waiting for a writer", async () => {
    const fifo = path.join(t.home.data, "PIPE.csv");
    execFileSync("mkfifo", [fifo]);
    const { run } = await runToEnd(t.url, csvConfig("PIPE"));
    expect(run).toMatchObject({ status: "failed", error_code: "DATA_INVALID" });
    expect(run.error_message).toContain(fifo);
    expect(run.error_message).toMatch(/is a FIFO \(named pipe\); only regular files are read/);
    const health = await call(t.url, "GET", "/api/runs?limit=1");
    expect(health.status, "the server keeps answering").toBe(200);
  });

  it("fails a run whose CSV is a directory with DATA_INVALID, not EISDIR", async () => {
    mkdirSync(path.join(t.home.data, "DIR.csv"));
    const { run } = await runToEnd(t.url, csvConfig("DIR"));
    expect(run).toMatchObject({ status: "failed", error_code: "DATA_INVALID" });
    expect(run.error_message).toMatch(/DIR\.csv is a directory; only regular files are read/);
  });

  it("quotes at most a short excerpt of a linked file that is not a CSV", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "studio-secret-"));
    const secret = path.join(outside, "passwd");
    const firstLine = `root:x:0:0:${"TOPSECRET".repeat(40)}:/root:/bin/bash`;
    writeFileSync(secret, `${firstLine}\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n`);
    symlinkSync(secret, path.join(t.home.data, "LINK.csv"));
    const { run } = await runToEnd(t.url, csvConfig("LINK"));
    expect(run).toMatchObject({ status: "failed", error_code: "DATA_INVALID" });
    expect(run.error_message).toMatch(/^data\/LINK\.csv:1: header lacks /);
    expect(run.error_message, "at most ~80 characters of the file are repeated").not.toContain(
      "TOPSECRET".repeat(9),
    );
    expect(run.error_message).not.toContain("daemon");
  });
});

/**
 * @module cli/test-support/studio-cli
 * Runs the real `studio` binary (bin/studio.js -> dist, built by vitest's globalSetup) in a child process, the
 * way a user does, and captures its exit code, stdout and stderr.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../../bin/studio.js", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function startStudio(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, STUDIO_HOME: "", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdin?.end(options.input ?? "");
  return child;
}

export function studio(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startStudio(args, options);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function tempHome(): string {
  return mkdtempSync(path.join(tmpdir(), "studio-cli-"));
}

/** Writes a JSON file into `dir` and returns its path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** A small synthetic run: one month of hourly bars, SMA crossover. */
export function smallConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    symbol: "SYN",
    timeframe: "1h",
    start: "2024-01-01",
    end: "2024-01-31",
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
    ...overrides,
  };
}

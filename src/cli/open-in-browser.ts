/**
 * @module cli/open-in-browser
 * Opens a file in the default browser (open, start or xdg-open), detached. Where no browser can be started (no
 * display, no opener installed, a headless server) it says so instead of failing: the commands that use it
 * (`runs open`, `sweeps open`) then print the file's path, and a missing display is not the user's error.
 */
import { spawn } from "node:child_process";

function opener(): { cmd: string; args: string[] } | undefined {
  if (process.platform === "darwin") return { cmd: "open", args: [] };
  if (process.platform === "win32") return { cmd: "cmd", args: ["/c", "start", ""] };
  // Without a display xdg-open would fall back to a text browser or fail; print the path instead.
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return undefined;
  return { cmd: "xdg-open", args: [] };
}

/** Starts the opener detached; resolves whether it could be started at all. */
export function openInBrowser(file: string): Promise<boolean> {
  const o = opener();
  if (!o) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(o.cmd, [...o.args, file], { detached: true, stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}

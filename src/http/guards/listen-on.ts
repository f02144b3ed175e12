/**
 * @module http/guards/listen-on
 * Opens the server's socket and answers the URL clients use (IPv6 in brackets, the real port when 0 asked the
 * system for a free one). An address that cannot be bound is the operator's input error, not a crash.
 * `probeListen` answers that question before anything else starts (opening the studio resumes queued runs).
 */
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { StudioError } from "../../core/errors.js";
import type { ApiServer } from "../create-server.js";

export async function listenOn(server: ApiServer, host: string, port: number): Promise<string> {
  try {
    await server.app.listen({ host, port });
  } catch (err) {
    const code = (err as { code?: string }).code ?? "unknown";
    throw new StudioError("CONFIG_INVALID", `cannot listen on ${host}:${port} (${code})`, undefined, {
      cause: err,
    });
  }
  const address = server.app.server.address() as AddressInfo;
  const name = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${name}:${address.port}`;
}

/** Binds and releases `host:port` once, so a taken port or a foreign address fails before the studio opens. */
export async function probeListen(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createNetServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once("error", reject);
      probe.listen({ host, port, exclusive: true }, resolve);
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? "unknown";
    throw new StudioError("CONFIG_INVALID", `cannot listen on ${host}:${port} (${code})`, undefined, {
      cause: err,
    });
  }
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

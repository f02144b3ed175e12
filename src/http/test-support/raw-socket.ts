/**
 * Bytes over a bare TCP socket, for what no HTTP client will send: a malformed request line, Content-Length
 * together with Transfer-Encoding, a body shorter than its Content-Length, a connection dropped mid-body.
 * Everything waits on socket events; nothing sleeps.
 */
import net from "node:net";

export interface SocketExchange {
  /** Everything the server sent until it closed the connection. */
  readonly response: string;
  readonly status: number;
  /** The parsed JSON body, when there is one. */
  readonly body: unknown;
}

/** Connects to `base`, writes `bytes` without ending, and resolves once the server closes the connection. */
export function exchange(base: string, bytes: string | Buffer): Promise<SocketExchange> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    socket.on("connect", () => socket.write(bytes));
    socket.on("data", (c: Buffer) => chunks.push(c));
    // A reset after the response arrived still leaves the response to inspect.
    socket.on("error", (err) => (chunks.length === 0 ? reject(err) : undefined));
    socket.on("close", () => {
      const response = Buffer.concat(chunks).toString("utf8");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      const text = response.slice(response.indexOf("\r\n\r\n") + 4);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      resolve({ response, status, body });
    });
  });
}

/**
 * Sends the head of a request and part of its body, then destroys the connection, as a client that gives up
 * mid-upload does. Resolves once the socket is closed.
 */
export function abortMidBody(base: string, head: string, partial: string): Promise<void> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    socket.on("connect", () => socket.write(head + partial, () => socket.destroy()));
    socket.on("error", reject);
    socket.on("close", () => resolve());
  });
}

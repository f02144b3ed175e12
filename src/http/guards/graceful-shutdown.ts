/**
 * @module http/guards/graceful-shutdown
 * Stopping the server without losing work. The studio stops taking work first, so clients following a running
 * run see its "will be marked INTERRUPTED" log event; then the server stops accepting connections and sends
 * every event stream a `shutdown` frame before ending it; last, the store closes. Queued runs stay queued and a
 * running run stays `running` in the database, for start-up recovery to requeue or mark INTERRUPTED.
 */
import type { ApiServer } from "../create-server.js";

export async function shutdownGracefully(server: ApiServer): Promise<void> {
  server.studio.shutdown();
  await server.app.close();
  server.studio.close();
}

/**
 * @module http/routes/artifacts-routes
 * A completed run's artifacts: the manifest (sent byte for byte, so its sha256 can be checked against the run's
 * `artifacts_manifest_sha`), each file streamed with its mime type and sha256 as ETag, optionally converted
 * (`?format=csv` for Parquet series), and a verification report that re-hashes every file. A file is served only
 * when it is a regular file inside the run folder with its manifest size and sha256; otherwise 409. The bundled
 * code of the user plugins a run used is listed as `plugins/NAME.mjs` and served under `artifacts/plugins/NAME`:
 * the one subfolder a run folder has, a fixed route segment, never a path taken from the URL.
 */
import { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import { StudioError } from "../../core/errors.js";
import { exportArtifact } from "../../runs/artifacts/export-artifact.js";
import { PLUGINS_FOLDER } from "../../runs/artifacts/parse-manifest.js";
import { openArtifact } from "../../runs/artifacts/run-file.js";
import { verifyArtifacts } from "../../runs/artifacts/verify-artifacts.js";
import { runDir } from "../../runs/run-paths.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import {
  ArtifactParams,
  ArtifactQuery,
  bodyOf,
  ERROR_RESPONSES,
  Manifest,
  RunIdParams,
  VerifyReport,
} from "../api-schemas.js";
import { manifestFile, readRunManifest } from "../run-manifest.js";

const tags = ["artifacts"];
const CONVERTIBLE = /\.(parquet|json)$/;

/** A Content-Disposition filename: manifest names are plain, but quotes and controls never reach a header. */
const dispositionOf = (name: string): string => `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`;

export function registerArtifactsRoutes(app: ApiApp, ctx: ApiContext): void {
  const { studio, home } = ctx;

  app.get(
    "/api/runs/:id/artifacts",
    {
      schema: {
        tags,
        summary: "The run's manifest: every artifact with its sha256, size and mime type",
        params: RunIdParams,
        response: { 200: Manifest, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const run = await readRunManifest(home, studio.get(req.params.id));
      // Sent as stored (a Buffer skips serialization), so sha256(body) == artifacts_manifest_sha.
      return rawReply(reply).type("application/json; charset=utf-8").send(run.bytes);
    },
  );

  const download = async (
    req: { params: { id: string }; query: { format?: "csv" | "json" | undefined } },
    reply: FastifyReply,
    name: string,
  ) => {
    const run = await readRunManifest(home, studio.get(req.params.id));
    // The name is looked up in the manifest, never joined to a path: only listed files can be served.
    const file = manifestFile(run, name);
    const format = req.query.format;
    if (format !== undefined) {
      if (!CONVERTIBLE.test(file.name)) {
        throw new StudioError("CONFIG_INVALID", `${file.name} cannot be converted; omit ?format`, {
          issues: [
            {
              path: "querystring.format",
              message: "only Parquet and JSON artifacts convert",
              value: format,
            },
          ],
        });
      }
      const out = await exportArtifact(run.dir, file, format);
      const base = file.name.replace(CONVERTIBLE, "");
      reply.header("content-disposition", dispositionOf(`${base}.${format}`));
      return rawReply(reply).type(out.mime).send(Readable.from(out.chunks));
    }
    // Checked in full before any header goes out: the ETag is the manifest's sha256, so it must be true.
    const handle = await openArtifact(run.dir, file);
    reply.header("etag", `"${file.sha256}"`);
    reply.header("content-length", String(file.size));
    // report.html is a page to look at (it is self-contained and its CSP allows no request); the rest downloads.
    reply.header(
      "content-disposition",
      file.mime.startsWith("text/html") ? "inline" : dispositionOf(file.name),
    );
    return rawReply(reply)
      .type(file.mime)
      .send(handle.createReadStream({ start: 0 }));
  };
  const fileResponses = {
    200: bodyOf("The file with its manifest mime type (or text/csv, application/json when converted)", "*/*"),
    ...ERROR_RESPONSES,
  };

  app.get(
    "/api/runs/:id/artifacts/:name",
    {
      schema: {
        tags,
        summary: "Download one artifact by its manifest name (streamed; `?format=csv` converts Parquet)",
        params: ArtifactParams,
        querystring: ArtifactQuery,
        response: fileResponses,
      },
    },
    (req, reply) => download(req, rawReply(reply), req.params.name),
  );

  app.get(
    `/api/runs/:id/artifacts/${PLUGINS_FOLDER}/:name`,
    {
      schema: {
        tags,
        summary:
          "Download the bundled code of a user plugin the run used (manifest name `plugins/NAME.mjs`), as it ran",
        params: ArtifactParams,
        querystring: ArtifactQuery,
        response: fileResponses,
      },
    },
    (req, reply) => download(req, rawReply(reply), `${PLUGINS_FOLDER}/${req.params.name}`),
  );

  app.get(
    "/api/runs/:id/verify",
    {
      schema: {
        tags,
        summary: "Re-hash every artifact against the manifest and the manifest against the database",
        params: RunIdParams,
        response: { 200: VerifyReport, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const view = studio.get(req.params.id);
      if (view.status !== "completed") {
        throw new StudioError(
          "INVALID_TRANSITION",
          `run ${view.run_id} is ${view.status}; only completed runs have artifacts`,
        );
      }
      const report = await verifyArtifacts(runDir(home, view.run_id), view.artifacts_manifest_sha);
      return { run_id: view.run_id, ...report };
    },
  );
}

/**
 * @module http/routes/sweeps-routes
 * Parameter sweeps over HTTP. POST plans the spec (every spec error is a 400 before any work), returns the
 * existing sweep for the same spec (201 new, 200 reused; `?force=true` runs again) and runs it in this server.
 * `/trials` pages the trials sorted by the objective, the trial index or any metric; `/runs` lists the top_k
 * trials re-run as ordinary runs; `/artifacts/:name` serves a file named in the sweep's manifest (report.html
 * included); `/events` is Server-Sent Events with the runs' Last-Event-ID rule.
 */
import path from "node:path";
import { z } from "zod";
import { StudioError } from "../../core/errors.js";
import { parseManifest } from "../../runs/artifacts/parse-manifest.js";
import { openArtifact } from "../../runs/artifacts/run-file.js";
import { readWholeFile } from "../../store/read-whole-file.js";
import type { SweepRow } from "../../store/repos/sweeps-repo.js";
import type { SweepEvent } from "../../sweeps/sweep-service.js";
import { sweepView } from "../../sweeps/sweep-view.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import { bodyOf, ERROR_RESPONSES, EventsQuery, RunView } from "../api-schemas.js";
import { followEvents } from "../follow-events.js";
import { bodyPassthrough } from "../guards/body-passthrough.js";
import { resumeAfter } from "./run-events-route.js";

const tags = ["sweeps"];
const SweepIdParams = z.object({ id: z.string().describe("Sweep id (UUID v4).") });
const SweepView = z.object({
  sweep_id: z.string(),
  sweep_hash: z.string(),
  status: z.enum(["queued", "running", "completed", "failed", "cancelled"]),
  strategy: z.string().describe("The base config's strategy."),
  symbol: z.string(),
  timeframe: z.string(),
  objective: z.string(),
  dimensions: z.array(z.string()).describe("The varied paths, in the spec's order."),
  stage: z.string().nullable(),
  created_at: z.number(),
  finished_at: z.number().nullable(),
  trials: z.object({ planned: z.number(), done: z.number(), skipped: z.number(), failed: z.number() }),
  best_trial: z.number().nullable(),
  best_objective: z.number().nullable(),
  artifacts_manifest_sha: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
});
const TrialsQuery = z.object({
  sort: z
    .string()
    .regex(/^[a-z_]{1,64}$/)
    .default("objective")
    .describe("objective, trial_index or any metric name of metrics.json"),
  order: z.enum(["asc", "desc"]).default("desc"),
  status: z.enum(["done", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const TrialView = z.object({
  trial: z.number(),
  status: z.string(),
  params: z.record(z.string(), z.unknown()),
  objective: z.number().nullable(),
  metrics: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
});

export const viewOf = (s: SweepRow): z.infer<typeof SweepView> => sweepView(s);

/** JSON has no Infinity: an objective that is ±Infinity (a riskless gain or loss) is sent as null. */
const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);

export function registerSweepsRoutes(app: ApiApp, ctx: ApiContext): void {
  const { sweeps } = ctx;

  app.post(
    "/api/sweeps",
    {
      schema: {
        tags,
        summary: "Submit a sweep spec (see docs/sweeps.md); the same spec returns its existing sweep",
        body: z.record(z.string(), z.unknown()),
        querystring: z.object({ force: z.enum(["true", "false"]).optional() }),
        response: {
          200: z.object({ sweep: SweepView, reused: z.boolean() }),
          201: z.object({ sweep: SweepView, reused: z.boolean() }),
          ...ERROR_RESPONSES,
        },
      },
      validatorCompiler: bodyPassthrough,
    },
    async (req, reply) => {
      const { sweep, reused } = sweeps.submit(req.body as unknown, {
        force: (req.query as { force?: string }).force === "true",
      });
      if (sweep.status !== "completed") void sweeps.run(sweep.sweepId).catch(() => {});
      return reply.code(reused ? 200 : 201).send({ sweep: viewOf(sweep), reused });
    },
  );

  app.get(
    "/api/sweeps",
    {
      schema: {
        tags,
        summary: "Sweeps, newest first",
        response: { 200: z.object({ sweeps: z.array(SweepView) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ sweeps: sweeps.list().map(viewOf) }),
  );

  app.get(
    "/api/sweeps/:id",
    {
      schema: {
        tags,
        summary: "One sweep",
        params: SweepIdParams,
        response: { 200: SweepView, ...ERROR_RESPONSES },
      },
    },
    async (req) => viewOf(sweeps.get(req.params.id)),
  );

  app.get(
    "/api/sweeps/:id/trials",
    {
      schema: {
        tags,
        summary: "A page of the sweep's trials, sorted by the objective or any metric",
        params: SweepIdParams,
        querystring: TrialsQuery,
        response: {
          200: z.object({ trials: z.array(TrialView), next_offset: z.number().nullable() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req) => {
      const q = req.query;
      sweeps.get(req.params.id);
      const rows = sweeps.trialsPage(req.params.id, {
        sort: q.sort,
        desc: q.order === "desc",
        limit: q.limit,
        offset: q.offset,
        ...(q.status ? { status: q.status } : {}),
      });
      return {
        trials: rows.map((r) => ({
          trial: r.trialIndex,
          status: r.status,
          params: JSON.parse(r.paramsJson) as Record<string, unknown>,
          objective: finite(r.objective),
          metrics: r.metricsJson
            ? (JSON.parse(r.metricsJson) as { metrics: Record<string, unknown> }).metrics
            : null,
          error: r.errorCode ? { code: r.errorCode, message: r.errorMessage } : null,
        })),
        next_offset: rows.length === q.limit ? q.offset + q.limit : null,
      };
    },
  );

  app.get(
    "/api/sweeps/:id/runs",
    {
      schema: {
        tags,
        summary: "The sweep's top_k trials, re-run as ordinary runs (linked by runs.sweep_id), oldest first",
        params: SweepIdParams,
        response: { 200: z.object({ runs: z.array(RunView) }), ...ERROR_RESPONSES },
      },
    },
    async (req) => ({ runs: sweeps.runIds(req.params.id).map((id) => ctx.studio.get(id)) }),
  );

  app.get(
    "/api/sweeps/:id/artifacts/:name",
    {
      schema: {
        tags,
        summary: "One of the sweep's artifacts by its manifest name (manifest.json itself included)",
        params: SweepIdParams.extend({ name: z.string() }),
        response: { 200: bodyOf("The file with its manifest mime type", "*/*"), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const row = sweeps.get(req.params.id);
      const dir = sweeps.dir(row.sweepId);
      if (row.artifactsManifestSha === null)
        throw new StudioError("NOT_FOUND", `sweep ${row.sweepId} has no artifacts yet (${row.status})`);
      const manifestBytes = await readWholeFile(path.join(dir, "manifest.json"));
      if (req.params.name === "manifest.json")
        return rawReply(reply).type("application/json; charset=utf-8").send(manifestBytes);
      const file = parseManifest(manifestBytes)?.files.find((f) => f.name === req.params.name);
      if (!file)
        throw new StudioError(
          "NOT_FOUND",
          `sweep ${row.sweepId} has no artifact ${JSON.stringify(req.params.name)}`,
        );
      // The same checks as a run's downloads: a regular file inside the folder, its size and sha256 as listed.
      const handle = await openArtifact(dir, file);
      reply.header("etag", `"${file.sha256}"`);
      return rawReply(reply)
        .type(file.mime)
        .header("content-length", String(file.size))
        .send(handle.createReadStream({ start: 0 }));
    },
  );

  app.post(
    "/api/sweeps/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a sweep (prompt: within one trial)",
        params: SweepIdParams,
        response: { 200: SweepView, ...ERROR_RESPONSES },
      },
    },
    async (req) => viewOf(await sweeps.cancel(req.params.id)),
  );

  app.get(
    "/api/sweeps/:id/events",
    {
      schema: {
        tags,
        summary: "Follow a sweep's progress (text/event-stream); resumes after Last-Event-ID",
        description:
          "Frames: `id: <seq>`, `event: progress|end`, `data: <event JSON>`; ends after `end`; 204 when nothing is left.",
        params: SweepIdParams,
        querystring: EventsQuery,
        response: { 200: bodyOf("Server-Sent Events until `end`", "text/event-stream"), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const after = resumeAfter(req.headers["last-event-id"], req.query.last_event_id);
      const id = req.params.id;
      return followEvents<SweepEvent>(
        rawReply(reply),
        ctx,
        (listener) => sweeps.subscribe(id, after, listener),
        () => ["completed", "failed", "cancelled"].includes(sweeps.get(id).status),
      );
    },
  );
}

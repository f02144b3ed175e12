/**
 * @module http/api-schemas
 * The zod schemas of the API's requests and responses. Request bodies that are run configs use the very schema
 * the CLI validates with (RunConfigSchema, documented here, enforced by the studio service so both front ends
 * report identical issues). Response schemas serialize the replies and describe them in the OpenAPI document.
 */
import { z } from "zod";
import { PRESET_NAME_PATTERN, RunConfigSchema } from "../core/run-config.js";
import { ManifestFileSchema, ManifestSchema } from "../runs/artifacts/parse-manifest.js";
import { FILE_CHECKS } from "../runs/artifacts/verify-artifacts.js";
import { STAGES } from "../runs/events/events.js";
import { RUN_STATUSES } from "../store/repos/runs-repo.js";

const Json = z.record(z.string(), z.unknown());

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe("Stable error code (see docs/api.md)."),
      message: z.string().describe("What went wrong, quoting the offending value."),
      details: Json.optional().describe("For CONFIG_INVALID: `issues`, each {path, message, value}."),
    }),
  })
  .describe("The one error shape of the API.");

/** Response entries every route shares: client errors and bugs, both in the error shape. */
export const ERROR_RESPONSES = { "4xx": ErrorBody, "5xx": ErrorBody } as const;

export const RunView = z.object({
  run_id: z.string(),
  hash: z.string().describe("sha256 of the normalized config and code version."),
  run_hash: z.string().describe("Idempotency key: identical configs share it."),
  status: z.enum(RUN_STATUSES),
  stage: z.string().nullable(),
  created_at: z.number(),
  updated_at: z.number(),
  started_at: z.number().nullable(),
  completed_at: z.number().nullable().describe("When the run completed; null unless status is completed."),
  finished_at: z
    .number()
    .nullable()
    .describe("When the run reached its final status (completed, failed or cancelled); null before."),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  config: z.unknown().describe("The normalized RunConfig the run executes."),
  seed: z.number(),
  metrics_summary: Json.nullable(),
  artifacts_manifest_sha: z.string().nullable().describe("sha256 of manifest.json, once completed."),
  progress: z
    .object({ last_seq: z.number(), stage: z.string().nullable(), ratio: z.number() })
    .nullable()
    .describe("Last event seq, stage and overall progress ratio 0..1."),
});

export const RunIdParams = z.object({ id: z.string().describe("Run id (UUID v4).") });

export const SubmitQuery = z.object({
  force: z.enum(["true", "false"]).optional().describe("Start a new run even if an identical one exists."),
});

export const SubmitBody = z
  .union([
    RunConfigSchema,
    z
      .looseObject({
        preset_ref: z.string().regex(PRESET_NAME_PATTERN).describe("Preset to start from."),
      })
      .describe("A preset name plus any RunConfig fields to override (objects merge, arrays replace)."),
  ])
  .describe("A RunConfig, or a preset reference with overrides.");

export const SubmitResponse = z.object({
  run: RunView,
  reused: z.boolean().describe("True when an identical queued, running or completed run was returned."),
});

export const ListQuery = z.object({
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional().describe("`next_cursor` of the previous page."),
});

export const RunList = z.object({
  runs: z.array(RunView).describe("Newest first."),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
});

export const EventsQuery = z.object({
  last_event_id: z
    .string()
    .optional()
    .describe(
      "Resume after this seq, for clients that cannot set the Last-Event-ID header (the header wins).",
    ),
});

export const ArtifactParams = RunIdParams.extend({
  name: z.string().describe("File name from the manifest."),
});

export const ArtifactQuery = z.object({
  format: z
    .enum(["csv", "json"])
    .optional()
    .describe("Convert a Parquet table (or a JSON document) instead of sending the stored bytes."),
});

export const ManifestFile = ManifestFileSchema;
export const Manifest = ManifestSchema;

const FileCheck = z
  .enum(FILE_CHECKS)
  .describe(
    "ok; missing; size_mismatch; sha256_mismatch; not_regular (a symlink, directory or FIFO); unsafe_path " +
      "(a manifest path outside the run folder); extra (a file the manifest does not list); manifest_invalid.",
  );

export const VerifyReport = z.object({
  run_id: z.string(),
  ok: z.boolean(),
  manifest: z.object({
    expected_sha256: z.string().nullable(),
    actual_sha256: z.string().nullable(),
    status: FileCheck,
  }),
  files: z
    .array(
      z.object({
        name: z.string(),
        status: FileCheck,
        expected_sha256: z.string().nullable().describe("Null for a file the manifest does not list."),
        actual_sha256: z.string().nullable(),
        expected_size: z.number().nullable(),
        actual_size: z.number().nullable(),
      }),
    )
    .readonly(),
});

export const PresetParams = z.object({
  name: z.string().regex(PRESET_NAME_PATTERN).describe("Preset name: letters, digits, `_` and `-`."),
});

export const PresetView = z.object({
  name: z.string(),
  created_at: z.number(),
  updated_at: z.number(),
  config: Json.describe("The normalized RunConfig."),
});

export const PresetList = z.object({ presets: z.array(PresetView) });

const PluginInfo = z.object({
  name: z.string(),
  summary: z.string(),
  params: z.unknown().describe("JSON Schema of the plugin's params (input side: defaults shown)."),
  origin: z
    .string()
    .describe(
      '"builtin", or the user plugin\'s file (relative to the studio home), or "inline" for one passed in code.',
    ),
  sha256: z.string().optional().describe("User plugins only: sha256 of the code that runs."),
});

export const Catalog = z.object({
  providers: z.array(PluginInfo),
  indicators: z.array(PluginInfo),
  strategies: z.array(PluginInfo),
  risk_models: z.array(PluginInfo),
  stages: z.array(z.enum(STAGES)),
});

export const Health = z.object({
  status: z.literal("ok"),
  version: z.string(),
  sse_clients: z.number().describe("Open event streams."),
});

/** OpenAPI entry for a 200 whose body is not JSON (event streams, artifact bytes). */
export function bodyOf(description: string, mime: string) {
  return { description, content: { [mime]: { schema: z.string() } } };
}

/**
 * @module http/routes/presets-routes
 * Named run configs. PUT validates the body exactly as a run submit would (a broken preset fails when saved,
 * not when used) and answers 201 when it created the preset, 200 when it replaced one.
 */
import { RunConfigSchema } from "../../core/run-config.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import { ERROR_RESPONSES, PresetList, PresetParams, PresetView } from "../api-schemas.js";
import { bodyPassthrough } from "../guards/body-passthrough.js";

const tags = ["presets"];

export function registerPresetsRoutes(app: ApiApp, ctx: ApiContext): void {
  const { presets } = ctx.studio;

  app.get(
    "/api/presets",
    { schema: { tags, summary: "Every preset", response: { 200: PresetList, ...ERROR_RESPONSES } } },
    async () => ({ presets: presets.list() }),
  );

  app.get(
    "/api/presets/:name",
    {
      schema: {
        tags,
        summary: "One preset",
        params: PresetParams,
        response: { 200: PresetView, ...ERROR_RESPONSES },
      },
    },
    async (req) => presets.get(req.params.name),
  );

  app.put(
    "/api/presets/:name",
    {
      schema: {
        tags,
        summary: "Create or replace a preset (a complete RunConfig without preset_ref)",
        params: PresetParams,
        body: RunConfigSchema,
        response: { 200: PresetView, 201: PresetView, ...ERROR_RESPONSES },
      },
      validatorCompiler: bodyPassthrough,
    },
    async (req, reply) => {
      const existed = presets.list().some((p) => p.name === req.params.name);
      const saved = presets.save(req.params.name, req.body as unknown);
      return reply.code(existed ? 200 : 201).send(saved);
    },
  );

  app.delete(
    "/api/presets/:name",
    {
      schema: { tags, summary: "Delete a preset", params: PresetParams, response: { ...ERROR_RESPONSES } },
    },
    async (req, reply) => {
      presets.delete(req.params.name);
      return rawReply(reply).code(204).send();
    },
  );
}

/**
 * @module cli/commands/presets
 * `studio presets list|save NAME CONFIG.json|show NAME|delete NAME`: named, validated run configs.
 */
import type { Command } from "commander";
import type { Studio } from "../../runs/studio.js";
import { action, type CliContext, openCliStudio, printJson } from "../context.js";
import { isoTime, table } from "../format.js";
import { readJsonFile } from "../read-config.js";

async function withPresets<T>(ctx: CliContext, fn: (studio: Studio) => T): Promise<T> {
  const studio = await openCliStudio(ctx);
  try {
    return fn(studio);
  } finally {
    studio.close();
  }
}

export function registerPresetsCommands(program: Command): void {
  const presets = program.command("presets").description("save and reuse named run configs");

  presets.command("list").action(
    action((ctx) =>
      withPresets(ctx, (studio) => {
        const list = studio.presets.list();
        if (ctx.json) return printJson(list);
        const rows = list.map((p) => [
          p.name,
          `${p.config.symbol} ${p.config.timeframe}`,
          p.config.strategy.name,
          isoTime(p.updated_at),
        ]);
        process.stdout.write(`${table(["name", "market", "strategy", "updated"], rows)}\n`);
      }),
    ),
  );

  presets
    .command("save")
    .argument("<name>")
    .argument("<config>", "run config JSON file ('-' reads stdin)")
    .description("validate a config and save it under NAME (replacing any previous one)")
    .action(
      action((ctx, name: string, file: string) =>
        withPresets(ctx, (studio) => {
          const saved = studio.presets.save(name, readJsonFile(file));
          if (ctx.json) printJson(saved);
          else process.stdout.write(`saved preset ${saved.name}\n`);
        }),
      ),
    );

  presets
    .command("show")
    .argument("<name>")
    .action(
      action((ctx, name: string) =>
        withPresets(ctx, (studio) => {
          const preset = studio.presets.get(name);
          process.stdout.write(
            `${JSON.stringify(ctx.json ? preset : preset.config, null, ctx.json ? undefined : 2)}\n`,
          );
        }),
      ),
    );

  presets
    .command("delete")
    .argument("<name>")
    .action(
      action((ctx, name: string) =>
        withPresets(ctx, (studio) => {
          studio.presets.delete(name);
          if (ctx.json) printJson({ name, deleted: true });
          else process.stdout.write(`deleted preset ${name}\n`);
        }),
      ),
    );
}

/**
 * @module cli/commands/init
 * `studio init [DIR]`: makes a working studio home (default: the current home) with a sample CSV, an example
 * indicator and strategy module and a config that runs them, then prints the command to type next. Files that
 * already exist are kept, never overwritten.
 */
import path from "node:path";
import type { Command } from "commander";
import { writeExampleHome } from "../../plugins/example-home.js";
import { action, printJson } from "../context.js";

/** The shortest correct commands to run and check the example of `root` from the working directory. */
export function nextCommands(root: string, cwd: string, env: NodeJS.ProcessEnv): string[] {
  if (root === cwd && !env.STUDIO_HOME) return ["studio run example.json", "studio plugins check example"];
  const rel = path.relative(cwd, root);
  const shown = rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : root;
  return [
    `studio --home ${shown} run ${path.join(shown, "example.json")}`,
    `studio --home ${shown} plugins check example`,
  ];
}

export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description("create a studio home with sample data, an example strategy and indicator, and a config")
    .argument("[dir]", "folder to set up (default: the studio home)")
    .action(
      action((ctx, dir: string | undefined) => {
        const root = dir === undefined ? ctx.home.root : path.resolve(dir);
        const { written, kept } = writeExampleHome(root);
        const next = nextCommands(root, process.cwd(), process.env);
        if (ctx.json) return printJson({ home: root, written, kept, next });
        const lines = [`studio home ${root}`];
        for (const file of written) lines.push(`  created ${file}`);
        for (const file of kept) lines.push(`  kept    ${file} (already there)`);
        lines.push("", "next:", ...next.map((command) => `  ${command}`));
        process.stdout.write(`${lines.join("\n")}\n`);
      }),
    );
}

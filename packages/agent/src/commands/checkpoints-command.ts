import type { Command } from 'commander';
import type { ComponentRegistry } from '@jackwatch/core';
import { resetCheckpoints } from './checkpoints/reset-checkpoints.ts';
import { showCheckpoints } from './checkpoints/show-checkpoints.ts';
import { commandHelp } from '../cli-reference.ts';
import { EXIT } from './run-command.ts';

/**
 * Adds `jackwatch checkpoints show|reset` to `program`: list the checkpoint
 * files of a config's sources, or remove them so the sources start over.
 * A usage error (a missing `--config`, an unknown subcommand or option)
 * exits 2; `exit` receives the code of a command that ran.
 */
export function registerCheckpointsCommand(program: Command, registry: () => ComponentRegistry, exit: (code: number) => void): void {
  const checkpoints = program
    .command('checkpoints')
    .description("show or reset the sources' checkpoints (where each source resumes)")
    .exitOverride((error) => process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.badConfig));
  checkpoints
    .command('show')
    .description("list each source's checkpoint file, its entries, or why it cannot be used")
    .requiredOption('-c, --config <file>', 'config file')
    .addHelpText('after', commandHelp('checkpoints show'))
    .action(async (options: { config: string }) => {
      exit(await showCheckpoints(options.config, registry()));
    });
  checkpoints
    .command('reset')
    .description('remove the checkpoint files of every source (or of --source): they start over as on their first run')
    .requiredOption('-c, --config <file>', 'config file')
    .option('-s, --source <id...>', 'only these sources')
    .addHelpText('after', commandHelp('checkpoints reset'))
    .action(async (options: { config: string; source?: string[] }) => {
      exit(await resetCheckpoints(options.config, options.source ?? [], registry()));
    });
}

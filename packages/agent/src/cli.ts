#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError } from '@jackwatch/core';
import { registerCheckpointsCommand } from './commands/checkpoints-command.ts';
import { componentsCommand } from './commands/components-command.ts';
import { EXIT, runCommand } from './commands/run-command.ts';
import { redeliverCommand } from './commands/redeliver-command.ts';
import { sigmaCheckCommand } from './commands/sigma-command.ts';
import { testCommand } from './commands/test-command.ts';
import { validateCommand } from './commands/validate-command.ts';
import { createDefaultRegistry } from './default-registry.ts';
import { AGENT_VERSION } from './version.ts';

// exitOverride: commander throws instead of exiting, so usage errors get exit code 2 below.
const program = new Command('jackwatch')
  .description('Detect LLMjacking — stolen AWS keys running Bedrock — in CloudTrail logs, as they stream in.')
  .version(AGENT_VERSION)
  .showHelpAfterError()
  .exitOverride();

let exitCode: number = EXIT.ok;

program
  .command('run')
  .description('run the pipelines of a config until finite sources end (or SIGINT/SIGTERM drains them)')
  .option('-c, --config <file>', 'config file (default: examples/quickstart/config.yaml)')
  .action(async (options: { config?: string }) => {
    exitCode = await runCommand(options.config, createDefaultRegistry());
  });

program
  .command('validate')
  .description('check a config and print it resolved, secrets masked')
  .requiredOption('-c, --config <file>', 'config file')
  .action(async (options: { config: string }) => {
    exitCode = await validateCommand(options.config, createDefaultRegistry());
  });

program
  .command('components')
  .description('list the registered sources, processors, detectors and sinks (with --config, its plugins\' too)')
  .option('-c, --config <file>', 'load the plugins this config names first')
  .action(async (options: { config?: string }) => {
    exitCode = await componentsCommand(createDefaultRegistry(), options.config);
  });

program
  .command('test')
  .description('run detector fixture tests written as data: every folder under DIR holding a case.yaml')
  .argument('<dir>', 'a case folder, or a folder of case folders')
  .action(async (dir: string) => {
    exitCode = await testCommand(dir);
  });

program
  .command('sigma')
  .description('work with Sigma rules')
  .command('check')
  .description('load Sigma rules (files, directories, globs) and list each with its status and interest; exit 2 on an invalid rule')
  .argument('<paths...>', 'rule files, directories or globs')
  .action((paths: string[]) => {
    exitCode = sigmaCheckCommand(paths);
  });

program
  .command('redeliver')
  .description("send the findings in the webhook and otlp sinks' dead-letter files again")
  .requiredOption('-c, --config <file>', 'config file naming the sinks')
  .option('-s, --sink <id...>', 'only these sinks (default: every webhook and otlp sink)')
  .action(async (options: { config: string; sink?: string[] }) => {
    exitCode = await redeliverCommand(options.config, options.sink ?? [], createDefaultRegistry());
  });

registerCheckpointsCommand(program, createDefaultRegistry, (code) => {
  exitCode = code;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the problem (or the help or version asked for); 2 is also a bad config's code.
    exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badConfig;
  } else if (error instanceof ConfigError) {
    process.stderr.write(`jackwatch: invalid config\n${error.message}\n`);
    exitCode = EXIT.badConfig;
  } else {
    process.stderr.write(`jackwatch: ${error instanceof Error ? error.message : String(error)}\n`);
    exitCode = EXIT.failed;
  }
}
process.exitCode = exitCode;

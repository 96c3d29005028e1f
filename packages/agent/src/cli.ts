#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, parseDuration } from '@jackwatch/core';
import { readConfigFile } from '@jackwatch/core/config';
import { commandHelp, EXIT } from './cli-reference.ts';
import { registerCheckpointsCommand } from './commands/checkpoints-command.ts';
import { componentsCommand } from './commands/components-command.ts';
import { outputOption, type OutputFormat } from './commands/output-format.ts';
import { runCommand } from './commands/run-command.ts';
import { redeliverCommand } from './commands/redeliver-command.ts';
import { sigmaCheckCommand } from './commands/sigma-command.ts';
import { testCommand } from './commands/test-command.ts';
import { validateCommand } from './commands/validate-command.ts';
import { createDefaultRegistry } from './default-registry.ts';
import { loadConfigPlugins } from './load-agent-config.ts';
import { formatVersionReport, versionReport } from './version-report.ts';

// The longest a single probe check may take: enough for a slow DNS server, short enough for a readiness script.
const MAX_PROBE_TIMEOUT_MS = 120_000;

const PROGRAM_HELP = `
Exit codes: 0 success, 1 a failure during the command (each command's --help says which), 2 bad usage or a bad config.
Run \`jackwatch <command> --help\` for a command's example, exit codes and environment variables.
`;

// exitOverride: commander throws instead of exiting, so usage errors get exit code 2 below.
// Positional options: `--config`/`--output` before a command belong to `--version`, after it to the command.
const program = new Command('jackwatch')
  .description('Detect LLMjacking — stolen AWS keys running Bedrock — in CloudTrail logs, as they stream in.')
  .option('-V, --version', 'print the versions of the agent, its core, Node and the plugins (with --config, its plugins too)')
  .option('-c, --config <file>', 'with --version: also load the plugins this config names')
  .addOption(new Option('-o, --output <format>', 'with --version: text or json').choices(['text', 'json']).default('text'))
  .enablePositionalOptions()
  .showHelpAfterError()
  .exitOverride()
  .addHelpText('after', PROGRAM_HELP)
  .action(async (options: { version?: boolean; config?: string; output: OutputFormat }, command: Command) => {
    if (command.args.length > 0) command.error(`error: unknown command '${command.args[0]}'`, { exitCode: EXIT.badConfig, code: 'commander.unknownCommand' });
    if (options.version !== true) command.help({ error: true });
    exitCode = await printVersion(options.config, options.output);
  });

let exitCode: number = EXIT.ok;

program
  .command('run')
  .description('run the pipelines of a config until finite sources end (or SIGINT/SIGTERM drains them)')
  .option('-c, --config <file>', 'config file (default: examples/quickstart/config.yaml)')
  .addHelpText('after', commandHelp('run'))
  .action(async (options: { config?: string }) => {
    exitCode = await runCommand(options.config, createDefaultRegistry());
  });

program
  .command('validate')
  .description('check a config and print it resolved, secrets masked; with --probe, check what can be reached without reading data')
  .requiredOption('-c, --config <file>', 'config file')
  .option('--probe', 'also check paths, credentials, buckets, queues, log groups and receivers (DNS, TLS), one line per check')
  .addOption(new Option('--probe-timeout <duration>', 'the time each probe check may take').default(5000, '5s').argParser(probeTimeout))
  .addOption(outputOption(['text', 'json']))
  .addHelpText('after', commandHelp('validate'))
  .action(async (options: { config: string; probe?: boolean; probeTimeout: number; output: 'text' | 'json' }) => {
    exitCode = await validateCommand(options.config, createDefaultRegistry(), { output: options.output, probeTimeoutMs: options.probe === true ? options.probeTimeout : undefined });
  });

program
  .command('components')
  .description('list the registered sources, processors, detectors and sinks (with --config, its plugins\' too)')
  .option('-c, --config <file>', 'load the plugins this config names first')
  .addOption(outputOption(['text', 'json', 'yaml']))
  .addHelpText('after', commandHelp('components'))
  .action(async (options: { config?: string; output: OutputFormat }) => {
    exitCode = await componentsCommand(createDefaultRegistry(), options.config, options.output);
  });

program
  .command('test')
  .description('run detector fixture tests written as data: every folder under DIR holding a case.yaml')
  .argument('<dir>', 'a case folder, or a folder of case folders')
  .addHelpText('after', commandHelp('test'))
  .action(async (dir: string) => {
    exitCode = await testCommand(dir);
  });

program
  .command('sigma')
  .description('work with Sigma rules')
  .command('check')
  .description('load Sigma rules (files, directories, globs) and list each with its status and interest; exit 2 on an invalid rule')
  .argument('<paths...>', 'rule files, directories or globs')
  .addHelpText('after', commandHelp('sigma check'))
  .action((paths: string[]) => {
    exitCode = sigmaCheckCommand(paths);
  });

program
  .command('redeliver')
  .description("send the findings in the sinks' dead-letter files again (webhook, otlp and plugin sinks that offer it)")
  .requiredOption('-c, --config <file>', 'config file naming the sinks')
  .option('-s, --sink <id...>', 'only these sinks (default: every sink that keeps a dead-letter file)')
  .addHelpText('after', commandHelp('redeliver'))
  .action(async (options: { config: string; sink?: string[] }) => {
    exitCode = await redeliverCommand(options.config, options.sink ?? [], createDefaultRegistry());
  });

registerCheckpointsCommand(program, createDefaultRegistry, (code) => {
  exitCode = code;
});
// Set after the commands are added (they would inherit it): an unknown command reaches the program's action, which names it.
program.allowExcessArguments();

function probeTimeout(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms < 1 || ms > MAX_PROBE_TIMEOUT_MS) throw new InvalidArgumentError('give a duration with a unit, from 1ms to 2m (e.g. 5s)');
  return ms;
}

async function printVersion(configFile: string | undefined, output: OutputFormat): Promise<number> {
  let plugins: Awaited<ReturnType<typeof loadConfigPlugins>> = [];
  if (configFile !== undefined) plugins = await loadConfigPlugins(await readConfigFile(configFile), createDefaultRegistry());
  const report = versionReport(plugins);
  process.stdout.write(output === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatVersionReport(report));
  return EXIT.ok;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the problem (or the help asked for); 2 is also a bad config's code.
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

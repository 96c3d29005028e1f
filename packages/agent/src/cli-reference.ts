/**
 * What every command's `--help` and the README say about exit codes and
 * environment variables: one table each, so the help, the README and the
 * code cannot drift apart (a test compares the README with
 * {@link exitCodeTable} and {@link environmentTable}).
 */

/** Exit codes of the CLI: `failed` also when findings were lost or a component reported an error-level failure. */
export const EXIT = { ok: 0, failed: 1, badConfig: 2 } as const;

/** The commands the reference describes, as typed after `jackwatch`. */
export type CommandName = 'run' | 'validate' | 'components' | 'redeliver' | 'checkpoints show' | 'checkpoints reset' | 'test' | 'sigma check';

interface CommandReference {
  /** One invocation as a user would type it. */
  readonly example: string;
  /** When the command exits 0 and 1 (2 is the same for all). */
  readonly ok: string;
  readonly failed: string | undefined;
  /** When it exits 2, if more than bad usage or a bad config. */
  readonly bad?: string;
  /** Keys of {@link ENVIRONMENT} the command reads. */
  readonly environment: readonly EnvironmentKey[];
}

const BAD_CONFIG = 'bad usage (an unknown command or option, a missing `--config` or argument) or a bad config (every problem with file, line and path; a file that cannot be read)';

/** The environment variables the agent reads, and why. */
export const ENVIRONMENT = {
  config: { name: '`${env:NAME}` in the config', read: 'any variable the config names; `${env:NAME:-default}` when it may be unset' },
  aws: {
    name: '`AWS_REGION`, `AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_ROLE_ARN`, `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_EC2_METADATA_DISABLED`',
    read: "the AWS SDK's default region and credential chain, for the `s3` and `cloudwatch-logs` sources",
  },
  nodeOptions: { name: '`NODE_OPTIONS`', read: 'its `--conditions` choose which export of a plugin package is loaded' },
} as const;

type EnvironmentKey = keyof typeof ENVIRONMENT;

const COMMANDS: Readonly<Record<CommandName, CommandReference>> = {
  run: {
    example: 'jackwatch run --config /etc/jackwatch/config.yaml',
    ok: 'done, or drained by SIGINT/SIGTERM: every finding delivered or dead-lettered, nothing lost, no error-level failure',
    failed: 'a component failed (`FAILED`), a sink lost findings or still held some (`LOST`), or a component reported an error-level failure (`ERRORS`)',
    environment: ['config', 'aws', 'nodeOptions'],
  },
  validate: {
    example: 'jackwatch validate --config config.yaml --probe --output json',
    ok: 'the config is valid (and, with `--probe`, every check passed)',
    failed: 'with `--probe`: a check failed; or a detector failed to be created',
    environment: ['config', 'aws', 'nodeOptions'],
  },
  components: {
    example: 'jackwatch components --config config.yaml --output yaml',
    ok: 'listed',
    failed: undefined,
    environment: ['config', 'nodeOptions'],
  },
  redeliver: {
    example: 'jackwatch redeliver --config config.yaml --sink webhook/siem',
    ok: 'every dead-letter file is empty afterwards',
    failed: 'findings failed again and stay in a dead-letter file',
    environment: ['config', 'nodeOptions'],
  },
  'checkpoints show': {
    example: 'jackwatch checkpoints show --config config.yaml',
    ok: 'every checkpoint file can be used (or there is none yet)',
    failed: 'a checkpoint file cannot be used',
    environment: ['config', 'nodeOptions'],
  },
  'checkpoints reset': {
    example: 'jackwatch checkpoints reset --config config.yaml --source s3/prod',
    ok: 'the checkpoint files were removed',
    failed: 'a checkpoint file could not be removed',
    environment: ['config', 'nodeOptions'],
  },
  test: {
    example: 'jackwatch test examples/fixtures/bedrock',
    ok: 'every case passed',
    failed: 'a case failed or could not be read',
    bad: 'DIR does not exist or holds no `case.yaml`; or bad usage',
    environment: ['nodeOptions'],
  },
  'sigma check': {
    example: 'jackwatch sigma check rules/sigma',
    ok: 'every rule loaded or was skipped with a reason',
    failed: undefined,
    bad: 'a rule is invalid or a path matches nothing; or bad usage',
    environment: [],
  },
};

/** The text after a command's `--help`: an example, its exit codes, the environment variables it reads. */
export function commandHelp(command: CommandName): string {
  const reference = COMMANDS[command];
  const plain = (text: string): string => text.replaceAll('`', '');
  const lines = ['', 'Example:', `  $ ${reference.example}`, '', 'Exit codes:', `  0  ${plain(reference.ok)}`];
  if (reference.failed !== undefined) lines.push(`  1  ${plain(reference.failed)}`);
  lines.push(`  2  ${plain(reference.bad ?? BAD_CONFIG)}`);
  lines.push('', 'Environment:');
  if (reference.environment.length === 0) lines.push('  none');
  for (const key of reference.environment) lines.push(`  ${plain(ENVIRONMENT[key].name)}: ${plain(ENVIRONMENT[key].read)}`);
  return `${lines.join('\n')}\n`;
}

/** The exit codes of every command as a Markdown table: the README's. */
export function exitCodeTable(): string {
  const rows = ['| command | `0` | `1` | `2` |', '|---|---|---|---|'];
  for (const [command, reference] of Object.entries(COMMANDS)) {
    rows.push(`| \`${command}\` | ${reference.ok} | ${reference.failed ?? '—'} | ${reference.bad ?? 'bad usage or a bad config'} |`);
  }
  return rows.join('\n');
}

/** The environment variables and the commands that read them, as a Markdown table: the README's. */
export function environmentTable(): string {
  const rows = ['| variable | read for | by |', '|---|---|---|'];
  for (const [key, variable] of Object.entries(ENVIRONMENT)) {
    const users = Object.entries(COMMANDS)
      .filter(([, reference]) => reference.environment.includes(key as EnvironmentKey))
      .map(([command]) => `\`${command}\``);
    rows.push(`| ${variable.name} | ${variable.read} | ${users.join(', ')} |`);
  }
  return rows.join('\n');
}

/** Exit code 2 in words, for the README's text beside the table. */
export const BAD_CONFIG_MEANING = BAD_CONFIG;

/** How the bench runs the agent's file source. */
export interface AgentMode {
  readonly prefilter: boolean;
  /** `0`: decode on the main thread; `'auto'` or a count: a decode worker pool. */
  readonly workers: number | 'auto';
}

/** The shipped detectors: the aws-bedrock pack, every Bedrock rule on with its default settings. */
export const SHIPPED_DETECTORS = ['aws-bedrock'] as const;

/** What differs between the agent configs the bench runs; the detectors (every shipped one) and the discard sink never do. */
export interface BenchConfigParts {
  /** The value of `service.checkpoints`, e.g. `{ memory: true }`. */
  readonly checkpoints: string;
  readonly logLevel: 'warn' | 'error';
  /** The source's type (also its id) and its option lines, each `key: value`. */
  readonly source: { readonly type: 'file' | 's3'; readonly options: readonly string[] };
}

/** An agent config (YAML): one source, every shipped detector, the discard sink, one pipeline. */
export function benchConfigYaml(parts: BenchConfigParts): string {
  return [
    'service:',
    `  checkpoints: ${parts.checkpoints}`,
    `  logs: { level: ${parts.logLevel} }`,
    'sources:',
    `  ${parts.source.type}:`,
    ...parts.source.options.map((line) => `    ${line}`),
    'detectors:',
    ...SHIPPED_DETECTORS.map((id) => `  ${id}: {}`),
    'sinks:',
    '  discard: {}',
    'pipelines:',
    '  default:',
    `    sources: [${parts.source.type}]`,
    `    detectors: [${SHIPPED_DETECTORS.join(', ')}]`,
    '    sinks: [discard]',
    '',
  ].join('\n');
}

/** The agent config (YAML) the bench runs: the dataset through the file source, every shipped detector, the discard sink. */
export function agentConfigYaml(logsDir: string, mode: AgentMode): string {
  return benchConfigYaml({
    checkpoints: '{ memory: true }',
    logLevel: 'warn',
    source: {
      type: 'file',
      options: [`paths: [${JSON.stringify(logsDir)}]`, `prefilter: ${mode.prefilter}`, ...(mode.workers === 0 ? [] : [`workers: ${mode.workers}`])],
    },
  });
}

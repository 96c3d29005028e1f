/** How the bench runs the agent's file source. */
export interface AgentMode {
  readonly prefilter: boolean;
  /** `0`: decode on the main thread; `'auto'` or a count: a decode worker pool. */
  readonly workers: number | 'auto';
}

/** The shipped detectors: the aws-bedrock pack, every Bedrock rule on with its default settings. */
export const SHIPPED_DETECTORS = ['aws-bedrock'] as const;

/** The agent config (YAML) the bench runs: the dataset through the file source, every shipped detector, the discard sink. */
export function agentConfigYaml(logsDir: string, mode: AgentMode): string {
  return [
    'service:',
    '  checkpoints: { memory: true }',
    '  logs: { level: warn }',
    'sources:',
    '  file:',
    `    paths: [${JSON.stringify(logsDir)}]`,
    `    prefilter: ${mode.prefilter}`,
    ...(mode.workers === 0 ? [] : [`    workers: ${mode.workers}`]),
    'detectors:',
    ...SHIPPED_DETECTORS.map((id) => `  ${id}: {}`),
    'sinks:',
    '  discard: {}',
    'pipelines:',
    '  default:',
    '    sources: [file]',
    `    detectors: [${SHIPPED_DETECTORS.join(', ')}]`,
    '    sinks: [discard]',
    '',
  ].join('\n');
}

/**
 * @jackwatch/agent — the `jackwatch` CLI and the default distribution of
 * every first-party component.
 *
 * @packageDocumentation
 */
export { createDefaultRegistry } from './default-registry.ts';
export { runAgent } from './run-agent.ts';
export type { RunAgentOptions } from './run-agent.ts';
export { loadAgentConfig } from './load-agent-config.ts';
export type { AgentConfig } from './load-agent-config.ts';
export { StderrLogger } from './stderr-logger.ts';
export type { LogLevelName } from './stderr-logger.ts';
export { formatSummary } from './format-summary.ts';

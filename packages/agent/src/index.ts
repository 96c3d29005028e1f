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
export { loadConfigPlugins } from './load-agent-config.ts';
export { loadPlugins, PluginLoadError, resolvePlugin, activeConditions, firstPartyPlugins } from './plugins/index.ts';
export type { LoadedPlugin, LoadPluginsOptions, PluginFailure, ResolvedPlugin } from './plugins/index.ts';
export { findCases, CASE_FILE } from './fixtures/find-cases.ts';
export { loadCase, CaseFileError } from './fixtures/load-case.ts';
export { runCase } from './fixtures/run-case.ts';
export type { CaseOutcome } from './fixtures/run-case.ts';
export type { FixtureCase, CaseDetector } from './fixtures/fixture-case.ts';
export { caseSchema, expectedFindingSchema } from './fixtures/case-schema.ts';
export type { CaseFile, ExpectedFinding, CaseOrder } from './fixtures/case-schema.ts';

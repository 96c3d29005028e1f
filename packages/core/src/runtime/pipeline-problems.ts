import type { PipelineResult } from './pipeline-result.ts';

/**
 * What went wrong in a run, one sentence each; empty when nothing did. A
 * problem is a failed component, a sink that lost findings or still holds
 * some, or an error-level report. The agent exits 1 when any pipeline has
 * one.
 *
 * @example pipelineProblems(result) // ['sink webhook lost 8 finding(s)', 'webhook reported 2 error(s)']
 */
export function pipelineProblems(result: PipelineResult): string[] {
  const problems = result.failures.map((failure) => `${failure.component} failed: ${failure.message}`);
  for (const [sink, stats] of Object.entries(result.sinks)) {
    if ((stats.lost ?? 0) > 0) problems.push(`sink ${sink} lost ${stats.lost} finding(s)`);
    if (stats.queued > 0) problems.push(`sink ${sink} still holds ${stats.queued} finding(s) neither delivered nor dead-lettered`);
  }
  for (const [component, count] of Object.entries(result.errors)) problems.push(`${component} reported ${count} error(s)`);
  return problems;
}

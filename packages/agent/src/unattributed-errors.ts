import { METRICS, type PipelineResult, type Telemetry } from '@jackwatch/core';

/**
 * Error-level reports counted in `telemetry` (`jackwatch.component.errors`) under an
 * id that no pipeline result lists — a service reporting under its own name
 * rather than a component's. They are shown in the summary and fail the run
 * like the others, so no report is missed for want of a pipeline to show it.
 */
export function unattributedErrors(telemetry: Telemetry, results: readonly PipelineResult[]): Record<string, number> {
  const shown = new Set(results.flatMap((result) => Object.keys(result.errors)));
  const counts: Record<string, number> = {};
  for (const counter of telemetry.snapshot()) {
    const component = counter.labels['component'] ?? 'unknown';
    if (counter.name !== METRICS.componentErrors.name || shown.has(component) || counter.value === 0) continue;
    counts[component] = (counts[component] ?? 0) + counter.value;
  }
  return counts;
}

import { createComponentContext, type JackwatchConfig, type Logger, type ProbeResult, type ResolvedComponent } from '@jackwatch/core';

/** One check of `validate --probe`, with the component that made it. */
export interface ComponentProbeResult extends ProbeResult {
  /** The component id from the config, e.g. `s3/prod`. */
  readonly component: string;
}

/** Options of {@link probeComponents}. */
export interface ProbeComponentsOptions {
  /** The time each check may take. */
  readonly timeoutMs: number;
  readonly logger: Logger;
}

// A component's probe gets this many checks' time in all (its checks run one after another), plus a margin.
const CHECKS_PER_COMPONENT = 16;

/**
 * Runs the `probe` of every component of the config whose factory offers
 * one — sources, processors, detectors and sinks, first-party or plugin — one
 * component after another, and collects every check. A probe that throws or
 * outlives its budget becomes a failed check of its own, so the command
 * always ends, in bounded time, with one line per check.
 */
export async function probeComponents(config: JackwatchConfig, options: ProbeComponentsOptions): Promise<ComponentProbeResult[]> {
  const components = [...config.sources.values(), ...config.processors.values(), ...config.detectors.values(), ...config.sinks.values()];
  const results: ComponentProbeResult[] = [];
  for (const component of components) {
    if (typeof component.factory.probe !== 'function') continue;
    for (const result of await probeOne(component, config.baseDir, options)) results.push({ component: component.id, ...result });
  }
  return results;
}

async function probeOne(component: ResolvedComponent, baseDir: string, options: ProbeComponentsOptions): Promise<readonly ProbeResult[]> {
  const budgetMs = options.timeoutMs * CHECKS_PER_COMPONENT + 1000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<ProbeResult[]>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve([{ check: 'probe', ok: false, message: `did not finish within ${budgetMs} ms` }]);
    }, budgetMs);
  });
  const context = createComponentContext(component.id, { logger: options.logger, baseDir });
  const probing = (async (): Promise<readonly ProbeResult[]> => {
    try {
      return await component.factory.probe!(component.config as never, context, { signal: controller.signal, timeoutMs: options.timeoutMs });
    } catch (error) {
      return [{ check: 'probe', ok: false, message: `the probe itself failed: ${error instanceof Error ? error.message : String(error)}` }];
    }
  })();
  try {
    return await Promise.race([probing, outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}

/** One line per check, for people: `ok` or `FAIL`, the component, the check, what was found. */
export function formatProbeLine(result: ComponentProbeResult): string {
  return `${result.ok ? 'ok  ' : 'FAIL'}  ${result.component}  ${result.check}: ${result.message}`;
}

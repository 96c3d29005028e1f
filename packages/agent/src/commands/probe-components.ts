import { createComponentContext, type Logger, type ProbeResult } from '@jackwatch/core';
import type { JackwatchConfig, ResolvedComponent } from '@jackwatch/core/config';

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
// What one component's probe may print, however many checks it returns or however long their messages.
const MAX_CHECKS = 100;
const MAX_TEXT = 1000;

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
    const checks = wellFormed(await probeOne(component, config.baseDir, options));
    for (const { check, ok, message } of checks.slice(0, MAX_CHECKS)) results.push({ component: component.id, check: clip(check), ok, message: clip(message) });
    const hidden = checks.slice(MAX_CHECKS);
    if (hidden.length > 0) {
      const failed = hidden.filter((c) => !c.ok).length;
      results.push({ component: component.id, check: 'probe', ok: failed === 0, message: `${hidden.length} more check(s) not shown, ${failed} of them failed` });
    }
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

// A plugin's probe is code we do not control: anything but a list of checks is one failed check.
function wellFormed(checks: unknown): ProbeResult[] {
  if (!Array.isArray(checks)) return [{ check: 'probe', ok: false, message: 'the probe did not return a list of checks' }];
  return checks.map((c: unknown) => {
    const { check, ok, message } = (typeof c === 'object' && c !== null ? c : {}) as Partial<Record<keyof ProbeResult, unknown>>;
    return { check: typeof check === 'string' ? check : 'probe', ok: ok === true, message: typeof message === 'string' ? message : 'the probe returned a check without a message' };
  });
}

function clip(text: string): string {
  const value = text.replace(/[\r\n]+/g, ' ');
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
}

/** One line per check, for people: `ok` or `FAIL`, the component, the check, what was found. */
export function formatProbeLine(result: ComponentProbeResult): string {
  return `${result.ok ? 'ok  ' : 'FAIL'}  ${result.component}  ${result.check}: ${result.message}`;
}

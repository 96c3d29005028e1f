import type { ComponentFactory } from '../component/factory.ts';
import type { Sink } from '../component/sink.ts';
import type { Finding } from '../finding/finding.ts';
import type { Source } from '../component/source.ts';
import { systemClock } from '../services/clock.ts';
import { testContext } from './test-context.ts';

/** Options of {@link checkSourceFactory} and {@link checkSinkFactory}. */
export interface LifecycleConformanceOptions {
  /** A valid config for components that need one (a bucket, a URL); default `{}`. */
  readonly config?: unknown;
  /** Whether `start` can run here (false for a source whose start needs a remote service). Default true. */
  readonly start?: boolean;
  /** Directory relative paths resolve against. */
  readonly baseDir?: string;
}

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;
const STABILITIES = new Set(['development', 'alpha', 'beta', 'stable']);

type Lifecycle = Pick<Source, 'start' | 'shutdown'> | Pick<Sink, 'start' | 'shutdown'>;

/**
 * The lifecycle conformance kit every source and sink runs — first-party and
 * plugins alike: factory shape and type name; the config
 * schema is strict and its defaults complete the given config; `create` then
 * `shutdown` without `start` works and `shutdown` is idempotent; `start` →
 * `shutdown` → create again → `start` → `shutdown` works (the second instance
 * is not blocked by the first). Returns the problems found, empty when
 * conformant: `expect(await checkSourceFactory(f, { config })).toEqual([])`.
 */
export async function checkSourceFactory(factory: ComponentFactory<'source', unknown, Source>, options: LifecycleConformanceOptions = {}): Promise<string[]> {
  return checkLifecycle(factory, 'source', options);
}

/**
 * The same lifecycle conformance for sinks (see {@link checkSourceFactory}),
 * plus: a new sink reports zero stats, and once shut down it refuses
 * findings with an error rather than taking them to nowhere.
 */
export async function checkSinkFactory(factory: ComponentFactory<'sink', unknown, Sink>, options: LifecycleConformanceOptions = {}): Promise<string[]> {
  const problems = await checkLifecycle(factory, 'sink', options);
  const parsed = factory.configSchema.safeParse(options.config ?? {});
  if (parsed.success) {
    const stats = factory.create(parsed.data, context(factory.type, options)).stats?.();
    if (stats && (stats.accepted !== 0 || stats.delivered !== 0 || stats.queued !== 0)) problems.push('a new sink reports non-zero stats');
    if (options.start !== false && problems.length === 0) {
      await attempt(problems, 'start → shutdown → export', () => checkRefusesAfterShutdown(factory.create(parsed.data, context(factory.type, options)), problems));
    }
  }
  return problems;
}

async function checkRefusesAfterShutdown(sink: Sink, problems: string[]): Promise<void> {
  await sink.start();
  await sink.shutdown();
  const refused = await sink.export([conformanceFinding()]).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(refused instanceof Error)) problems.push('export after shutdown resolved: a shut-down sink must reject findings with an error');
}

function conformanceFinding(): Finding {
  const time = '2024-01-01T00:00:00.000Z';
  return {
    id: 'conformance-after-shutdown',
    detector: { id: 'conformance', title: 'conformance', version: '1.0.0' },
    severity: 'low',
    riskScore: 1,
    attack: { tactics: [], techniques: [] },
    time,
    firstTime: time,
    lastTime: time,
    group: {},
    summary: 'a finding offered to a sink after its shutdown',
    evidence: [],
    references: [],
  };
}

async function checkLifecycle(
  factory: ComponentFactory<'source' | 'sink', unknown, Lifecycle>,
  kind: 'source' | 'sink',
  options: LifecycleConformanceOptions,
): Promise<string[]> {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  check(factory.kind === kind, `kind is "${factory.kind}", expected "${kind}"`);
  check(TYPE_NAME.test(factory.type), `type "${factory.type}" is not lowercase a-z0-9-`);
  check(STABILITIES.has(factory.stability), `stability "${factory.stability}" is unknown`);
  check(factory.description.trim().length > 0, 'description is empty');
  const config = options.config ?? {};
  const parsed = factory.configSchema.safeParse(config);
  if (!parsed.success) return [...problems, `the config schema rejects the given config: ${parsed.error.message}`];
  check(!factory.configSchema.safeParse({ ...(config as object), noSuchOption: 1 }).success, 'configSchema accepts an unknown key; make it strict');
  await attempt(problems, 'create → shutdown → shutdown without start', async () => {
    const component = factory.create(parsed.data, context(factory.type, options));
    await component.shutdown();
    await component.shutdown();
  });
  if (options.start === false) return problems;
  await attempt(problems, 'start → shutdown → recreate → start → shutdown', async () => {
    for (let round = 0; round < 2; round++) {
      const component = factory.create(parsed.data, context(factory.type, options));
      await component.start();
      await component.shutdown();
    }
  });
  return problems;
}

function context(type: string, options: LifecycleConformanceOptions): ReturnType<typeof testContext> {
  return testContext(`${type}/conformance`, { clock: systemClock, ...(options.baseDir ? { baseDir: options.baseDir } : {}) });
}

async function attempt(problems: string[], what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    problems.push(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

import type { Detector, DetectorMeta } from '../component/detector.ts';
import { isDetectorBundle } from '../detection/detector-bundle.ts';
import type { DetectorFactory } from '../component/factory.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import { DETECTOR_POLICY_KEYS } from '../detection/policy-schema.ts';
import { outsideInterest } from './outside-interest.ts';
import { runDetector } from './run-detector.ts';
import { testContext } from './test-context.ts';

/** Options of {@link checkDetectorFactory}. */
export interface ConformanceOptions {
  /** Events on which the default config must fire at least once (checks the findings too). */
  readonly firing?: readonly TrailEvent[];
}

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const SEVERITIES = new Set(['informational', 'low', 'medium', 'high', 'critical']);
const STABILITIES = new Set(['development', 'alpha', 'beta', 'stable']);

/**
 * The detector conformance kit: what every detector factory — first-party or
 * plugin — must satisfy. Returns the problems found (empty when conformant),
 * so it works with any test runner:
 * `expect(checkDetectorFactory(factory, { firing })).toEqual([])`.
 *
 * Checks: kind, type name, stability, description; the config schema has
 * complete defaults, is strict and leaves `suppress`/`exceptions` to the
 * policy; the detector's meta is complete and its `id` is the type; interest
 * and span are sane; a new detector has no state, survives a watermark and a
 * flush with nothing to do, and never reads the wall clock. With `firing`:
 * findings name the component id (`type/name`), ids are deterministic,
 * state returns to 0 once the watermark passes, and copies of the firing
 * events moved outside the detector's interest (another event source or
 * event name) change nothing — a detector whose test can match an event its
 * interest excludes would lose findings to routing and the prefilter.
 */
export function checkDetectorFactory(factory: DetectorFactory<unknown>, options: ConformanceOptions = {}): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  check(factory.kind === 'detector', `kind is "${factory.kind}", expected "detector"`);
  check(TYPE_NAME.test(factory.type), `type "${factory.type}" is not lowercase a-z0-9-`);
  check(STABILITIES.has(factory.stability), `stability "${factory.stability}" is not one of ${[...STABILITIES].join(', ')}`);
  check(factory.description.trim().length > 0, 'description is empty');
  const defaults = factory.configSchema.safeParse({});
  if (!defaults.success) return [...problems, `configSchema.parse({}) fails, so the defaults are incomplete: ${defaults.error.message}`];
  check(!factory.configSchema.safeParse({ noSuchOption: true }).success, 'configSchema accepts an unknown key; make it strict');
  for (const key of DETECTOR_POLICY_KEYS) {
    check(!(typeof defaults.data === 'object' && defaults.data !== null && key in defaults.data), `config defines "${key}", which is reserved for the detector policy`);
  }
  let detector: Detector;
  try {
    detector = factory.create(defaults.data, testContext(`${factory.type}/conformance`));
  } catch (error) {
    return [...problems, `create(defaults) throws: ${(error as Error).message}`];
  }
  checkMeta(detector.meta, factory.type, check);
  if (isDetectorBundle(detector)) {
    check(detector.members.length > 0, 'the bundle has no members');
    for (const member of detector.members) checkMeta(member.detector.meta, undefined, (ok, problem) => check(ok, `member ${member.id}: ${problem}`));
  }
  check(Number.isFinite(detector.span) && detector.span >= 0, `span ${detector.span} is not a finite number >= 0`);
  check(detector.interest === 'all' || (detector.interest.length > 0 && detector.interest.every((s) => (s.eventSource === undefined ? s.eventNames.length > 0 : s.eventSource.length > 0))), 'interest is empty');
  check(detector.stateSize() === 0, `a new detector has state ${detector.stateSize()}`);
  const stray: Finding[] = [];
  try {
    detector.onWatermark(Date.UTC(2024, 0, 1), (f) => stray.push(f));
    detector.flush((f) => stray.push(f));
  } catch (error) {
    problems.push(`watermark or flush with no events throws: ${(error as Error).message}`);
  }
  check(stray.length === 0, 'emitted findings without any event');
  if (options.firing !== undefined) checkFiring(factory, defaults.data, options.firing, check);
  return problems;
}

function checkMeta(meta: DetectorMeta, type: string | undefined, check: (ok: boolean, problem: string) => void): void {
  if (type !== undefined) check(meta.id === type, `meta.id "${meta.id}" differs from the type "${type}"`);
  check(meta.title.trim().length > 0, 'meta.title is empty');
  check(SEMVER.test(meta.version), `meta.version "${meta.version}" is not a semantic version`);
  check(meta.description.trim().length > 0, 'meta.description is empty');
  check(SEVERITIES.has(meta.severity), `meta.severity "${meta.severity}" is unknown`);
  check(Number.isInteger(meta.riskScore) && meta.riskScore >= 0 && meta.riskScore <= 100, `meta.riskScore ${meta.riskScore} is not an integer in 0..100`);
  check(meta.attack.tactics.length + meta.attack.techniques.length > 0, 'meta.attack names no tactic or technique');
  check(meta.investigation.trim().length > 0, 'meta.investigation is empty');
  check(meta.falsePositives.length > 0, 'meta.falsePositives is empty');
}

function checkFiring(factory: DetectorFactory<unknown>, config: unknown, events: readonly TrailEvent[], check: (ok: boolean, problem: string) => void): void {
  const id = `${factory.type}/conformance`;
  try {
    const detector = factory.create(config, testContext(id));
    const first = runDetector(detector, events);
    const second = runDetector(factory.create(config, testContext(id)), events);
    check(first.findings.length > 0, 'the firing events produced no finding');
    if (isDetectorBundle(detector)) {
      const ids = new Set(detector.members.map((m) => m.id));
      check(first.findings.every((f) => ids.has(f.detector.id)), 'findings do not carry the id of the bundle member that made them');
    } else {
      check(first.findings.every((f) => f.detector.id === id), `findings do not carry the component id "${id}"`);
    }
    check(first.findings.every((f) => f.evidence.length > 0 && f.summary.length > 0), 'a finding has no evidence or no summary');
    check(first.findings.every((f) => !Number.isNaN(Date.parse(f.time)) && f.firstTime <= f.lastTime), 'a finding has unreadable or inverted times');
    check(JSON.stringify(first.ids) === JSON.stringify(second.ids), 'finding ids differ between two runs of the same events');
    check(first.stateSizeAfter === 0, `state is ${first.stateSizeAfter} after the watermark passed every event`);
    checkInterest(factory.create(config, testContext(id)), events, first.ids, check);
  } catch (error) {
    check(false, `running the firing events throws: ${(error as Error).message}`);
  }
}

function checkInterest(detector: Detector, events: readonly TrailEvent[], ids: readonly string[], check: (ok: boolean, problem: string) => void): void {
  const outside = outsideInterest(detector.interest, events);
  if (outside.length === 0) return;
  const mixed = runDetector(detector, [...events, ...outside]);
  const strays = mixed.findings.filter((f) => f.evidence.some((record) => outside.some((e) => e.raw === record)));
  check(
    strays.length === 0 && JSON.stringify([...mixed.ids].sort()) === JSON.stringify([...ids].sort()),
    `fires on events its interest excludes (${describe(outside, strays.length)}): routing and the prefilter would drop them; declare them in the step's \`select\``,
  );
}

function describe(outside: readonly TrailEvent[], strays: number): string {
  const sample = outside.slice(0, 2).map((e) => `${e.source} ${e.action}`).join(', ');
  return strays > 0 ? `${strays} finding(s) with evidence such as ${sample}` : `findings changed when given ${sample}`;
}

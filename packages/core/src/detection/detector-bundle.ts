import type { Detector, DetectorMeta, FindingEmitter } from '../component/detector.ts';
import type { Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { DetectorRouter } from '../runtime/detector-router.ts';
import { unionInterest } from './selection.ts';

/** One member of a {@link DetectorBundle}: a detector and the id its findings carry. */
export interface BundleMember {
  /** The id its findings, counters, suppression and exceptions are keyed by (`detector.id` in findings). */
  readonly id: string;
  readonly detector: Detector;
}

/**
 * Several detectors made from one config entry — a rule pack, a directory of
 * Sigma rules. The pipeline runs each member as a detector of its own: routed
 * by its own interest, its own suppression and exceptions (the entry's policy
 * applied to each member separately), its own finding counts. Used as a plain
 * {@link Detector} (by a test, say), the bundle forwards each event to the
 * members whose interest includes it.
 */
export interface DetectorBundle extends Detector {
  readonly members: readonly BundleMember[];
}

/** True for a {@link DetectorBundle}. */
export function isDetectorBundle(detector: Detector): detector is DetectorBundle {
  return Array.isArray((detector as Partial<DetectorBundle>).members);
}

/**
 * Bundles `members` under one factory's `meta` (its `id` is the factory's
 * type). Member ids must be distinct.
 *
 * @example
 * ```ts
 * create: (config, context) => detectorBundle(packMeta, rules.map((rule) => ({ id: rule.meta.id, detector: rule })))
 * ```
 */
export function detectorBundle(meta: DetectorMeta, members: readonly BundleMember[]): DetectorBundle {
  const seen = new Set<string>();
  for (const { id } of members) {
    if (seen.has(id)) throw new Error(`detector bundle ${meta.id}: two members are named "${id}"`);
    seen.add(id);
  }
  return new Bundle(meta, members);
}

class Bundle implements DetectorBundle {
  readonly meta: DetectorMeta;
  readonly members: readonly BundleMember[];
  readonly interest: Interest;
  readonly span: number;
  readonly #router: DetectorRouter;
  readonly #detectors: readonly Detector[];

  constructor(meta: DetectorMeta, members: readonly BundleMember[]) {
    // Wrapped whole with `evidence: compact`, the bundle keeps what any member reads.
    const evidenceFields = [...new Set([...(meta.evidenceFields ?? []), ...members.flatMap((m) => m.detector.meta.evidenceFields ?? [])])];
    this.meta = evidenceFields.length === 0 ? meta : { ...meta, evidenceFields };
    this.members = members;
    this.#detectors = members.map((m) => m.detector);
    this.interest = unionInterest(this.#detectors.map((d) => d.interest));
    this.span = Math.max(0, ...this.#detectors.map((d) => d.span));
    this.#router = new DetectorRouter(this.#detectors);
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    for (const detector of this.#router.route(event)) detector.onEvent(event, emit);
  }

  onWatermark(watermark: number, emit: FindingEmitter): void {
    for (const detector of this.#detectors) detector.onWatermark(watermark, emit);
  }

  flush(emit: FindingEmitter): void {
    for (const detector of this.#detectors) detector.flush(emit);
  }

  stateSize(): number {
    let size = 0;
    for (const detector of this.#detectors) size += detector.stateSize();
    return size;
  }
}

import { KeyedStateDetector, type KeyedStateOptions, type KeyState } from '../keyed-state-detector.ts';

/** One group of a sliding-window primitive: its kept events, oldest first, and when it re-arms after a firing. */
export interface WindowGroup extends KeyState {
  readonly length: number;
  /** Index of the first kept event at or after `from` whose time is `>= time` (or `max(from, length)`). */
  lowerBound(time: number, from?: number): number;
  /** Removes the first `count` kept events. */
  dropFirst(count: number): void;
  /** Time of the newest kept event, or `-Infinity` when empty. */
  lastTime(): number;
  /** Events before this time are absorbed by the group's last firing; unset (no boxed number) until it fires. */
  rearmAt: number | undefined;
}

/**
 * The re-arm and eviction steps that `threshold` and `distinctCount` share:
 * a firing at time `t` re-arms the group at `t + span` (its events up to the
 * anchor go, those before the re-arm time are absorbed), an event before the
 * re-arm time is absorbed on arrival, and the watermark drops events older
 * than one span and the group once nothing in it can matter.
 */
export abstract class WindowedGroupDetector<G extends WindowGroup> extends KeyedStateDetector<G> {
  protected constructor(options: KeyedStateOptions) {
    super(options);
  }

  /** True (and counted as absorbed) when an event at `time` falls into the group's re-arm period. */
  protected absorbs(group: G, time: number): boolean {
    if (group.rearmAt === undefined || time >= group.rearmAt) return false;
    this.countAbsorbed(1);
    return true;
  }

  /**
   * After a firing anchored on the event at `anchorIndex` (time `anchorTime`):
   * drops it and every earlier event, absorbs the later ones before the
   * re-arm time `anchorTime + span`, and sets that time.
   */
  protected rearm(group: G, anchorIndex: number, anchorTime: number): void {
    const rearmAt = anchorTime + this.span;
    const dropped = group.lowerBound(rearmAt, anchorIndex + 1);
    this.countAbsorbed(dropped - (anchorIndex + 1));
    this.addEntries(-dropped);
    group.dropFirst(dropped);
    group.rearmAt = rearmAt;
  }

  /** When the group next needs the watermark's attention: one span after its newest event, or its re-arm time. */
  protected expiryOf(group: G): number {
    return Math.max(group.lastTime() + this.span, group.rearmAt ?? Number.NEGATIVE_INFINITY);
  }

  protected expire(group: G, watermark: number): number | undefined {
    const expiry = this.expiryOf(group);
    if (expiry < watermark) {
      this.addEntries(-group.length);
      return undefined;
    }
    const old = group.lowerBound(watermark - this.span);
    this.addEntries(-old);
    group.dropFirst(old);
    return expiry;
  }
}

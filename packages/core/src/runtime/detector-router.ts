import type { Detector } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';

interface SourceRoute {
  readonly everyAction: Detector[];
  readonly byAction: Map<string, Detector[]>;
}

const NONE: readonly Detector[] = [];

/**
 * Routes each event only to the detectors whose interest can match it,
 * compiled once into lookups by event source and lower-cased event name, so
 * the hot path does one or two map reads per event instead of asking every
 * detector.
 */
export class DetectorRouter {
  readonly #everything: Detector[] = [];
  readonly #bySource = new Map<string, SourceRoute>();
  // Name-only selectors: by lower-cased event name, whatever the source.
  readonly #byName = new Map<string, Detector[]>();
  // Resolved routes by source, then by action as written: two map reads, no key string built per event.
  readonly #cache = new Map<string, Map<string, readonly Detector[]>>();
  #cached = 0;

  constructor(detectors: readonly Detector[]) {
    for (const detector of detectors) {
      if (detector.interest === 'all') {
        this.#everything.push(detector);
        continue;
      }
      for (const selector of detector.interest) {
        if (selector.eventSource === undefined) {
          for (const name of selector.eventNames) pushOnce(listOf(this.#byName, name.toLowerCase()), detector);
          continue;
        }
        let route = this.#bySource.get(selector.eventSource);
        if (!route) {
          route = { everyAction: [], byAction: new Map() };
          this.#bySource.set(selector.eventSource, route);
        }
        if (selector.eventNames === undefined) pushOnce(route.everyAction, detector);
        else for (const name of selector.eventNames) pushOnce(listOf(route.byAction, name.toLowerCase()), detector);
      }
    }
  }

  /** The detectors that must see `event`, each once. */
  route(event: TrailEvent): readonly Detector[] {
    let byAction = this.#cache.get(event.source);
    let detectors = byAction?.get(event.action);
    if (detectors === undefined) {
      detectors = this.#compute(event.source, event.action);
      // Distinct (source, action) pairs number in the low thousands across all of AWS.
      if (this.#cached < 50_000) {
        if (byAction === undefined) this.#cache.set(event.source, (byAction = new Map()));
        byAction.set(event.action, detectors);
        this.#cached++;
      }
    }
    return detectors;
  }

  #compute(source: string, action: string): readonly Detector[] {
    const route = this.#bySource.get(source);
    const lower = action.toLowerCase();
    const matched = new Set<Detector>(this.#everything);
    if (route) {
      for (const d of route.everyAction) matched.add(d);
      for (const d of route.byAction.get(lower) ?? NONE) matched.add(d);
    }
    for (const d of this.#byName.get(lower) ?? NONE) matched.add(d);
    return matched.size === 0 ? NONE : [...matched];
  }
}

function listOf(map: Map<string, Detector[]>, key: string): Detector[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function pushOnce(list: Detector[], detector: Detector): void {
  if (!list.includes(detector)) list.push(detector);
}

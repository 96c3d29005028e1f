import { maskMessage } from './mask-message.ts';

/** Labels of a counter, e.g. `{ source: 's3/prod' }`. */
export type CounterLabels = Readonly<Record<string, string>>;

/** One counter value in a snapshot. */
export interface CounterValue {
  readonly name: string;
  readonly labels: CounterLabels;
  readonly value: number;
}

/** The last error a component reported, masked and bounded (see {@link maskMessage}). */
export interface LastError {
  readonly message: string;
  /** Wall-clock time of the report, epoch ms. */
  readonly at: number;
}

/** Reports the values an observation reads, one call per label set. */
export type ObservationRecorder = (value: number, labels?: CounterLabels) => void;

/**
 * Reads values held elsewhere (a sink's accounting, a watermark, a queue's
 * depth) when they are collected; must be cheap and must not throw. Returns
 * `false` once what it reads is gone (a pipeline an embedder let go of, say):
 * it is then dropped, so a long-lived telemetry does not keep what it once
 * observed alive. Observe through a `WeakRef` for that.
 */
export type Observation = (record: ObservationRecorder) => void | false;

/**
 * Self-telemetry: monotonic counters (events read, rejected by reason,
 * findings per detector…) and observations of values components hold
 * (sink accounting, lags, queue depths), named after {@link METRICS}. The
 * run summary is built from the same counters and values the agent exports
 * as metrics, so the two cannot disagree.
 */
export interface Telemetry {
  add(name: string, value: number, labels?: CounterLabels): void;
  /** Registers `read`, called by {@link Telemetry.observed} for metric `name`. */
  observe(name: string, read: Observation): void;
  snapshot(): readonly CounterValue[];
  /**
   * The observations' current values. A label set observed twice under one
   * name (a sink shared by two pipelines) is one value: the last read.
   */
  observed(): readonly CounterValue[];
  /** Sum of a counter over the label sets that include `labels`. */
  total(name: string, labels?: CounterLabels): number;
  /** Remembers `error` as `component`'s last error (message only, masked, bounded). */
  noteError(component: string, error: unknown, at: number): void;
  /** The last error of each component that reported one (at most {@link MAX_ERROR_COMPONENTS}). */
  lastErrors(): ReadonlyMap<string, LastError>;
}

/** How many components' last errors a {@link CounterSet} keeps; ids past it are not remembered. */
export const MAX_ERROR_COMPONENTS = 256;

/** An in-memory {@link Telemetry}; one per pipeline service, never global. */
export class CounterSet implements Telemetry {
  readonly #counters = new Map<string, { name: string; labels: CounterLabels; value: number }>();
  #observations: { readonly name: string; readonly read: Observation }[] = [];
  readonly #lastErrors = new Map<string, LastError>();

  add(name: string, value: number, labels: CounterLabels = {}): void {
    const key = counterKey(name, labels);
    const counter = this.#counters.get(key);
    if (counter) counter.value += value;
    else this.#counters.set(key, { name, labels, value });
  }

  observe(name: string, read: Observation): void {
    this.#observations.push({ name, read });
  }

  snapshot(): readonly CounterValue[] {
    return [...this.#counters.values()].map((c) => ({ ...c }));
  }

  observed(): readonly CounterValue[] {
    const values = new Map<string, CounterValue>();
    const kept = this.#observations.filter(({ name, read }) => {
      const result = read((value, labels = {}) => {
        if (Number.isFinite(value)) values.set(counterKey(name, labels), { name, labels, value });
      });
      return result !== false;
    });
    if (kept.length < this.#observations.length) this.#observations = kept;
    return [...values.values()];
  }

  noteError(component: string, error: unknown, at: number): void {
    if (!this.#lastErrors.has(component) && this.#lastErrors.size >= MAX_ERROR_COMPONENTS) return;
    this.#lastErrors.set(component, { message: maskMessage(error instanceof Error ? error.message : String(error)), at });
  }

  lastErrors(): ReadonlyMap<string, LastError> {
    return this.#lastErrors;
  }

  total(name: string, labels: CounterLabels = {}): number {
    let sum = 0;
    for (const c of this.#counters.values()) {
      if (c.name !== name) continue;
      if (Object.entries(labels).every(([k, v]) => c.labels[k] === v)) sum += c.value;
    }
    return sum;
  }
}

function counterKey(name: string, labels: CounterLabels): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? name : `${name}{${keys.map((k) => `${k}=${labels[k]}`).join(',')}}`;
}

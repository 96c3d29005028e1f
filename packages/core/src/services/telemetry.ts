/** Labels of a counter, e.g. `{ source: 's3/prod' }`. */
export type CounterLabels = Readonly<Record<string, string>>;

/** One counter value in a snapshot. */
export interface CounterValue {
  readonly name: string;
  readonly labels: CounterLabels;
  readonly value: number;
}

/**
 * Self-telemetry: monotonic counters (events read, rejected by reason,
 * findings per detector, delivered per sink…). The run summary is built from
 * a snapshot.
 */
export interface Telemetry {
  add(name: string, value: number, labels?: CounterLabels): void;
  snapshot(): readonly CounterValue[];
  /** Sum of a counter over the label sets that include `labels`. */
  total(name: string, labels?: CounterLabels): number;
}

/** An in-memory {@link Telemetry}; one per pipeline service, never global. */
export class CounterSet implements Telemetry {
  readonly #counters = new Map<string, { name: string; labels: CounterLabels; value: number }>();

  add(name: string, value: number, labels: CounterLabels = {}): void {
    const key = counterKey(name, labels);
    const counter = this.#counters.get(key);
    if (counter) counter.value += value;
    else this.#counters.set(key, { name, labels, value });
  }

  snapshot(): readonly CounterValue[] {
    return [...this.#counters.values()].map((c) => ({ ...c }));
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

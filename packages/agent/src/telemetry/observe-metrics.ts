import type { Meter, ObservableCounter, ObservableGauge } from '@opentelemetry/api';
import { METRIC_DEFINITIONS, type CounterValue, type MetricDefinition, type Telemetry } from '@jackwatch/core';

type Instrument = ObservableCounter | ObservableGauge;

/**
 * Makes every metric of the catalog an OpenTelemetry observable instrument
 * that reads `telemetry` when a reader collects: the counters the run
 * summary is built from and the values components observe (sink
 * accounting, lags, queue depths). Nothing is counted twice or kept apart,
 * so the exported metrics and the summary cannot disagree. Only the labels
 * the catalog lists are exported (values are summed over the others, such
 * as a skipped file's path), which bounds the cardinality.
 */
export function observeMetrics(meter: Meter, telemetry: Telemetry): void {
  const instruments = new Map<string, { readonly definition: MetricDefinition; readonly instrument: Instrument }>();
  for (const definition of METRIC_DEFINITIONS) {
    const options = { unit: definition.unit, description: definition.description };
    const instrument = definition.kind === 'counter' ? meter.createObservableCounter(definition.name, options) : meter.createObservableGauge(definition.name, options);
    instruments.set(definition.name, { definition, instrument });
  }
  meter.addBatchObservableCallback(
    (result) => {
      for (const { instrument, labels, value } of project([...telemetry.snapshot(), ...telemetry.observed()], instruments)) result.observe(instrument, value, labels);
    },
    [...instruments.values()].map((entry) => entry.instrument),
  );
}

interface Projected {
  readonly definition: MetricDefinition;
  readonly instrument: Instrument;
  readonly labels: Record<string, string>;
  value: number;
}

/** Values of catalogued metrics, labels narrowed to the catalog's: counters summed, gauges the largest. */
function project(values: readonly CounterValue[], instruments: ReadonlyMap<string, { readonly definition: MetricDefinition; readonly instrument: Instrument }>): Iterable<Projected> {
  const projected = new Map<string, Projected>();
  for (const { name, labels, value } of values) {
    const entry = instruments.get(name);
    if (entry === undefined) continue;
    const kept: Record<string, string> = {};
    for (const label of entry.definition.labels) if (labels[label] !== undefined) kept[label] = labels[label];
    const key = `${name}\u0000${JSON.stringify(kept)}`;
    const existing = projected.get(key);
    if (existing === undefined) projected.set(key, { ...entry, labels: kept, value });
    else existing.value = entry.definition.kind === 'counter' ? existing.value + value : Math.max(existing.value, value);
  }
  return projected.values();
}

import { distinctCount, orUnknown, sequence, threshold, type Detector, type Selection, type Telemetry, type TrailEvent } from '@jackwatch/core';
import { toInterest, union } from '../detection/selection-set.ts';
import { ruleFacts } from '../finding/rule-facts.ts';
import { eventFacts } from '../finding/event-facts.ts';
import { ruleMeta } from '../finding/rule-meta.ts';
import type { LoadedCorrelation } from '../rules/load-rule-set.ts';
import { groupReaders, stepFinder, tupleReader } from './group-fields.ts';
import { windowCount } from './window-count.ts';

/**
 * A Sigma correlation rule on the core primitives, in event time:
 *
 * | type | condition | primitive |
 * |---|---|---|
 * | `event_count` | `gt`/`gte` only | `threshold` (sliding window, re-arm) |
 * | `value_count` | `gt`/`gte` only | `distinctCount` of the field |
 * | `temporal` | none, or `gt`/`gte` | `distinctCount` of which rule matched |
 * | `temporal_ordered` | none | `sequence`, one step per rule |
 * | the first three | an upper bound (`lt`, `lte`, `eq`, a range) | `windowCount`, decided when the watermark passes a fixed window |
 */
export function correlationDetector(correlation: LoadedCorrelation, telemetry?: Telemetry): Detector {
  const { spec, steps, header, memberId } = correlation;
  // With `evidence: compact`, the events a correlation holds keep the fields it groups and counts by.
  const counts = spec.type === 'value_count' ? spec.fields : [];
  const meta = { ...ruleMeta(memberId, header, correlation.origin), evidenceFields: [...new Set([...steps.flatMap((step) => step.groupFields), ...counts])] };
  const common = { meta, id: memberId, ...(telemetry === undefined ? {} : { telemetry }) };
  const select: Selection = toInterest(steps.map((step) => step.detection.selection).reduce(union));
  const tests = steps.map((step) => step.detection.test);
  const where = (event: TrailEvent): boolean => tests.some((test) => test(event.raw));
  const stepOf = stepFinder(steps);
  const groupBy = groupReaders(spec.groupBy, steps, stepOf);
  const rule = ruleFacts(correlation);
  const describeGroup = (group: Readonly<Record<string, string>>): string =>
    spec.groupBy.length === 0 ? '' : ` for ${spec.groupBy.map((name) => `${name} ${group[name]}`).join(', ')}`;
  const facts = { rule, type: spec.type, timespan: spec.timespanText, condition: spec.condition?.text ?? `all ${steps.length} rules`, rules: steps.map((s) => s.key) };

  if (spec.type === 'temporal_ordered') {
    const keyReaders = Object.values(groupBy);
    return sequence({
      ...common,
      maxSpan: spec.timespan,
      // A missing group field joins as `unknown`, as for the other types (and pySigma, which groups it as None).
      // Without group-by every event joins one key; the primitive ignores an empty one, hence the prefix.
      by: (event) => {
        let key = 'key:';
        for (const read of keyReaders) key += `${orUnknown(read(event))}\u0000`;
        return key;
      },
      steps: steps.map((step) => ({ name: step.key, select: toInterest(step.detection.selection), where: (event: TrailEvent) => step.detection.test(event.raw) })),
      finding: ({ events }) => {
        const group: Record<string, string> = {};
        for (const name of spec.groupBy) group[name] = orUnknown(groupBy[name]!(events[0]!));
        return {
          group,
          summary: `${header.title}: ${steps.map((s) => s.title).join(', then ')}${describeGroup(group)} within ${spec.timespanText}`,
          details: { ...facts, steps: events.map((event, i) => ({ rule: steps[i]!.key, ...eventFacts(event) })) },
        };
      },
    });
  }

  const counted = spec.type === 'value_count' ? tupleReader(spec.fields) : spec.type === 'temporal' ? (event: TrailEvent) => steps[stepOf(event)]?.key : undefined;
  const atLeast = spec.condition?.atLeast ?? steps.length;
  const atMost = spec.condition?.atMost;
  const what = spec.type === 'event_count' ? 'events' : spec.type === 'value_count' ? `distinct ${spec.fields.join('+')} values` : 'of its rules';

  if (atMost !== undefined) {
    return windowCount({
      ...common,
      select,
      where,
      groupBy,
      ...(counted === undefined ? {} : { value: counted }),
      window: spec.timespan,
      atLeast,
      atMost,
      finding: ({ group, count, values, start, end }) => ({
        summary: `${header.title}: ${count} ${what}${describeGroup(group)} between ${new Date(start).toISOString()} and ${new Date(end).toISOString()} (${spec.condition!.text})`,
        details: { ...facts, count, ...(counted === undefined ? {} : { values }), windowStart: new Date(start).toISOString(), windowEnd: new Date(end).toISOString() },
      }),
    });
  }

  if (counted === undefined) {
    return threshold({
      ...common,
      select,
      where,
      groupBy,
      window: spec.timespan,
      threshold: atLeast - 1,
      finding: ({ group, count }) => ({
        summary: `${header.title}: ${count} events${describeGroup(group)} within ${spec.timespanText} (${spec.condition!.text})`,
        details: { ...facts, count },
      }),
    });
  }

  return distinctCount({
    ...common,
    select,
    where,
    groupBy,
    distinct: counted,
    atLeast,
    window: spec.timespan,
    finding: ({ group, values }) => ({
      summary: `${header.title}: ${values.length} ${what}${describeGroup(group)} within ${spec.timespanText} (${values.join(', ')})`,
      details: { ...facts, count: values.length, values },
    }),
  });
}

import type { ComponentContext } from '../../component/component-context.ts';
import type { Processor } from '../../component/processor.ts';
import { conditionTest } from '../../detection/condition-test.ts';
import { recordField } from '../../detection/record-field.ts';
import type { TrailEvent } from '../../event/trail-event.ts';
import type { FilterConfig } from './config.ts';
import { METRICS } from '../../services/metric-catalog.ts';

type EventTest = (event: TrailEvent) => boolean;

/**
 * Keeps or drops events by conditions on their raw record, before any
 * detector sees them: an allowlist of known automation, a scope to some
 * accounts. Dropped events are counted (`jackwatch.processor.events.dropped`).
 */
export class FilterProcessor implements Processor {
  readonly #keep: EventTest | undefined;
  readonly #drop: EventTest | undefined;
  readonly #context: ComponentContext;

  constructor(config: FilterConfig, context: ComponentContext) {
    this.#keep = compile(config.keep);
    this.#drop = compile(config.drop);
    this.#context = context;
  }

  process(events: readonly TrailEvent[]): readonly TrailEvent[] {
    const kept = events.filter((e) => (this.#keep === undefined || this.#keep(e)) && !(this.#drop?.(e) ?? false));
    const dropped = events.length - kept.length;
    if (dropped > 0) this.#context.telemetry.add(METRICS.processorDropped.name, dropped, { processor: this.#context.id });
    return kept;
  }

  async shutdown(): Promise<void> {}
}

function compile(rules: FilterConfig['keep']): EventTest | undefined {
  if (rules.length === 0) return undefined;
  const compiled = rules.map((rule) =>
    rule.when.map((condition) => {
      const read = recordField(condition.field);
      const test = conditionTest(condition);
      return (event: TrailEvent): boolean => {
        const value = read(event.raw);
        return value !== undefined && test(value);
      };
    }),
  );
  return (event) => compiled.some((conditions) => conditions.every((holds) => holds(event)));
}

import type { DetectorFactory } from '../component/factory.ts';
import type { Source } from '../component/source.ts';
import type { Interest } from '../event/interest.ts';
import type { Finding } from '../finding/finding.ts';
import { createComponentContext } from '../runtime/create-component-context.ts';
import { unionInterest } from '../detection/selection.ts';
import { Pipeline } from '../runtime/pipeline.ts';
import { CollectingSink } from './collecting-sink.ts';

/**
 * Runs detectors (from their factories, default config) over a source in the
 * real pipeline runtime and returns the findings sorted by id — to check that
 * two sources fed the same records find the same things.
 *
 * @example
 * ```ts
 * const viaFile = await findingsFromSource((interest) => new FileSource(config, context(interest)), bedrockDetectors);
 * ```
 */
export async function findingsFromSource(makeSource: (interest: Interest) => Source, factories: readonly DetectorFactory<any>[]): Promise<Finding[]> {
  const detectors = factories.map((factory) => ({
    id: factory.type,
    component: factory.create(factory.configSchema.parse({}), createComponentContext(factory.type)),
  }));
  const sink = new CollectingSink();
  const source = makeSource(unionInterest(detectors.map((d) => d.component.interest)));
  const pipeline = new Pipeline({ sources: [{ id: 'source', component: source }], detectors, sinks: [{ id: 'collect', component: sink }] });
  try {
    await pipeline.start();
    await pipeline.run();
  } finally {
    await pipeline.shutdown();
  }
  return [...sink.findings].sort((a, b) => a.id.localeCompare(b.id));
}

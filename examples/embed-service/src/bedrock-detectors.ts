import { createComponentContext, type Detector, type Named, type Telemetry } from '@jackwatch/core';
import { bedrockDetectors } from '@jackwatch/detectors';

/**
 * A fresh set of the twelve Bedrock rules with their default options, built
 * through their factories exactly as the agent builds them from config.
 */
export function defaultDetectors(telemetry?: Telemetry): Named<Detector>[] {
  return bedrockDetectors.map((factory) => ({
    id: factory.type,
    component: factory.create(factory.configSchema.parse({}), createComponentContext(factory.type, { telemetry })),
  }));
}

import { z } from 'zod';
import type { AnyFactory } from '../../component/factory.ts';
import { ComponentRegistry } from '../../registry/component-registry.ts';
import { durationSchema } from '../duration.ts';
import { sizeSchema } from '../size.ts';

// Config tests only validate options; real components live in other packages.
const notCreatedHere = (): never => {
  throw new Error('config tests never create components');
};

/** Factories shaped like the real ones (strict zod schemas with defaults), for config tests. */
export const testFactories: readonly AnyFactory[] = [
  {
    kind: 'source', type: 'file', stability: 'beta', description: 'test file source', create: notCreatedHere,
    configSchema: z.strictObject({
      paths: z.array(z.string().min(1)).min(1),
      pollInterval: durationSchema.prefault('5s'),
      maxBatch: z.int().positive().default(1000),
    }),
  },
  {
    kind: 'source', type: 's3', stability: 'beta', description: 'test s3 source', create: notCreatedHere,
    configSchema: z.strictObject({
      bucket: z.string().min(1),
      prefix: z.string().default(''),
      region: z.string().default('us-east-1'),
      maxObjectSize: sizeSchema.prefault('64MiB'),
      accountId: z.string().optional(),
    }),
  },
  {
    kind: 'processor', type: 'allowlist', stability: 'alpha', description: 'test processor', create: notCreatedHere,
    configSchema: z.strictObject({ accessKeyIds: z.array(z.string()).default([]) }),
  },
  {
    kind: 'detector', type: 'aws-bedrock-enum-then-invoke-long-term-key', stability: 'beta', description: 'rule A', create: notCreatedHere,
    configSchema: z.strictObject({ maxSpan: durationSchema.prefault('15m') }),
  },
  {
    kind: 'detector', type: 'aws-bedrock-list-models-failures', stability: 'beta', description: 'rule C', create: notCreatedHere,
    configSchema: z.strictObject({
      window: durationSchema.prefault('1h'),
      threshold: z.int().positive().default(9),
      errorCodes: z.array(z.string()).min(1).default(['AccessDenied', 'AccessDeniedException']),
    }),
  },
  {
    kind: 'sink', type: 'stdout', stability: 'stable', description: 'test stdout', create: notCreatedHere,
    configSchema: z.strictObject({ format: z.enum(['json', 'pretty']).default('json') }),
  },
  {
    kind: 'sink', type: 'webhook', stability: 'beta', description: 'test webhook', create: notCreatedHere,
    configSchema: z.strictObject({
      url: z.url(),
      hmacSecret: z.string().min(16).optional(),
      timeout: durationSchema.prefault('10s'),
      tokenTtl: durationSchema.prefault('1h'),
      maxAttempts: z.int().positive().default(5),
      compress: z.boolean().default(false),
    }),
  },
];

/** A fresh registry holding {@link testFactories}. */
export function createTestRegistry(): ComponentRegistry {
  const registry = new ComponentRegistry();
  for (const factory of testFactories) registry.register(factory, '@jackwatch/config-tests');
  return registry;
}

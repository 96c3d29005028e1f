import { z } from 'zod';

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

const isFunction = (value: unknown): boolean => typeof value === 'function';
const isSchema = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function';

/**
 * The shape every registered factory must have (see `ComponentFactory`).
 * Not strict: a factory may carry more properties of its own.
 */
export const factoryShapeSchema = z.object({
  kind: z.enum(['source', 'processor', 'detector', 'sink'], { error: 'kind must be "source", "processor", "detector" or "sink"' }),
  type: z.string({ error: 'type must be a string' }).regex(TYPE_NAME, 'type must be lowercase letters, digits and "-", starting with a letter'),
  stability: z.enum(['development', 'alpha', 'beta', 'stable'], { error: 'stability must be "development", "alpha", "beta" or "stable"' }),
  description: z.string({ error: 'description must be a string' }).trim().min(1, 'description is empty'),
  configSchema: z.custom((value) => isSchema(value), 'configSchema must be a zod schema (an object with safeParse)'),
  create: z.custom((value) => isFunction(value), 'create must be a function'),
});

/**
 * The manifest a plugin exports (see `PluginManifest`). Strict, so a typo
 * such as `component:` is an error rather than a plugin with nothing in it.
 */
export const pluginManifestSchema = z.strictObject({
  name: z.string({ error: 'name must be a string' }).min(1, 'name is empty'),
  version: z.string({ error: 'version must be a string' }).regex(SEMVER, 'version must be a semantic version such as 1.2.3'),
  apiVersion: z.number({ error: 'apiVersion must be a number' }).int().positive(),
  description: z.string().optional(),
  components: z.array(factoryShapeSchema, { error: 'components must be a list of component factories' }).min(1, 'components is empty: a plugin registers at least one component'),
});

import { parseComponentId } from '../component/component-id.ts';
import type { ComponentKind } from '../component/component-kind.ts';
import { DETECTOR_POLICY_KEYS, detectorPolicySchema, type DetectorPolicy } from '../detection/policy-schema.ts';
import type { ComponentRegistry } from '../registry/component-registry.ts';
import type { ConfigPath } from './config-path.ts';
import { didYouMean } from './did-you-mean.ts';
import type { IssueCollector } from './issue-collector.ts';
import type { ResolvedComponent } from './jackwatch-config.ts';
import type { SecretIndex } from './secret-index.ts';
import { validateWithSchema } from './validate-with-schema.ts';

/** What resolving components needs besides the section itself. */
export interface ComponentResolution {
  readonly registry: ComponentRegistry;
  readonly issues: IssueCollector;
  readonly secrets: SecretIndex;
}

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Validates every component of one section (`sources`, …) with the schema of
 * the factory registered for its type, and returns the valid ones. For
 * detectors, `suppress` and `exceptions` are split off and validated with
 * `detectorPolicySchema`; the rest goes to the detector's own schema.
 */
export function resolveComponents(
  kind: ComponentKind,
  section: string,
  entries: Readonly<Record<string, unknown>>,
  { registry, issues, secrets }: ComponentResolution,
): Map<string, ResolvedComponent> {
  const resolved = new Map<string, ResolvedComponent>();
  for (const [id, options] of Object.entries(entries)) {
    const path: ConfigPath = [section, id];
    const { type, name } = parseComponentId(id);
    if (!TYPE_NAME.test(type) || name === '') {
      issues.error(path, `"${id}" is not a valid component id; write "type" or "type/name", the type in lowercase letters, digits and "-"`, 'key');
      continue;
    }
    const factory = registry.get(kind, type);
    if (factory === undefined) {
      issues.error(path, unknownTypeMessage(kind, type, registry.types(kind)), 'key');
      continue;
    }
    const { own, policy } = kind === 'detector' ? splitPolicy(options ?? {}) : { own: options ?? {}, policy: undefined };
    const owner = `the config schema of ${kind} type "${type}"`;
    const config = validateWithSchema(factory.configSchema, own, { path, issues, secrets, owner, extraRootKeys: kind === 'detector' ? DETECTOR_POLICY_KEYS : [] });
    const checkedPolicy = policy === undefined ? undefined : validateWithSchema(detectorPolicySchema, policy, { path, issues, secrets, owner: 'the detector policy schema' });
    if (!config.ok || checkedPolicy?.ok === false) continue;
    resolved.set(id, {
      id,
      kind,
      type,
      name,
      factory,
      config: config.value,
      policy: checkedPolicy?.ok ? (checkedPolicy.value as DetectorPolicy) : undefined,
    });
  }
  return resolved;
}

function splitPolicy(options: unknown): { own: unknown; policy: Record<string, unknown> | undefined } {
  // Not a mapping: leave it whole to the detector's schema, which says what it expects; the policy takes its defaults.
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return { own: options, policy: {} };
  const own: Record<string, unknown> = {};
  const policy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if ((DETECTOR_POLICY_KEYS as readonly string[]).includes(key)) policy[key] = value;
    else own[key] = value;
  }
  return { own, policy };
}

function unknownTypeMessage(kind: ComponentKind, type: string, known: readonly string[]): string {
  if (known.length === 0) return `unknown ${kind} type "${type}": no ${kind} types are registered (is the plugin that provides it listed in "plugins"?)`;
  const hint = didYouMean(type, known);
  return `unknown ${kind} type "${type}"${hint}${hint.startsWith('; did you mean') ? '' : ' (or add the plugin that provides it to "plugins")'}`;
}

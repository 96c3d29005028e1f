import { parseComponentId } from '@jackwatch/core';

/**
 * The `/name` part of a component id (`aws-bedrock/prod` → `/prod`), or `''`
 * for an unnamed one: what the rule ids of a pack, and the ids a finding
 * links to, are suffixed with.
 */
export function nameSuffix(componentId: string): string {
  const { name } = parseComponentId(componentId);
  return name === undefined ? '' : `/${name}`;
}

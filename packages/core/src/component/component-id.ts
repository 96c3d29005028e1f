/** A parsed component id: `type` or `type/name`. */
export interface ComponentId {
  readonly type: string;
  readonly name: string | undefined;
}

/** Splits `webhook/slack` into `{ type: 'webhook', name: 'slack' }`. */
export function parseComponentId(id: string): ComponentId {
  const slash = id.indexOf('/');
  return slash < 0 ? { type: id, name: undefined } : { type: id.slice(0, slash), name: id.slice(slash + 1) };
}

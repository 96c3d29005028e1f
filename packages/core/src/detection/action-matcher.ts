/**
 * A case-insensitive test of `eventName` against a list (EQL's `:`, Splunk's
 * `field=value`). The exact spelling is checked first, so the usual case
 * costs one set lookup and no allocation.
 *
 * @example
 * ```ts
 * const isInvocation = actionMatcher(['InvokeModel', 'Converse']);
 * isInvocation('invokemodel'); // true
 * ```
 */
export function actionMatcher(names: readonly string[]): (action: string) => boolean {
  const exact = new Set(names);
  const lower = new Set(names.map((name) => name.toLowerCase()));
  return (action) => exact.has(action) || lower.has(action.toLowerCase());
}

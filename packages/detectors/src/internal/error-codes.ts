/**
 * A case-insensitive test of `errorCode` against a list: the exact spelling
 * first, so the usual case costs one set lookup. A call without an error
 * code never matches.
 *
 * @example `errorCodeIn(['ValidationException'])('validationexception') // true`
 */
export function errorCodeIn(codes: readonly string[]): (code: string | undefined) => boolean {
  const exact = new Set(codes);
  const lower = new Set(codes.map((code) => code.toLowerCase()));
  return (code) => code !== undefined && (exact.has(code) || lower.has(code.toLowerCase()));
}

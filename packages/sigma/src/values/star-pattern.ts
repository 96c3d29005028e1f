/**
 * True when `value` matches `pattern`, where `*` stands for any run of
 * characters and everything else is literal — how condition patterns
 * (`1 of selection_*`) and rule filters (`tag: attack.t1078*`) match.
 * Case-sensitive; lower-case both sides for a case-insensitive test.
 */
export function starMatch(pattern: string, value: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === value;
  const head = pieces[0]!;
  const tail = pieces[pieces.length - 1]!;
  if (!value.startsWith(head) || !value.endsWith(tail)) return false;
  let from = head.length;
  const end = value.length - tail.length;
  if (end < from) return false;
  for (const piece of pieces.slice(1, -1)) {
    const at = value.indexOf(piece, from);
    if (at < 0 || at + piece.length > end) return false;
    from = at + piece.length;
  }
  return true;
}

/** True when `text` contains one of `needles` (or there are none to test). */
export function mayMatch(text: string, needles: readonly string[] | undefined): boolean {
  if (needles === undefined) return true;
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}


import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word` by edit distance (case-insensitive), or
 * `undefined` when none is close enough to be a plausible typo: 1 edit for
 * words of up to 3 letters, 2 up to 8 (a transposition is 2), then one per 5
 * letters. A candidate that contains the word, or is contained in it, also
 * counts (`logs` for `log`).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = lower.length <= 3 ? 1 : lower.length <= 8 ? 2 : Math.min(6, Math.ceil(lower.length / 5));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const candidateLower = candidate.toLowerCase();
    let d = distance(lower, candidateLower);
    if (d > limit && lower.length >= 3 && (candidateLower.includes(lower) || lower.includes(candidateLower))) d = limit;
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A suffix for an error message: `; did you mean "bucket"?` when a close
 * candidate exists, otherwise the known candidates when they are few
 * (`; expected one of "a", "b"`), otherwise an empty string.
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  if (match !== undefined) return `; did you mean "${match}"?`;
  const others = candidates.filter((candidate) => candidate !== word);
  if (others.length > 0 && others.length <= 8) return `; expected one of ${others.map((c) => `"${c}"`).join(', ')}`;
  return '';
}

import type { Manifest } from '../generate/dataset.ts';
import { megabytes, table, thousands } from './format.ts';
import { median } from './median.ts';
import type { RoundResults } from './round-results.ts';
import type { Ratio, Row } from './rows.ts';
import { MIN_WITHIN, verdict, type Spread } from './spread.ts';

const percent = (spread: Spread): string => `${(100 * spread.relative).toFixed(0)}%`;
const range = (spread: Spread, digits = 0): string =>
  digits === 0 ? `${thousands(spread.min)}–${thousands(spread.max)}` : `${spread.min.toFixed(digits)}–${spread.max.toFixed(digits)}`;

/**
 * The rows of one table: median records/s with the range and spread over the
 * rounds, JSON MB/s, median peak RSS and the median of the per-round ratios
 * to the floor (row `a`).
 */
export function rowsTable(rows: readonly Row[], results: RoundResults, manifest: Manifest): string {
  const bytesPerRecord = manifest.rawBytes / manifest.records;
  return table(['row', 'records/s (median)', 'min–max', 'spread', 'MB/s (JSON)', 'peak RSS', '× floor'], ['l', 'r', 'r', 'r', 'r', 'r', 'r'], rows.flatMap((row) => {
    const rate = results.rate(row.key);
    if (rate === undefined) return [[row.label, 'failed', '', '', '', '', '']];
    const floor = results.ratio({ label: '', of: row.key, to: 'a' });
    const rss = median(results.runs(row.key).map((m) => m.maxRssKb * 1024));
    return [[row.label, thousands(rate.median), range(rate), percent(rate), thousands((rate.median * bytesPerRecord) / 1e6), `${megabytes(rss)} MB`, floor === undefined ? '' : floor.median.toFixed(2)]];
  }));
}

/** Each ratio's median, min, max and spread over the rounds, its target and whether it is met by the bench's rule. */
export function ratiosTable(ratios: readonly Ratio[], results: RoundResults): string {
  const lines = ratios.flatMap((ratio) => {
    const spread = results.ratio(ratio);
    if (spread === undefined) return [];
    const judged = ratio.target === undefined ? '' : verdict(spread, ratio.target);
    const why = judged === 'unstable' ? ` (min ${((100 * (spread.median - spread.min)) / spread.median).toFixed(0)}% below the median)` : '';
    return [[ratio.label, String(spread.rounds), spread.median.toFixed(2), spread.min.toFixed(2), range(spread, 2), percent(spread), ratio.target === undefined ? '—' : `≥ ${ratio.target}`, `${judged}${why}`]];
  });
  return [
    table(['ratio (paired within each round)', 'rounds', 'median', 'min', 'min–max', 'spread', 'target', ''], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], lines),
    '',
    `A target is met only when the median holds it and the worst round is within ${100 * MIN_WITHIN}% of the median; ` +
      '"unstable" means the median holds and a round fell further. Spread is (max − min) / median.',
  ].join('\n');
}

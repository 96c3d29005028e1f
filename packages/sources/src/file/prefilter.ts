import type { Interest } from '@jackwatch/core';

/**
 * The strings a record must contain to possibly match `interest`: the event
 * sources the detectors downstream select. `undefined` when every record must
 * be decoded (`'all'`, or prefiltering switched off).
 *
 * Testing the raw text for these before `JSON.parse` is exact (no record that
 * could match is skipped) and skips most of the parsing on real trails, where
 * Bedrock is a small share of the calls.
 */
export function prefilterNeedles(interest: Interest, enabled: boolean): readonly string[] | undefined {
  if (!enabled || interest === 'all') return undefined;
  return [...new Set(interest.map((selector) => selector.eventSource))];
}

/** True when `text` contains one of `needles` (or there are none to test). */
export function mayMatch(text: string, needles: readonly string[] | undefined): boolean {
  if (needles === undefined) return true;
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Parses a duration such as `500ms`, `15m`, `1h` or `7d` into milliseconds.
 * A bare number is taken as milliseconds. Returns `undefined` when invalid.
 */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

/** Formats milliseconds as the largest exact unit: `900000` → `15m`. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * A zod schema for durations in config: accepts `15m`-style strings or a
 * number of milliseconds, outputs milliseconds.
 *
 * @example `window: durationSchema.prefault('1h')` (prefault, not default: the default must go through the transform)
 */
export const durationSchema = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d` });
      return z.NEVER;
    }
    return ms;
  });

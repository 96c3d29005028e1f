import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const BARE_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

/**
 * Parses a duration such as `500ms`, `15m`, `1h` or `7d` into milliseconds.
 * The unit is required (`0s`, not `0`). Returns `undefined` when invalid.
 */
export function parseDuration(text: string): number | undefined {
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

// A bare number would silently mean milliseconds to some and seconds or minutes to others: say so.
function missingUnitMessage(value: number | string): string {
  const number = String(value).trim();
  if (Number(number) === 0) return `a duration needs a unit: write 0s, not ${number}`;
  return `${number} has no unit; write it with one, like ${number}s, ${number}m or ${number}h (ms and d work too)`;
}

/**
 * A zod schema for durations in config: a string with a unit — `500ms`,
 * `30s`, `15m`, `1h`, `7d`; `0s` for none — output as milliseconds. A bare
 * number (`maxSpan: 15`) is refused with a message asking for the unit.
 *
 * @example `window: durationSchema.prefault('1h')` (prefault, not default: the default must go through the transform)
 */
export const durationSchema = z
  .string({ error: (issue) => (typeof issue.input === 'number' ? missingUnitMessage(issue.input) : undefined) })
  .transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      const message = BARE_NUMBER.test(value.trim())
        ? missingUnitMessage(value)
        : `"${value}" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d`;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return ms;
  });

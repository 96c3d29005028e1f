import { z } from 'zod';

const UNIT_BYTES = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)$/;
const BARE_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

/** Parses a size such as `64MiB`, `512KB` or `100B` into bytes; the unit is required. */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_BYTES[match[2] as keyof typeof UNIT_BYTES]);
}

// As with durations: `maxRecordSize: 16` meant as megabytes must not become 16 bytes.
function missingUnitMessage(value: number | string): string {
  const number = String(value).trim();
  return `${number} has no unit; write it with one, like ${number}B, ${number}KiB or ${number}MiB (KB, MB, GB and GiB work too)`;
}

/**
 * A zod schema for sizes in config: a string with a unit — `100B`,
 * `512KiB`, `64MiB`, `1GB` — output as bytes. A bare number is refused
 * with a message asking for the unit (`B` for bytes).
 */
export const sizeSchema = z
  .string({ error: (issue) => (typeof issue.input === 'number' ? missingUnitMessage(issue.input) : undefined) })
  .transform((value, ctx) => {
    const bytes = parseSize(value);
    if (bytes === undefined) {
      const message = BARE_NUMBER.test(value.trim()) ? missingUnitMessage(value) : `"${value}" is not a size; write it like 512KiB, 64MiB or 1GB`;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return bytes;
  });

import { z } from 'zod';

const UNIT_BYTES = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)$/;

/** Parses a size such as `64MiB` or `512KB` into bytes; a bare number is bytes. */
export function parseSize(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isInteger(text) && text >= 0 ? text : undefined;
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_BYTES[match[2] as keyof typeof UNIT_BYTES]);
}

/** A zod schema for sizes in config: `64MiB`-style strings or bytes; outputs bytes. */
export const sizeSchema = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const bytes = parseSize(value);
    if (bytes === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a size; write it like 512KiB, 64MiB or 1GB` });
      return z.NEVER;
    }
    return bytes;
  });

import { describe, expect, it } from 'vitest';
import { parseSize, sizeSchema } from './size.ts';

const message = (input: unknown) => sizeSchema.safeParse(input).error?.issues[0]?.message;

describe('sizeSchema', () => {
  it('reads binary and decimal units, bytes included, into bytes', () => {
    expect(['100B', '0B', '512KiB', '64MiB', '1GiB', '1KB', '2 MB', '1.5KiB'].map((text) => sizeSchema.parse(text))).toEqual([
      100, 0, 524_288, 67_108_864, 1_073_741_824, 1000, 2_000_000, 1536,
    ]);
  });

  it('refuses a bare number, asking for a unit (B for bytes)', () => {
    expect(message(64)).toBe('64 has no unit; write it with one, like 64B, 64KiB or 64MiB (KB, MB, GB and GiB work too)');
    expect(message('16')).toBe('16 has no unit; write it with one, like 16B, 16KiB or 16MiB (KB, MB, GB and GiB work too)');
    expect(parseSize('16')).toBeUndefined();
  });

  it('refuses other text', () => {
    expect(message('lots')).toBe('"lots" is not a size; write it like 512KiB, 64MiB or 1GB');
  });
});

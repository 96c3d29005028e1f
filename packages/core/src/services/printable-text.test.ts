import { describe, expect, it } from 'vitest';
import { printable } from './printable-text.ts';

describe('printable', () => {
  it('writes line breaks, terminal escapes, other controls and bidi overrides as escapes, and leaves the rest alone', () => {
    expect(printable('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(printable('\u001b[31mred\u0000\u007f\u0085')).toBe('\\u001b[31mred\\u0000\\u007f\\u0085');
    expect(printable('x\u2028y\u202ez\u2066')).toBe('x\\u2028y\\u202ez\\u2066');
    expect(printable('quotes "kept", unicode é 日本 🙂 kept')).toBe('quotes "kept", unicode é 日本 🙂 kept');
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { printable } from './printable-text.ts';
import { StderrLogger } from './stderr-logger.ts';

describe('printable', () => {
  it('writes line breaks, terminal escapes, other controls and bidi overrides as escapes, and leaves the rest alone', () => {
    expect(printable('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(printable('\u001b[31mred\u0000\u007f\u0085')).toBe('\\u001b[31mred\\u0000\\u007f\\u0085');
    expect(printable('x\u2028y\u202ez\u2066')).toBe('x\\u2028y\\u202ez\\u2066');
    expect(printable('quotes "kept", unicode é 日本 🙂 kept')).toBe('quotes "kept", unicode é 日本 🙂 kept');
  });
});

describe('StderrLogger, text format', () => {
  it('keeps each message and its fields on one line, whatever the input they quote', () => {
    const out = new PassThrough();
    let written = '';
    out.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
    const logger = new StderrLogger('info', 'text', out).child({ component: 'file' });
    logger.warn('rejected input: bedrock.amazonaws.com\njackwatch error: FORGED \u001b[31m', { origin: '/logs/a\nb.json#0', count: 2 });
    expect(written).toBe('jackwatch warn: rejected input: bedrock.amazonaws.com\\njackwatch error: FORGED \\u001b[31m  (component=file origin=/logs/a\\nb.json#0 count=2)\n');
  });
});

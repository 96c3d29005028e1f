import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StderrLogger } from './stderr-logger.ts';

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

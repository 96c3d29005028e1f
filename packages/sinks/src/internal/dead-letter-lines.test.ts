import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleAFinding } from '../testing/finding-fixture.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { DeadLetterFile } from './dead-letter-file.ts';
import { parseDeadLetterLine, readGrowingLines } from './dead-letter-lines.ts';

describe('dead-letter lines', () => {
  it('round-trips a finding through DeadLetterFile and parseDeadLetterLine', async () => {
    const tmp = await makeTempDir();
    try {
      const file = new DeadLetterFile(join(tmp.dir, 'nested/dir/dl.jsonl'));
      await file.prepare();
      const finding = ruleAFinding();
      await file.append('webhook/x', [finding], 'HTTP 500', 3, Date.parse('2026-03-14T03:00:00Z'));
      const lines: string[] = [];
      for await (const line of readGrowingLines(file.path)) lines.push(line);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toMatchObject({ deadLetteredAt: '2026-03-14T03:00:00.000Z', sink: 'webhook/x', attempts: 3 });
      expect(parseDeadLetterLine(lines[0] as string)).toEqual(JSON.parse(JSON.stringify(finding)));
    } finally {
      await tmp.remove();
    }
  });

  it('rejects lines that are not dead-letter entries', () => {
    expect(parseDeadLetterLine('{"finding":')).toBeUndefined();
    expect(parseDeadLetterLine('null')).toBeUndefined();
    expect(parseDeadLetterLine('{"finding":{"id":"x","summary":"s","detector":{}}}')).toBeUndefined();
  });

  it('reads lines appended while reading', async () => {
    const tmp = await makeTempDir();
    try {
      const path = join(tmp.dir, 'grow.jsonl');
      await writeFile(path, 'a\n\nb\n');
      const seen: string[] = [];
      for await (const line of readGrowingLines(path)) {
        seen.push(line);
        if (line === 'b') await appendFile(path, 'c\n');
      }
      expect(seen).toEqual(['a', 'b', 'c']);
    } finally {
      await tmp.remove();
    }
  });
});

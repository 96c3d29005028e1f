import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { deliveryDocument, put, startedSource, tempDir, testSetup, nextEvents } from './testdata/harness.ts';


describe('file source, follow: a file caught while it is still being copied into the tree', () => {
  for (const [name, whole] of [
    ['a.json.gz', gzipSync(deliveryDocument(0, 3, 'copied'))],
    ['a.json', Buffer.from(deliveryDocument(0, 3, 'copied'))],
  ] as const) {
    it(`reports ${name} cut short, and reads it whole once the copy has finished`, async () => {
      const dir = await tempDir();
      const path = await put(dir, name, whole.subarray(0, Math.floor(whole.length / 2)));
      const setup = testSetup(dir);
      const source = await startedSource({ paths: ['.'], follow: true, pollInterval: '20ms' }, setup);
      const abort = new AbortController();
      const batches = source.read(abort.signal)[Symbol.asyncIterator]();

      // The complete records before the cut may come first; the last read is the whole file.
      const seen: string[] = [];
      const completed = (async () => {
        while (!seen.includes('copied-2')) seen.push(...(await nextEvents(batches)).events.map((e) => e.eventId));
      })();
      await vi.waitFor(() => expect(setup.errors.rejections.map((r) => r.origin.location)).toEqual([path]));
      await writeFile(path, whole); // the copy finishes (in place, as cp and sync tools write)
      await completed;
      expect(seen.slice(-3)).toEqual(['copied-0', 'copied-1', 'copied-2']);
      expect(setup.errors.rejections).toHaveLength(1);
      abort.abort();
      await expect(batches.next()).resolves.toMatchObject({ done: true });
      await source.shutdown();
    });
  }
});

import { MemoryCheckpointStore } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { deliveryDocument, drain, eventsOf, ndjson, put, range, startedSource, tempDir, testSetup, trailRecord } from './testdata/harness.ts';

const bedrock = (n: number): Record<string, unknown> => trailRecord(n, { eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel' }, 'br');
const interest = [{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }];

// Files of every kind: small and large delivery files, appendable and gzipped NDJSON, a broken file.
async function mixedTree(): Promise<string> {
  const dir = await tempDir();
  for (let f = 0; f < 12; f++) {
    await put(dir, `d/${String(f).padStart(2, '0')}.json.gz`, JSON.stringify({ Records: range(f * 10, f * 10 + 10).map((n) => (n % 4 === 0 ? bedrock(n) : trailRecord(n))) }));
  }
  await put(dir, 'e-large.json', deliveryDocument(0, 400, 'large'));
  await put(dir, 'f-lines.ndjson', ndjson(0, 5, 'ln'));
  await put(dir, 'g-lines.ndjson.gz', ndjson(0, 5, 'gz'));
  await put(dir, 'h-broken.json.gz', '{"Records":[{"eventSource":"bedrock.amazonaws.com","eventName":');
  return dir;
}

describe('file source: decode workers', () => {
  for (const prefilter of [false, true]) {
    it(`yields what the main thread yields, in the same order, with the same checkpoints (prefilter ${prefilter ? 'on' : 'off'})`, async () => {
      const dir = await mixedTree();
      const run = async (workers: number) => {
        const checkpoints = new MemoryCheckpointStore();
        const setup = testSetup(dir, { interest, checkpoints });
        const source = await startedSource({ paths: ['.'], prefilter, workers, maxWholeFileSize: '32KiB' }, setup);
        const batches = await drain(source);
        await source.shutdown();
        const ids = eventsOf(batches).map((e) => `${e.eventId}@${String(e.origin.index)}`);
        const checkpoint = (await checkpoints.scope('file').get('files')) as Record<string, { done: boolean }>;
        const done = Object.entries(checkpoint).map(([path, position]) => `${path.slice(dir.length)}:${position.done}`).sort();
        return { ids, rejections: setup.errors.rejections.map((r) => `${r.reason}:${r.origin.location.slice(dir.length)}`), checkpoint, done };
      };
      const main = await run(0);
      const pooled = await run(2);
      const matching = (id: string): boolean => id.startsWith('br-');
      expect(pooled).toEqual(main);
      // Whole files send the events the detectors can match, plus, without the prefilter, each file's newest other event.
      const others = main.ids.filter((id) => !matching(id) && !id.startsWith('large-') && !id.startsWith('ln-') && !id.startsWith('gz-'));
      expect(others).toEqual(prefilter ? [] : range(0, 12).map((f) => `evt-${f * 10 + 9}@9`));
      expect(main.rejections).toContain('truncated:/h-broken.json.gz');
    });
  }

  it('with interest "all" sends every event, and a restart skips what was acked', async () => {
    const dir = await mixedTree();
    const checkpoints = new MemoryCheckpointStore();
    const first = testSetup(dir, { checkpoints });
    const source = await startedSource({ paths: ['.'], workers: 1 }, first);
    expect(eventsOf(await drain(source))).toHaveLength(120 + 400 + 5 + 5);
    await source.shutdown();
    const again = testSetup(dir, { checkpoints });
    expect(eventsOf(await drain(await startedSource({ paths: ['.'], workers: 1 }, again)))).toEqual([]);
  });

  it('gives a delivery file that the prefilter emptied the progress its name tells, so the watermark can move', async () => {
    const dir = await tempDir();
    const name = (stamp: string): string => `AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/17/111122223333_CloudTrail_us-east-1_${stamp}_abcd.json.gz`;
    await put(dir, name('20241017T2005Z'), deliveryDocument(0, 3, 's3'));
    await put(dir, name('20241017T2010Z'), JSON.stringify({ Records: [trailRecord(3), bedrock(4)] }));
    for (const workers of [0, 1]) {
      const source = await startedSource({ paths: ['.'], workers }, testSetup(dir, { interest }));
      const batches = await drain(source);
      await source.shutdown();
      expect(batches.map((b) => [b.events.map((e) => e.eventId), b.progress])).toEqual([
        [[], { account: '111122223333', region: 'us-east-1', time: Date.UTC(2024, 9, 17, 20, 5) }],
        [['br-4'], { account: '111122223333', region: 'us-east-1', time: Date.UTC(2024, 9, 17, 20, 10) }],
      ]);
      const unfiltered = await startedSource({ paths: ['.'], workers, prefilter: false }, testSetup(dir, { interest }));
      expect((await drain(unfiltered)).every((b) => b.progress === undefined)).toBe(true);
      await unfiltered.shutdown();
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordsSplitter, type SplitElement, type SplitEnd } from './records-splitter.ts';

interface Split extends SplitEnd {
  readonly elements: SplitElement[];
  /** The most characters the splitter held after any push. */
  readonly peakBuffered: number;
}

function split(chunks: Iterable<string>, max = Number.POSITIVE_INFINITY): Split {
  const splitter = new RecordsSplitter(max);
  const elements: SplitElement[] = [];
  let peakBuffered = 0;
  for (const chunk of chunks) {
    splitter.push(chunk, elements);
    peakBuffered = Math.max(peakBuffered, splitter.buffered);
  }
  return { elements, peakBuffered, ...splitter.end() };
}

function cutAt(text: string, points: readonly number[]): string[] {
  const cuts = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(text.slice(from, cut));
    from = cut;
  }
  chunks.push(text.slice(from));
  return chunks;
}

// `text` in pieces of `size` characters, lazily: a 50 MB document is never built whole.
function* pieces(parts: readonly (string | { repeat: string; times: number })[], size: number): Generator<string> {
  let pending = '';
  for (const part of parts) {
    if (typeof part === 'string') pending += part;
    else for (let i = 0; i < part.times; i++) {
      pending += part.repeat;
      while (pending.length >= size) {
        yield pending.slice(0, size);
        pending = pending.slice(size);
      }
    }
    while (pending.length >= size) {
      yield pending.slice(0, size);
      pending = pending.slice(size);
    }
  }
  if (pending !== '') yield pending;
}

const oversized = (bytes: number): SplitElement => ({ oversizedBytes: bytes });

describe('RecordsSplitter', () => {
  it('splits a delivery document into the text of each record', () => {
    const { elements, complete } = split(['{"Records": [{"a":1}, {"b":{"c":[1,2]}} ,{"d":"}]\\"{"}]}']);
    expect(elements).toEqual(['{"a":1}', '{"b":{"c":[1,2]}}', '{"d":"}]\\"{"}']);
    expect(complete).toBe(true);
  });

  it('splits a top-level array, including elements that are not objects', () => {
    expect(split(['[1, "x\\\\", null, [2], {"e":true}]']).elements).toEqual(['1', '"x\\\\"', 'null', '[2]', '{"e":true}']);
  });

  it('ignores keys after Records and whitespace in the opening', () => {
    expect(split(['\uFEFF \n{ "Records" :\n [ {"a":1} ], "other": [{"not":"a record"}]}']).elements).toEqual(['{"a":1}']);
  });

  it('yields the same elements however the text is chunked (property)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }));
    const record = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(value, fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 3 })), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (records, points, pretty) => {
        const text = JSON.stringify({ Records: records }, null, pretty ? 2 : undefined);
        const { elements, complete } = split(cutAt(text, points));
        expect(complete).toBe(true);
        expect(elements.map((e) => JSON.parse(e as string) as unknown)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the complete records before a cut and says the document is incomplete', () => {
    const text = JSON.stringify({ Records: [{ a: 1 }, { b: 'two' }, { c: 3 }] });
    const cut = text.indexOf('{"c"') + 3;
    const { elements, complete, droppedChars, droppedOversized } = split([text.slice(0, cut)]);
    expect(elements).toEqual(['{"a":1}', '{"b":"two"}']);
    expect(complete).toBe(false);
    expect(droppedChars).toBe(3);
    expect(droppedOversized).toBe(false);
  });

  it('rejects a document that is not a records document', () => {
    expect(() => split([`{"eventVersion":"1.09",${' '.repeat(300)}"x":1}`])).toThrow(SyntaxError);
  });

  it('holds none of the white space before the document, however much there is', () => {
    const result = split(pieces([{ repeat: ' \n\t', times: 100_000 }, '[{"a":1}]'], 1000));
    expect(result.elements).toEqual(['{"a":1}']);
    expect(result.peakBuffered).toBeLessThanOrEqual(1000);
  });
});

describe('RecordsSplitter: a record beyond the limit', () => {
  it('skips just that record, says how large it was, and yields the records after it', () => {
    const big = `{"big":"${'x'.repeat(200)}"}`;
    const result = split(cutAt(`{"Records":[{"small":1},${big},{"after":2}]}`, [30, 90, 150, 215]), 100);
    expect(result.elements).toEqual(['{"small":1}', oversized(big.length), '{"after":2}']);
    expect(result.complete).toBe(true);
    expect(result.peakBuffered).toBeLessThanOrEqual(101);
  });

  it('counts the limit and the size in UTF-8 bytes', () => {
    const wide = `{"s":"${'é'.repeat(60)}"}`; // 69 characters, 129 bytes
    const narrow = `{"s":"${'e'.repeat(60)}"}`;
    expect(split([`[${wide},${narrow}]`], 100).elements).toEqual([oversized(Buffer.byteLength(wide)), narrow]);
    // Split between the halves of surrogate pairs while skipping: each pair still counts 4 bytes.
    const emoji = `"${'😀'.repeat(100)}"`;
    expect(split(cutAt(`[${emoji},1]`, [11, 40, 41, 77, 150]), 50).elements).toEqual([oversized(Buffer.byteLength(emoji)), '1']);
  });

  it('is not fooled by quotes, brackets and backslashes inside the skipped record, wherever the chunks end', () => {
    const tricky = JSON.stringify({ a: 'say \\"}]"\\\\', b: [[{ c: '[[[{{{' }], 'x'.repeat(120)], d: '\\\\\\"' });
    const text = `[${tricky},{"next":true},"\\\\",[]]`;
    for (let size = 1; size <= 9; size++) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      expect(split(chunks, 64).elements).toEqual([oversized(Buffer.byteLength(tricky)), '{"next":true}', '"\\\\"', '[]']);
    }
  });

  it('skips oversized strings, numbers and arrays as well as objects, several in a row', () => {
    const string = `"${'s'.repeat(80)}"`;
    const number = '7'.repeat(80);
    const array = `[${'1,'.repeat(40)}1]`;
    const object = `{"o":"${'o'.repeat(80)}"}`;
    const result = split(cutAt(`[${string},${number} , ${array},${object}]`, [5, 50, 100, 170, 250]), 64);
    expect(result.elements).toEqual([oversized(82), oversized(80), oversized(83), oversized(88)]);
    expect(result.complete).toBe(true);
  });

  it('skips an oversized last record and still finds the end of the array', () => {
    const big = JSON.stringify({ detail: 'y'.repeat(500) });
    const result = split(pieces(['{"Records":[{"a":1},', big, ']}'], 7), 100);
    expect(result.elements).toEqual(['{"a":1}', oversized(big.length)]);
    expect(result.complete).toBe(true);
  });

  it('reports a cut inside an oversized record without having held it', () => {
    const result = split(pieces(['{"Records":[{"a":1},{"giant":"', { repeat: 'z', times: 50_000 }], 4096), 1000);
    expect(result.elements).toEqual(['{"a":1}']);
    expect(result).toMatchObject({ complete: false, droppedOversized: true, droppedChars: 50_000 + '{"giant":"'.length });
    expect(result.peakBuffered).toBeLessThanOrEqual(1001);
  });

  it('scans a 50 MB record in bounded memory and yields the attack records around it', () => {
    const attack = (n: number): string => JSON.stringify({ eventName: 'InvokeModel', eventID: `attack-${n}` });
    const parts = ['{"Records":[', attack(1), ',{"requestParameters":{"blob":"', { repeat: 'A\\"B\\\\'.repeat(100), times: 87_382 }, '"}},', attack(2), ']}'];
    const result = split(pieces(parts, 256 * 1024), 16 * 1024 * 1024);
    expect(result.elements).toEqual([attack(1), oversized('{"requestParameters":{"blob":""}}'.length + 600 * 87_382), attack(2)]);
    expect(result.complete).toBe(true);
    expect(result.peakBuffered).toBeLessThanOrEqual(16 * 1024 * 1024 + 1);
  });

  it('yields every record within the limit and the exact size of every other, however the text is chunked (property)', () => {
    const limit = 64;
    const text = fc.string({ unit: 'binary', maxLength: 90 });
    const value = fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), text, { maxKeys: 3 }));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(value, fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 4 })), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.boolean(),
        fc.boolean(),
        (records, points, pretty, truncate) => {
          const texts = records.map((r) => JSON.stringify(r, null, pretty ? 2 : undefined));
          const document = `{"Records": [\n${texts.join(',\n')}\n]}`;
          const input = truncate ? document.slice(0, document.length - 2) : document;
          const result = split(cutAt(input, points), limit);
          const expected = texts.map((t) => (Buffer.byteLength(t) > limit ? oversized(Buffer.byteLength(t)) : t));
          expect(result.elements).toEqual(expected);
          expect(result.complete).toBe(!truncate);
          expect(result.peakBuffered).toBeLessThanOrEqual(limit + 1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

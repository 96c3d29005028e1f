import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordsSplitter } from './records-splitter.ts';

function split(chunks: readonly string[], max = Number.POSITIVE_INFINITY): { elements: string[]; complete: boolean; droppedChars: number } {
  const splitter = new RecordsSplitter(max);
  const elements: string[] = [];
  for (const chunk of chunks) splitter.push(chunk, elements);
  return { elements, ...splitter.end() };
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
        expect(elements.map((e) => JSON.parse(e) as unknown)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the complete records before a cut and says the document is incomplete', () => {
    const text = JSON.stringify({ Records: [{ a: 1 }, { b: 'two' }, { c: 3 }] });
    const cut = text.indexOf('{"c"') + 3;
    const { elements, complete, droppedChars } = split([text.slice(0, cut)]);
    expect(elements).toEqual(['{"a":1}', '{"b":"two"}']);
    expect(complete).toBe(false);
    expect(droppedChars).toBe(3);
  });

  it('rejects a document that is not a records document', () => {
    expect(() => split([`{"eventVersion":"1.09",${' '.repeat(300)}"x":1}`])).toThrow(SyntaxError);
  });

  it('throws a RangeError rather than buffer a record beyond the limit', () => {
    const splitter = new RecordsSplitter(100);
    const out: string[] = [];
    splitter.push('{"Records":[{"small":1},', out);
    expect(out).toEqual(['{"small":1}']);
    expect(() => splitter.push(`{"big":"${'x'.repeat(200)}`, out)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { sniffDocument } from './sniff-document.ts';

describe('sniffDocument', () => {
  it('recognises delivery documents and arrays, however much text follows', () => {
    expect(sniffDocument(`{"Records": [${'{"a":1},'.repeat(50_000)}`, false)).toBe('records');
    expect(sniffDocument('\uFEFF\n [ {"a":1}', false)).toBe('records');
  });

  it('waits while the opening may still become "Records", and decides at the end', () => {
    expect(sniffDocument('  {"Rec', false)).toBeUndefined();
    expect(sniffDocument('{ "Records" :', false)).toBeUndefined();
    expect(sniffDocument('{"Rec', true)).toBe('lines');
  });

  it('reads anything else as lines', () => {
    expect(sniffDocument('{"eventVersion":"1.09"}\n{"eventVersion"', false)).toBe('lines');
    expect(sniffDocument('{"Records": {"not": "an array"}}', false)).toBe('lines');
  });
});

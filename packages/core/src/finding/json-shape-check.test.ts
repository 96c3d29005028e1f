import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonShape } from './json-shape-check.ts';

const roomy = { maxDepth: 1000, maxBytes: Number.POSITIVE_INFINITY };

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 1; i < depth; i++) value = { a: value };
  return depth === 0 ? 1 : { a: value };
}

describe('checkJsonShape', () => {
  it('gives a lower bound of the JSON size of any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const check = checkJsonShape(value, roomy);
        expect(check.ok).toBe(true);
        if (check.ok) expect(check.minBytes).toBeLessThanOrEqual(Buffer.byteLength(JSON.stringify(value)));
      }),
    );
  });

  it('is exact for ASCII strings, booleans, null and containers', () => {
    const value = { name: 'mallory', tags: ['a', 'b', null, true], nested: { empty: {}, list: [] } };
    expect(checkJsonShape(value, roomy)).toEqual({ ok: true, minBytes: JSON.stringify(value).length });
  });

  it('walks 100,000 levels without overflowing the stack and says how deep is too deep', () => {
    expect(checkJsonShape(nested(100_000), roomy)).toEqual({ ok: false, problem: 'too-deep', reason: 'nested deeper than 1000 levels' });
    expect(checkJsonShape(nested(1000), roomy).ok).toBe(true);
    expect(checkJsonShape(nested(1001), roomy).ok).toBe(false);
  });

  it('finds cycles, but lets a value shared by two branches through', () => {
    const cyclic: Record<string, unknown> = { a: [{}] };
    (cyclic['a'] as unknown[]).push({ back: cyclic });
    expect(checkJsonShape(cyclic, roomy)).toMatchObject({ ok: false, problem: 'cycle' });
    const shared = { id: 'x' };
    expect(checkJsonShape({ left: shared, right: [shared] }, roomy).ok).toBe(true);
  });

  it('stops at the byte bound, even for a structure that is exponential when written out', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 64; i++) value = [value, value]; // 2^64 leaves as JSON
    expect(checkJsonShape(value, { maxDepth: 1000, maxBytes: 1_000_000 })).toMatchObject({ ok: false, problem: 'too-large' });
    expect(checkJsonShape('x'.repeat(2000), { maxDepth: 10, maxBytes: 1000 })).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('rejects BigInt and properties that throw, and follows toJSON as JSON.stringify does', () => {
    expect(checkJsonShape({ n: 10n }, roomy)).toMatchObject({ ok: false, problem: 'bigint' });
    const trap = Object.defineProperty({}, 'boom', { enumerable: true, get: () => { throw new Error('no access'); } });
    expect(checkJsonShape(trap, roomy)).toEqual({ ok: false, problem: 'unreadable', reason: 'cannot be read: no access' });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(checkJsonShape([revoked.proxy], roomy)).toMatchObject({ ok: false, problem: 'unreadable' });
    const dated = { at: new Date(0), big: { toJSON: () => 10n } };
    expect(checkJsonShape({ at: new Date(0) }, roomy)).toEqual({ ok: true, minBytes: JSON.stringify({ at: new Date(0) }).length });
    expect(checkJsonShape(dated, roomy)).toMatchObject({ ok: false, problem: 'bigint' });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAtStars } from './glob-pattern.ts';
import { splitGlobRoot } from './path-glob-root.ts';

describe('splitGlobRoot', () => {
  it('splits at the first segment holding *, ?, a class or an escape', () => {
    expect(splitGlobRoot('/var/log/**/*.json.gz')).toEqual({ base: '/var/log', pattern: '**/*.json.gz' });
    expect(splitGlobRoot('/var/log/trail-?/x.json')).toEqual({ base: '/var/log', pattern: 'trail-?/x.json' });
    expect(splitGlobRoot('/data/[0-9]*/x')).toEqual({ base: '/data', pattern: '[0-9]*/x' });
    expect(splitGlobRoot('/data/a\\*b.json')).toEqual({ base: '/data', pattern: 'a\\*b.json' });
  });

  it('starts the pattern at the segment where a brace group opens, even one that spans segments', () => {
    expect(splitGlobRoot('/logs/x{a,b/c}/y.json')).toEqual({ base: '/logs', pattern: 'x{a,b/c}/y.json' });
    expect(splitGlobRoot('/logs/{a,b}')).toEqual({ base: '/logs', pattern: '{a,b}' });
  });

  it('uses / or . as the base when the first segment is a glob', () => {
    expect(splitGlobRoot('/*.json')).toEqual({ base: '/', pattern: '*.json' });
    expect(splitGlobRoot('*.json')).toEqual({ base: '.', pattern: '*.json' });
  });

  it('leaves a path without glob syntax whole, an unclosed [ and a { without a comma included', () => {
    expect(splitGlobRoot('/var/log/trail.json')).toBeUndefined();
    expect(splitGlobRoot('/data/a[1/x')).toBeUndefined();
    expect(splitGlobRoot('/data/{tenant}/x')).toBeUndefined();
    expect(splitGlobRoot('/')).toBeUndefined();
  });

  it('agrees with what the glob compiler reads as syntax, on random paths', () => {
    // Reference: a segment is literal when the compiler reads it as its own text; a brace group opens at the
    // first `{` whose depth-counted scan closes it with a top-level comma (tried from each `{`, quadratic).
    const literal = (segment: string): boolean => {
      const wildcard = splitAtStars(segment);
      return wildcard.last === undefined && wildcard.first.literal === segment;
    };
    const opensGroup = (path: string, open: number): boolean => {
      let depth = 0;
      let comma = false;
      for (let i = open + 1; i < path.length; i++) {
        if (path[i] === '{') depth++;
        else if (path[i] === '}' && depth-- === 0) return comma;
        else if (path[i] === ',' && depth === 0) comma = true;
      }
      return false;
    };
    const reference = (path: string): string | undefined => {
      const open = [...path].findIndex((char, i) => char === '{' && opensGroup(path, i));
      const segments = path.split('/');
      let end = -1;
      const index = segments.findIndex((segment) => {
        end += segment.length + 1;
        return (open >= 0 && end >= open) || !literal(segment);
      });
      return index < 0 ? undefined : segments.slice(index).join('/');
    };
    const text = fc.array(fc.constantFrom('a', '/', '*', '?', '[', ']', '!', '^', '{', '}', ','), { maxLength: 14 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (path) => {
        expect(splitGlobRoot(path)?.pattern).toBe(reference(path));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers in one pass for a megabyte of unclosed braces and brackets', () => {
    expect(splitGlobRoot(`/data/${'{'.repeat(1 << 20)}`)).toBeUndefined();
    expect(splitGlobRoot(`/data/${'['.repeat(1 << 20)}`)).toBeUndefined();
    expect(splitGlobRoot(`/data/${'{a'.repeat(1 << 19)},b}`)).toEqual({ base: '/data', pattern: `${'{a'.repeat(1 << 19)},b}` });
  });
});

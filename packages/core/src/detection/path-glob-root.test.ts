import { describe, expect, it } from 'vitest';
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
});

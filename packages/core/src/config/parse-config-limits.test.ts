import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS } from './config-limits.ts';
import { parseConfigText } from './parse-config-text.ts';
import { configError, lines, shortIssue } from './testdata/config-test-helpers.ts';

const parse = (text: string) => parseConfigText(text, { file: 'jw.yaml', env: { TOKEN: 't0ken' } });
const problems = (text: string) => configError(() => parse(text)).issues.map(shortIssue);

/** A "billion laughs" document: each level lists the previous one `width` times. */
function aliasBomb(levels: number, width: number): string {
  const rows = [`l0: &l0 [${Array(width).fill('lol').join(', ')}]`];
  for (let level = 1; level < levels; level++) rows.push(`l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(', ')}]`);
  return lines(...rows);
}

describe('parseConfigText on YAML aliases', () => {
  it('refuses a 1 KB alias bomb at the alias that goes past the budget, naming the limit', () => {
    const bomb = aliasBomb(9, 10);
    expect(bomb.length).toBeLessThan(1024);
    expect(problems(bomb)).toEqual([
      '4:45 : YAML aliases expand to more than 10000 values here, the most a config may have (an alias bomb?); write the values out instead',
    ]);
    const error = configError(() => parse(bomb));
    expect(error.message).toMatch(/^jw\.yaml:4:45: YAML aliases expand/);
  });

  it('refuses a wide bomb and a deep one alike', () => {
    expect(problems(aliasBomb(3, 200))[0]).toMatch(/^2:\d+ : YAML aliases expand to more than 10000 values/);
    expect(problems(aliasBomb(40, 2))[0]).toMatch(/YAML aliases expand to more than 10000 values|deeper than 64 levels/);
  });

  it('refuses an alias inside its own anchor, which has no end, and an alias without an anchor', () => {
    expect(problems('a: &a [*a, *a]\n')).toEqual(['1:8 : alias *a is inside its own anchor &a, a structure without end']);
    expect(problems('a: &a { b: *a }\n')).toEqual(['1:12 : alias *a is inside its own anchor &a, a structure without end']);
    expect(problems('a: *b\nb: &b 1\n')).toEqual(['1:4 : alias *b has no anchor &b before it']);
  });

  it('refuses an alias that nests the config deeper than the limit', () => {
    const deep = lines(`a: &a ${'['.repeat(40)}${']'.repeat(40)}`, `b: ${'['.repeat(30)}*a${']'.repeat(30)}`);
    expect(problems(deep)).toEqual(['2:34 : alias *a nests the config deeper than 64 levels, the most it may have']);
  });

  it('expands ordinary aliases at every place they are used, environment references and secrets included', () => {
    const parsed = parse(lines('defaults: &d { timeout: 5s, token: "${env:TOKEN}" }', 'a: *d', 'b: [*d, *d]', 'k: &k key', '*k : value'));
    expect(parsed.value).toEqual({
      defaults: { timeout: '5s', token: 't0ken' },
      a: { timeout: '5s', token: 't0ken' },
      b: [
        { timeout: '5s', token: 't0ken' },
        { timeout: '5s', token: 't0ken' },
      ],
      k: 'key',
      key: 'value',
    });
    expect(parsed.secrets.isFromEnvironment(['b', 1, 'token'])).toBe(true);
    expect(parsed.locate?.(['b', 1, 'timeout'])).toEqual({ line: 1, column: 25 });
  });

  it('takes the latest anchor of a name, as YAML does', () => {
    expect(parse(lines('a: &x 1', 'b: *x', 'c: &x 2', 'd: *x')).value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });

  it('accepts aliases up to the budget exactly', () => {
    const width = 100;
    const exact = lines(`l0: &l0 [${Array(width - 1).fill('x').join(', ')}]`, `l1: [${Array(width).fill('*l0').join(', ')}]`);
    expect((parse(exact).value as { l1: unknown[] }).l1).toHaveLength(width);
    expect(problems(lines(exact.trimEnd(), 'l2: *l0'))[0]).toMatch(/^3:5 : YAML aliases expand to more than 10000 values/);
  });
});

describe('parseConfigText on texts past its limits', () => {
  it('refuses text larger than 1 MiB before parsing it', () => {
    const text = `a: "${'x'.repeat(CONFIG_LIMITS.maxBytes)}"\n`;
    expect(problems(text)).toEqual(['-:- : the config is larger than 1 MiB, the most it may be']);
    expect(parse(`a: "${'x'.repeat(CONFIG_LIMITS.maxBytes - 20)}"\n`).value).toEqual({ a: 'x'.repeat(CONFIG_LIMITS.maxBytes - 20) });
  });

  it('refuses more YAML tokens than the limit, at the token that goes past it', () => {
    const text = `a: [${Array(CONFIG_LIMITS.maxTokens).fill('1').join(',')}]\n`;
    expect(problems(text)).toEqual(['1:20001 : the config has more than 20000 YAML tokens (values, punctuation, line breaks), the most it may have']);
    expect(problems('a: 1' + '\n'.repeat(CONFIG_LIMITS.maxTokens + 1))[0]).toMatch(/^\d+:1 : the config has more than 20000 YAML tokens/);
  });

  it('refuses lists and mappings nested deeper than the limit, in flow and block style', () => {
    expect(problems(`a: ${'['.repeat(65)}${']'.repeat(65)}\n`)).toEqual(['1:68 : lists and mappings nest deeper than 64 levels here, the most a config may have']);
    expect(parse(`a: ${'['.repeat(63)}${']'.repeat(63)}\n`).value).toEqual({ a: expect.any(Array) });
    expect(problems(`a: ${'{b: '.repeat(70)}1${'}'.repeat(70)}\n`)[0]).toMatch(/^1:\d+ : lists and mappings nest deeper than 64 levels/);
    expect(problems(lines('a:', `  ${'- '.repeat(70)}x`))[0]).toMatch(/^2:\d+ : lists and mappings nest deeper than 64 levels/);
    const dashes = problems(lines('a:', `  ${'- '.repeat(8_000)}x`));
    expect(dashes[0]).toMatch(/^2:\d+ : YAML syntax error: lists and mappings nest too deeply here \(the most a config may have is 64 levels\)|nest deeper than 64/);
    expect(dashes.length).toBeLessThanOrEqual(CONFIG_LIMITS.maxListedYamlProblems + 1);
  });

  it('reports the first syntax errors one by one and counts the rest', () => {
    const text = 'a: b: c\n'.repeat(2_000);
    const issues = problems(text);
    expect(issues).toHaveLength(CONFIG_LIMITS.maxListedYamlProblems + 1);
    expect(issues[CONFIG_LIMITS.maxListedYamlProblems]).toMatch(/… and \d+ more YAML syntax errors$/);
  });

  it('finds duplicate keys, comparing them as the config reads them, and lists the first of many', () => {
    expect(problems(lines('sinks: {}', 'sources: {}', 'sinks: {}'))).toEqual(['3:1 : duplicate key "sinks": the keys of a mapping must be unique (the first is on line 1)']);
    expect(problems(lines('1: a', '"1": b'))).toEqual(['2:1 : duplicate key "1": the keys of a mapping must be unique (the first is on line 1)']);
    const many = lines(...Array.from({ length: 3_000 }, (_, i) => `k${i % 1_500}: v`));
    const issues = problems(many);
    expect(issues[0]).toBe('1501:1 : duplicate key "k0": the keys of a mapping must be unique (the first is on line 1)');
    expect(issues.at(-1)).toBe('1521:1 : … and 1480 more duplicate keys');
  });
});

describe('parseConfigText on ${env:…} inside a flow collection', () => {
  it('says to quote the reference or use block style', () => {
    const issues = problems(lines('sources:', '  file: { paths: [${env:LOG_DIR}] }'));
    expect(issues[0]).toBe(
      '2:19 : ${env:LOG_DIR} inside [ ] or { } must be quoted, or YAML reads its "{" as a mapping: write ["${env:LOG_DIR}"] (or { key: "${env:LOG_DIR}" }), or use block style with one "- ${env:LOG_DIR}" per line',
    );
    expect(issues.slice(1).every((issue) => issue.includes('YAML syntax error'))).toBe(true);
    expect(problems('h: { a: ${env:X:-x} }\n')[0]).toMatch(/^1:9 : \$\{env:X:-x\} inside \[ \] or \{ \} must be quoted/);
  });

  it('lists the first hints of many, like syntax errors', () => {
    const issues = problems(`a: [${Array.from({ length: 500 }, (_, i) => `\${env:V${i}}`).join(', ')}]\n`);
    expect(issues).toHaveLength(CONFIG_LIMITS.maxListedYamlProblems + 1);
    expect(issues[0]).toMatch(/^1:5 : \$\{env:V0\} inside \[ \] or \{ \} must be quoted/);
    expect(issues.at(-1)).toMatch(/… and \d+ more YAML syntax errors$/);
  });

  it('reads the quoted form and the block form', () => {
    const env = { LOG_DIR: '/var/log/trail' };
    expect(parseConfigText('paths: ["${env:LOG_DIR}"]\n', { env }).value).toEqual({ paths: ['/var/log/trail'] });
    expect(parseConfigText(lines('paths:', '  - ${env:LOG_DIR}'), { env }).value).toEqual({ paths: ['/var/log/trail'] });
  });
});

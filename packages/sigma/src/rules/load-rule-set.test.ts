import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleFolder, ruleText, type RuleFolder } from '../testdata/rule-files.ts';
import { loadRuleSet, MAX_RULE_FILE_BYTES } from './load-rule-set.ts';

let folder: RuleFolder | undefined;
afterEach(() => folder?.remove());

const load = (files: Record<string, string>, entries: string[] = ['.'], extra: Partial<Parameters<typeof loadRuleSet>[1]> = {}) => {
  folder = ruleFolder(files);
  return loadRuleSet(entries, { baseDir: folder.dir, ...extra });
};
const summary = (set: ReturnType<typeof loadRuleSet>): string[] => set.entries.map((e) => `${e.status} ${e.memberId ?? e.name ?? e.id ?? e.title}${e.reasons.length > 0 ? `: ${e.reasons.join(' | ')}` : ''}`);

describe('loadRuleSet', () => {
  it('loads every .yml and .yaml under a directory, recursively, in path order', () => {
    const set = load({ 'b/two.yaml': ruleText({ id: 'two' }), 'a/one.yml': ruleText({ id: 'one' }), 'notes.txt': 'not a rule', '.hidden/three.yml': ruleText({ id: 'three' }) });
    expect(summary(set)).toEqual(['loaded one', 'loaded two']);
    expect(set.entries.map((e) => `${e.file}:${e.line}`)).toEqual(['a/one.yml:1', 'b/two.yaml:1']);
    expect(set.rules.map((r) => r.memberId)).toEqual(['one', 'two']);
  });

  it('takes files and globs, and says which entry matches nothing', () => {
    const set = load({ 'x/one.yml': ruleText({ id: 'one' }), 'x/two.yml': ruleText({ id: 'two' }), 'y/three.yml': ruleText({ id: 'three' }) }, ['x/t*.yml', 'y/three.yml', 'z/*.yml', 'missing.yml']);
    expect(summary(set)).toEqual(['loaded two', 'loaded three']);
    expect(set.problems).toEqual(['rules entry "z/*.yml": ' + `${folder!.dir}/z does not exist`, `rules entry "missing.yml": ${folder!.dir}/missing.yml does not exist`]);
    expect(load({ 'x/a.txt': 'x' }, ['x']).problems).toEqual(['rules entry "x" matches no rule file']);
  });

  it('names a rule by its name, else its id', () => {
    const set = load({ 'r.yml': [ruleText({ id: 'uuid-1', name: 'friendly_name' }), ruleText({ id: 'uuid-2' })].join('\n---\n') });
    expect(set.entries.map((e) => e.memberId)).toEqual(['friendly_name', 'uuid-2']);
    expect(set.entries.map((e) => e.line)).toEqual([1, 9]);
  });

  it('reports invalid YAML and invalid rules with file, line, column and YAML path, and loads the rest', () => {
    const set = load({
      'bad-yaml.yml': 'title: x\ndetection: [unclosed\n',
      'bad-rule.yml': ruleText({ id: 'bad', detection: '    selection:\n        eventName|contians: CreateUser\n    condition: selection and other' }),
      'no-title.yml': ruleText({ id: 'untitled' }).replace('title: Test rule\n', ''),
      'good.yml': ruleText({ id: 'good' }),
    });
    expect(summary(set)).toEqual([
      'invalid bad: bad-rule.yml:6:9: detection.selection["eventName|contians"]: unknown modifier "contians"',
      'invalid undefined: bad-yaml.yml:1:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'loaded good',
      'invalid undefined: no-title.yml:1:1: title: title is required',
    ]);
  });

  it('skips a rule with an unsupported modifier, naming it, and one for another log source', () => {
    const set = load({
      'expand.yml': ruleText({ id: 'expand', detection: '    selection:\n        userIdentity.arn|expand: "%admins%"\n    condition: selection' }),
      'windows.yml': ruleText({ id: 'win', logsource: 'logsource: { product: windows, category: process_creation }' }),
      'v1.yml': ruleText({ id: 'v1', detection: '    selection: { eventName: ConsoleLogin }\n    condition: selection | count() by userIdentity.arn > 5' }),
    });
    expect(summary(set)).toEqual([
      'skipped expand: not supported: expand.yml:6:9: detection.selection["userIdentity.arn|expand"]: unsupported modifier "expand": placeholders need values from your environment, which jackwatch does not define',
      'skipped v1: not supported: v1.yml:6:5: detection.condition: condition "selection | count() by userIdentity.arn > 5": "|" at character 11 starts a Sigma v1 aggregation (count, near); write a correlation rule instead',
      'skipped win: its logsource (product: windows, category: process_creation) is not "product: aws, service: cloudtrail"',
    ]);
    expect(set.rules).toEqual([]);
  });

  it('rejects a second rule with the same id or name, and a rule without either', () => {
    const set = load({ 'a.yml': ruleText({ id: 'same' }), 'b.yml': ruleText({ id: 'other', name: 'same' }), 'c.yml': ruleText({}) });
    expect(summary(set)).toEqual([
      'loaded same',
      'invalid same: b.yml:3:1: name: "same" is already the id or name of the rule at a.yml:1; ids and names must be unique',
      'invalid Test rule: c.yml:1:1: the rule has neither a name nor an id to name its findings',
    ]);
  });

  it('filters by id, name, level, tag and status, and says why a rule is left out', () => {
    const files = {
      'a.yml': ruleText({ id: 'a', level: 'high', tags: ['attack.t1078.004', 'attack.initial-access'] }),
      'b.yml': ruleText({ id: 'b', level: 'low', tags: ['attack.discovery'] }),
      'c.yml': ruleText({ id: 'c', tags: ['attack.t1580'], extra: 'status: experimental' }),
    };
    expect(summary(load(files, ['.'], { include: { level: ['high', 'medium'] } }))).toEqual(['loaded a', 'skipped b: excluded: include.level (high, medium) does not select it', 'loaded c']);
    expect(summary(load(files, ['.'], { exclude: { tag: ['attack.t1078*'], status: ['experimental'] } }))).toEqual([
      'skipped a: excluded: exclude.tag (attack.t1078*) selects it',
      'loaded b',
      'skipped c: excluded: exclude.status (experimental) selects it',
    ]);
    expect(summary(load(files, ['.'], { include: { id: ['a', 'c'], tag: ['ATTACK.T1580'] } })).map((s) => s.split(':')[0])).toEqual(['skipped a', 'skipped b', 'loaded c']);
  });

  it('refuses a file larger than a rule file may be', () => {
    const set = load({ 'huge.yml': `title: x\ndescription: "${'x'.repeat(MAX_RULE_FILE_BYTES)}"\n` });
    expect(set.problems[0]).toMatch(/^huge\.yml: \d+ bytes is more than a rule file may hold/);
  });

  it('refuses a named pipe named as a rule file, or linked from a rules folder, instead of waiting for a writer for good', () => {
    folder = ruleFolder({ 'rules/good.yml': ruleText({ id: 'good' }) });
    execFileSync('mkfifo', [join(folder.dir, 'pipe.yml')]);
    symlinkSync(join(folder.dir, 'pipe.yml'), join(folder.dir, 'rules/linked.yml'));
    const set = loadRuleSet(['pipe.yml', 'rules'], { baseDir: folder.dir });
    expect(set.problems).toEqual(['pipe.yml: not a regular file (a named pipe); not read', 'rules/linked.yml: not a regular file (a named pipe); not read']);
    expect(summary(set)).toEqual(['loaded good']);
  });

  it('survives an alias bomb as an invalid document', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const set = load({ 'bomb.yml': bomb });
    expect(set.entries.map((e) => e.status)).toEqual(['invalid']);
    expect(set.entries[0]!.reasons[0]).toContain('bomb.yml:1:1: not valid YAML');
  });
});

import { loadRuleSet, type RuleEntry } from '@jackwatch/sigma';
import { describeInterest } from '../describe-interest.ts';
import { EXIT } from './run-command.ts';

/**
 * `jackwatch sigma check PATH…`: loads Sigma rules from files, directories
 * and globs (relative to the working directory) exactly as the `sigma`
 * detector would, and lists every rule document on stdout — its status
 * (`loaded`, `skipped` and why, `invalid` and every problem with file, line
 * and YAML path), the id its findings carry and its interest — then a
 * summary. Exit 2 when a rule is invalid or a path matches nothing, else 0.
 */
export function sigmaCheckCommand(paths: readonly string[]): number {
  const set = loadRuleSet(paths, { baseDir: process.cwd() });
  const lines: string[] = [];
  for (const entry of set.entries) lines.push(...describeEntry(entry));
  for (const problem of set.problems) lines.push(`error    ${problem}`);
  const count = (status: RuleEntry['status']): number => set.entries.filter((e) => e.status === status).length;
  const everything = set.entries.filter((e) => e.memberId !== undefined && e.interest === 'all').map((e) => e.memberId!);
  lines.push('');
  lines.push(`${set.entries.length} rule document(s): ${count('loaded')} loaded, ${count('skipped')} skipped, ${count('invalid')} invalid`);
  if (everything.length > 0) lines.push(`the prefilter is off while these rules are loaded (they can match events of any source): ${everything.join(', ')}`);
  const named = set.entries.filter((e) => e.memberId !== undefined && e.interest !== undefined && e.interest !== 'all' && e.interest.some((s) => s.eventSource === undefined));
  if (named.length > 0) {
    lines.push(`the prefilter parses every record while these rules are loaded (they match event names of any source): ${named.map((e) => e.memberId!).join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return count('invalid') > 0 || set.problems.length > 0 ? EXIT.badConfig : EXIT.ok;
}

function describeEntry(entry: RuleEntry): string[] {
  const label = entry.memberId ?? entry.name ?? entry.id ?? '(no id)';
  const head = `${entry.status.padEnd(8)} ${label}  ${entry.title ?? '(untitled)'}  [${entry.kind}${entry.level === undefined ? '' : `, ${entry.level}`}]  ${entry.file}:${entry.line}`;
  const lines = [head];
  if (entry.interest !== undefined) lines.push(`         interest: ${describeInterest(entry.interest)}`);
  if (entry.status === 'loaded' && entry.memberId === undefined && entry.usedBy.length > 0) lines.push(`         emits nothing itself: used by ${entry.usedBy.join(', ')} (generate: false)`);
  else if (entry.usedBy.length > 0) lines.push(`         used by ${entry.usedBy.join(', ')}`);
  for (const reason of entry.reasons) lines.push(`         ${reason}`);
  return lines;
}

import { formatConfigPath, unionInterest, type Interest } from '@jackwatch/core';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { CompiledDetection } from '../detection/compile-detection.ts';
import { toInterest } from '../detection/selection-set.ts';
import type { CorrelationSpec } from '../correlation/correlation-spec.ts';
import { resolveCorrelations, type ResolvedCorrelation } from '../correlation/resolve-correlations.ts';
import type { RuleOrigin } from '../finding/rule-meta.ts';
import { findRuleFiles } from './find-rule-files.ts';
import { parseDocument, type ParsedDocument } from './parse-document.ts';
import { readRuleDocuments } from './rule-document.ts';
import { problemText, type RuleEntry, type RuleStatus } from './rule-entry.ts';
import { filterOut, type RuleFilter } from './rule-filter.ts';
import type { RuleHeader } from './rule-header.ts';
import type { RuleIssue } from './rule-issue.ts';

/** Largest rule file read (a rule is a few kilobytes; a correlation with its rules a few more). */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** Options of {@link loadRuleSet}. */
export interface LoadRuleSetOptions {
  /** Directory relative entries resolve against (the config file's). */
  readonly baseDir: string;
  /** Keep only the rules this selects (a correlation's own rules still serve it). */
  readonly include?: RuleFilter | undefined;
  /** Leave out the rules this selects. */
  readonly exclude?: RuleFilter | undefined;
}

/** A plain rule that runs. */
export interface LoadedRule {
  /** The id its findings carry; `undefined` when it only serves correlations (`generate: false`). */
  readonly memberId: string | undefined;
  readonly header: RuleHeader;
  readonly detection: CompiledDetection;
  readonly origin: RuleOrigin;
}

/** A correlation rule that runs, its rules resolved. */
export interface LoadedCorrelation extends ResolvedCorrelation {
  readonly memberId: string;
  readonly header: RuleHeader;
  readonly spec: CorrelationSpec;
  readonly origin: RuleOrigin;
}

/** Every rule document found, and what runs. */
export interface SigmaRuleSet {
  /** Every document of every file, in file order, with its status. */
  readonly entries: readonly RuleEntry[];
  /** The plain rules that run (emitting findings or serving a correlation). */
  readonly rules: readonly LoadedRule[];
  readonly correlations: readonly LoadedCorrelation[];
  /** Problems with the `rules` entries themselves (nothing matched, a file that cannot be read). */
  readonly problems: readonly string[];
}

/**
 * Loads Sigma rules from files, directories and globs: reads every YAML
 * document, compiles plain rules for CloudTrail, resolves correlation rules
 * against the rules of every file (by `name` or `id`), applies `generate`
 * and the include/exclude filters, and reports every document with its
 * status. A document with any problem is skipped whole, never half-applied;
 * the others still load.
 *
 * @example
 * ```ts
 * const set = loadRuleSet(['./rules/sigma'], { baseDir: '/etc/jackwatch' });
 * for (const entry of set.entries) console.log(entry.status, entry.title, entry.reasons.join('; '));
 * ```
 */
export function loadRuleSet(ruleEntries: readonly string[], options: LoadRuleSetOptions): SigmaRuleSet {
  const found = findRuleFiles(ruleEntries, options.baseDir);
  const problems = [...found.problems];
  const parsed: ParsedDocument[] = [];
  for (const file of found.files) {
    const text = readRuleFile(file, options.baseDir, problems);
    if (text !== undefined) parsed.push(...readRuleDocuments(file, text).map(parseDocument));
  }
  const display = (file: string): string => displayFile(file, options.baseDir);
  const keys = indexByReference(parsed, display);
  const resolved = resolveCorrelations(parsed, keys, display);
  const rules: LoadedRule[] = [];
  const correlations: LoadedCorrelation[] = [];
  const entries = parsed.map((item): RuleEntry => {
    const origin: RuleOrigin = { file: display(item.doc.file), line: item.doc.start.line };
    const header = item.header;
    const memberId = header?.name ?? header?.id;
    const problemsOf = (issues: readonly RuleIssue[]): string[] =>
      issues.map((issue) => {
        const at = item.doc.locate(issue.path);
        return problemText(origin.file, at.line, at.column, formatConfigPath([...issue.path]), issue.message);
      });
    const issues = [...item.issues.list()];
    if (header !== undefined && memberId === undefined) issues.push({ kind: 'invalid', path: [], message: 'the rule has neither a name nor an id to name its findings' });
    const invalid = issues.filter((issue) => issue.kind === 'invalid');
    const unsupported = issues.filter((issue) => issue.kind === 'unsupported');
    const correlation = resolved.get(item);
    let status: RuleStatus = 'loaded';
    let reasons: string[] = [];
    if (invalid.length > 0) [status, reasons] = ['invalid', problemsOf(invalid)];
    else if (unsupported.length > 0) [status, reasons] = ['skipped', problemsOf(unsupported).map((p) => `not supported: ${p}`)];
    else if (item.skip !== undefined) [status, reasons] = ['skipped', [item.skip]];
    else if (correlation?.problem !== undefined) [status, reasons] = [correlation.problem.kind === 'invalid' ? 'invalid' : 'skipped', [problemText(origin.file, item.doc.locate(correlation.problem.path).line, item.doc.locate(correlation.problem.path).column, formatConfigPath([...correlation.problem.path]), correlation.problem.message)]];
    const excluded = status === 'loaded' && header !== undefined ? filterOut(header, options.include, options.exclude) : undefined;
    const usedBy = item.kind === 'rule' ? resolved.usersOf(item) : [];
    const servesOnly = item.kind === 'rule' && resolved.silenced(item);
    const emits = status === 'loaded' && excluded === undefined && !servesOnly;
    let interest: Interest | undefined;
    if (status === 'loaded' && header !== undefined && memberId !== undefined) {
      if (item.kind === 'rule' && item.detection !== undefined) {
        interest = toInterest(item.detection.selection);
        if (emits || usedBy.length > 0) rules.push({ memberId: emits ? memberId : undefined, header, detection: item.detection, origin });
      } else if (item.kind === 'correlation' && correlation?.steps !== undefined && item.correlation !== undefined) {
        interest = unionInterest(correlation.steps.map((step) => toInterest(step.detection.selection)));
        if (emits) correlations.push({ memberId, header, spec: item.correlation, origin, steps: correlation.steps });
      }
    }
    if (status === 'loaded' && excluded !== undefined) [status, reasons] = ['skipped', [`excluded: ${excluded}`]];
    return {
      file: origin.file,
      line: origin.line,
      kind: item.kind,
      title: header?.title,
      id: header?.id,
      name: header?.name,
      level: header?.level,
      status,
      reasons,
      memberId: emits ? memberId : undefined,
      interest,
      usedBy: servesOnly || usedBy.length > 0 ? usedBy : [],
    };
  });
  return { entries, rules, correlations, problems };
}

function readRuleFile(file: string, baseDir: string, problems: string[]): string | undefined {
  try {
    const size = statSync(file).size;
    if (size > MAX_RULE_FILE_BYTES) {
      problems.push(`${displayFile(file, baseDir)}: ${size} bytes is more than a rule file may hold (${MAX_RULE_FILE_BYTES}); not read`);
      return undefined;
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`${displayFile(file, baseDir)}: cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

// Ids and names share one namespace: a correlation may name either, and findings carry name, else id.
function indexByReference(parsed: readonly ParsedDocument[], display: (file: string) => string): Map<string, ParsedDocument> {
  const keys = new Map<string, ParsedDocument>();
  for (const item of parsed) {
    const header = item.header;
    if (header === undefined) continue;
    for (const [field, key] of [['id', header.id], ['name', header.name]] as const) {
      if (key === undefined) continue;
      const other = keys.get(key);
      if (other !== undefined && other !== item) {
        item.issues.invalid([field], `"${key}" is already the id or name of the rule at ${display(other.doc.file)}:${other.doc.start.line}; ids and names must be unique`);
        continue;
      }
      keys.set(key, item);
    }
  }
  return keys;
}

/** A rule file as shown to people: relative to the base directory when it is inside it. */
export function displayFile(file: string, baseDir: string): string {
  const inside = relative(baseDir, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : file;
}

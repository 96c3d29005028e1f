import { unionInterest, type Interest } from '@jackwatch/core';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { CompiledDetection } from '../detection/compile-detection.ts';
import { toInterest } from '../detection/selection-set.ts';
import type { CorrelationSpec } from '../correlation/correlation-spec.ts';
import { resolveCorrelations, type Resolution, type ResolvedCorrelation } from '../correlation/resolve-correlations.ts';
import type { RuleOrigin } from '../finding/rule-meta.ts';
import { findRuleFiles } from './find-rule-files.ts';
import { parseDocument, type ParsedDocument } from './parse-document.ts';
import { readRuleDocuments } from './rule-document.ts';
import { problemText, type RuleEntry, type RuleStatus } from './rule-entry.ts';
import { filterOut, type RuleFilter } from './rule-filter.ts';
import type { RuleHeader } from './rule-header.ts';
import type { RuleIssue } from './rule-issue.ts';
import { formatRulePath } from './rule-path.ts';

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
  const resolution = resolveCorrelations(parsed, keys, display);
  const rules: LoadedRule[] = [];
  const correlations: LoadedCorrelation[] = [];
  const entries = parsed.map((item): RuleEntry => {
    const origin: RuleOrigin = { file: display(item.doc.file), line: item.doc.start.line };
    const header = item.header;
    const memberId = header?.name ?? header?.id;
    const verdict = judge(item, origin, resolution);
    const excluded = verdict.status === 'loaded' ? filterOut(header!, options.include, options.exclude) : undefined;
    const usedBy = resolution.usersOf(item);
    const emits = verdict.status === 'loaded' && excluded === undefined && !resolution.silenced(item);
    let interest: Interest | undefined;
    if (verdict.status === 'loaded' && item.detection !== undefined) {
      interest = toInterest(item.detection.selection);
      if (emits || usedBy.length > 0) rules.push({ memberId: emits ? memberId : undefined, header: header!, detection: item.detection, origin });
    }
    const steps = resolution.get(item)?.steps;
    if (verdict.status === 'loaded' && steps !== undefined) {
      interest = unionInterest(steps.map((step) => toInterest(step.detection.selection)));
      if (emits) correlations.push({ memberId: memberId!, header: header!, spec: item.correlation!, origin, steps });
    }
    return {
      file: origin.file,
      line: origin.line,
      kind: item.kind,
      title: header?.title,
      id: header?.id,
      name: header?.name,
      level: header?.level,
      status: excluded === undefined ? verdict.status : 'skipped',
      reasons: excluded === undefined ? verdict.reasons : [`excluded: ${excluded}`],
      memberId: emits ? memberId : undefined,
      interest,
      usedBy,
    };
  });
  return { entries, rules, correlations, problems };
}

// Invalid beats unsupported beats skipped: the status a person has to act on first.
function judge(item: ParsedDocument, origin: RuleOrigin, resolution: Resolution): { status: RuleStatus; reasons: string[] } {
  const issues: RuleIssue[] = [...item.issues.list()];
  if (item.header !== undefined && item.header.name === undefined && item.header.id === undefined) {
    issues.push({ kind: 'invalid', path: [], message: 'the rule has neither a name nor an id to name its findings' });
  }
  const problem = resolution.get(item)?.problem;
  if (problem !== undefined) issues.push(problem);
  const describe = (issue: RuleIssue): string => {
    const at = item.doc.locate(issue.path);
    return problemText(origin.file, at.line, at.column, formatRulePath(issue.path), issue.message);
  };
  const invalid = issues.filter((issue) => issue.kind === 'invalid');
  if (invalid.length > 0) return { status: 'invalid', reasons: invalid.map(describe) };
  const unsupported = issues.filter((issue) => issue.kind === 'unsupported');
  if (unsupported.length > 0) return { status: 'skipped', reasons: unsupported.map((issue) => `not supported: ${describe(issue)}`) };
  if (item.skip !== undefined) return { status: 'skipped', reasons: [item.skip] };
  return { status: 'loaded', reasons: [] };
}

function readRuleFile(file: string, baseDir: string, problems: string[]): string | undefined {
  try {
    const info = statSync(file);
    if (!info.isFile()) {
      // A named pipe would block this synchronous read, and the whole agent with it, until a writer came.
      problems.push(`${displayFile(file, baseDir)}: not a regular file (${info.isFIFO() ? 'a named pipe' : info.isDirectory() ? 'a directory' : 'a socket or device'}); not read`);
      return undefined;
    }
    const size = info.size;
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

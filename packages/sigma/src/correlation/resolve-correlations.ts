import type { CompiledDetection } from '../detection/compile-detection.ts';
import type { ParsedDocument } from '../rules/parse-document.ts';
import type { RuleIssue } from '../rules/rule-issue.ts';

/** One rule a correlation uses, resolved. */
export interface CorrelationStep {
  /** The reference as the correlation writes it. */
  readonly reference: string;
  /** The rule's name, else its id: how findings name the step. */
  readonly key: string;
  readonly title: string;
  readonly detection: CompiledDetection;
  /** The correlation's `group-by` for events of this rule: aliases replaced by this rule's field. */
  readonly groupFields: readonly string[];
}

/** A correlation's rules, resolved. */
export interface ResolvedCorrelation {
  readonly steps: readonly CorrelationStep[];
}

/** What resolving the correlations of a rule set found. */
export interface Resolution {
  /** A correlation's steps, or why they cannot be resolved. */
  get(item: ParsedDocument): { readonly steps?: readonly CorrelationStep[]; readonly problem?: RuleIssue } | undefined;
  /** The correlations (by name, id or title) that use a rule. */
  usersOf(item: ParsedDocument): string[];
  /** True when a correlation that uses the rule does not say `generate: true`: the rule emits nothing itself. */
  silenced(item: ParsedDocument): boolean;
}

/**
 * Resolves every correlation's `rules` and `aliases` against the documents
 * of all files (by `name` or `id`). A reference to nothing, or an alias that
 * does not name a field for each rule, makes the correlation invalid; a
 * reference to a rule that cannot run, or to another correlation (chains
 * are not supported), makes it skipped.
 */
export function resolveCorrelations(parsed: readonly ParsedDocument[], keys: ReadonlyMap<string, ParsedDocument>, display: (file: string) => string): Resolution {
  const results = new Map<ParsedDocument, { steps?: CorrelationStep[]; problem?: RuleIssue }>();
  const users = new Map<ParsedDocument, string[]>();
  const silenced = new Set<ParsedDocument>();
  for (const item of parsed) {
    const spec = item.correlation;
    if (item.kind !== 'correlation' || spec === undefined || item.issues.count > 0) continue;
    const outcome = resolveOne(item, keys, display);
    results.set(item, outcome);
    if (outcome.steps === undefined) continue;
    const label = item.header?.name ?? item.header?.id ?? item.header?.title ?? 'a correlation';
    for (const reference of spec.rules) {
      const target = keys.get(reference)!;
      users.set(target, [...(users.get(target) ?? []), label]);
      if (!spec.generate) silenced.add(target);
    }
  }
  return {
    get: (item) => results.get(item),
    usersOf: (item) => users.get(item) ?? [],
    silenced: (item) => silenced.has(item),
  };
}

function resolveOne(item: ParsedDocument, keys: ReadonlyMap<string, ParsedDocument>, display: (file: string) => string): { steps?: CorrelationStep[]; problem?: RuleIssue } {
  const spec = item.correlation!;
  const steps: CorrelationStep[] = [];
  for (const [index, reference] of spec.rules.entries()) {
    const path = ['correlation', 'rules', index];
    const target = keys.get(reference);
    if (target === undefined) return { problem: { kind: 'invalid', path, message: `no loaded rule has the name or id "${reference}"` } };
    const where = `${display(target.doc.file)}:${target.doc.start.line}`;
    if (target.kind === 'correlation') return { problem: { kind: 'unsupported', path, message: `"${reference}" is a correlation rule (${where}); correlations of correlations are not supported` } };
    if (target.issues.count > 0 || target.detection === undefined) {
      const why = target.skip ?? (target.issues.list().some((i) => i.kind === 'invalid') ? 'is invalid' : 'uses something jackwatch does not support');
      return { problem: { kind: 'unsupported', path, message: `its rule "${reference}" (${where}) cannot run: ${why.startsWith('its ') ? why.slice(4) : why}` } };
    }
    const groupFields: string[] = [];
    for (const [groupIndex, group] of spec.groupBy.entries()) {
      const alias = spec.aliases.get(group);
      if (alias === undefined) {
        groupFields.push(group);
        continue;
      }
      const field = [...alias].find(([ruleKey]) => keys.get(ruleKey) === target)?.[1];
      if (field === undefined) return { problem: { kind: 'invalid', path: ['correlation', 'group-by', groupIndex], message: `alias "${group}" does not say which field of rule "${reference}" it stands for` } };
      groupFields.push(field);
    }
    const header = target.header!;
    steps.push({ reference, key: header.name ?? header.id ?? reference, title: header.title, detection: target.detection, groupFields });
  }
  for (const [alias, map] of spec.aliases) {
    for (const ruleKey of map.keys()) {
      const target = keys.get(ruleKey);
      if (target === undefined || !spec.rules.some((reference) => keys.get(reference) === target)) {
        return { problem: { kind: 'invalid', path: ['correlation', 'aliases', alias, ruleKey], message: `"${ruleKey}" is not one of the correlation's rules` } };
      }
    }
  }
  return { steps };
}

import { compileDetection, type CompiledDetection } from '../detection/compile-detection.ts';
import { readCorrelationSpec, type CorrelationSpec } from '../correlation/correlation-spec.ts';
import type { RuleDocument } from './rule-document.ts';
import { MAX_CONDITION_DEPTH, tooDeepConditions } from './condition-depth.ts';
import { readRuleHeader, type RuleHeader } from './rule-header.ts';
import { IssueList } from './rule-issue.ts';

/** One rule document, read and compiled as far as it goes on its own (references are resolved later). */
export interface ParsedDocument {
  readonly doc: RuleDocument;
  readonly kind: 'rule' | 'correlation' | 'unknown';
  readonly header: RuleHeader | undefined;
  readonly issues: IssueList;
  /** Why a valid rule is not run (another log source, `status: unsupported`). */
  readonly skip: string | undefined;
  readonly detection: CompiledDetection | undefined;
  readonly correlation: CorrelationSpec | undefined;
}

/**
 * Reads one document: its metadata, then either its `detection` (a rule for
 * `product: aws, service: cloudtrail`; another log source is skipped, not
 * compiled) or its `correlation` section. Sigma v1 collections (`action:`)
 * and Sigma filters are recognised and reported as unsupported.
 */
export function parseDocument(doc: RuleDocument): ParsedDocument {
  const issues = new IssueList();
  const result = (kind: ParsedDocument['kind'], rest: Partial<ParsedDocument> = {}): ParsedDocument => ({
    doc, kind, issues, header: undefined, skip: undefined, detection: undefined, correlation: undefined, ...rest,
  });
  if (doc.error !== undefined) {
    issues.invalid([], `not valid YAML: ${doc.error.message}`);
    return result('unknown');
  }
  const value = doc.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.invalid([], 'a rule document must be a mapping (title, logsource, detection, …)');
    return result('unknown');
  }
  const record = value as Readonly<Record<string, unknown>>;
  if ('action' in record) {
    issues.unsupported(['action'], 'Sigma v1 rule collections ("action: global/reset/repeat") are not supported; write each rule as a whole document');
    return result('unknown');
  }
  if ('filter' in record && !('detection' in record) && !('correlation' in record)) {
    issues.unsupported(['filter'], 'Sigma filter documents are not supported; use the detector\'s exceptions, or a "not" in the rules');
    return result('unknown');
  }
  const kind = 'correlation' in record ? 'correlation' : 'detection' in record ? 'rule' : 'unknown';
  if (kind === 'unknown') {
    issues.invalid([], 'neither a rule (no "detection") nor a correlation rule (no "correlation")');
  }
  const header = readRuleHeader(record, issues);
  if (kind === 'correlation') {
    if ('detection' in record) issues.invalid(['detection'], 'a document is a rule or a correlation rule, not both');
    const correlation = readCorrelationSpec(record['correlation'], record['generate'], issues);
    return result(kind, { header, correlation });
  }
  if (kind === 'unknown') return result(kind, { header });
  const skip = logsourceSkip(record['logsource'], issues) ?? (header?.status === 'unsupported' ? 'its status is "unsupported": the rule says it cannot be used as it is' : undefined);
  if (skip !== undefined || issues.count > 0) return result(kind, { header, skip });
  for (const { path, depth } of tooDeepConditions(record['detection'])) {
    issues.invalid(path, `the condition nests ${depth} levels of parentheses and "not"; at most ${MAX_CONDITION_DEPTH} are allowed`);
  }
  if (issues.count > 0) return result(kind, { header });
  return result(kind, { header, detection: compileOrReport(record['detection'], issues) });
}

// One rule that cannot be compiled (a stack exhausted by some other shape) is that rule's problem, not the whole set's.
function compileOrReport(detection: unknown, issues: IssueList): CompiledDetection | undefined {
  try {
    return compileDetection(detection, issues);
  } catch (error) {
    issues.invalid(['detection'], `cannot be compiled: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function logsourceSkip(logsource: unknown, issues: IssueList): string | undefined {
  if (typeof logsource !== 'object' || logsource === null || Array.isArray(logsource)) {
    issues.invalid(['logsource'], logsource === undefined ? 'logsource is required' : 'logsource must be a mapping (product, service, category)');
    return undefined;
  }
  const { product, service, category } = logsource as Record<string, unknown>;
  const text = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : '');
  if (text(product) === 'aws' && text(service) === 'cloudtrail') return undefined;
  const described = Object.entries({ product, service, category })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
  return `its logsource (${described || 'empty'}) is not "product: aws, service: cloudtrail"`;
}

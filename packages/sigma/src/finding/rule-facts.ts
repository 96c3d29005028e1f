import type { RuleHeader } from '../rules/rule-header.ts';
import type { RuleOrigin } from './rule-meta.ts';

/** What findings say about the Sigma rule behind them. */
export function ruleFacts(rule: { readonly header: RuleHeader; readonly origin: RuleOrigin }): Record<string, string | number | null> {
  return {
    title: rule.header.title,
    id: rule.header.id ?? null,
    name: rule.header.name ?? null,
    level: rule.header.level ?? null,
    status: rule.header.status ?? null,
    file: rule.origin.file,
    line: rule.origin.line,
  };
}

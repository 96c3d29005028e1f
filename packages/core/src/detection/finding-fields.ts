import type { Finding } from '../finding/finding.ts';
import { scalar, walkPath } from './record-field.ts';

/**
 * Reads a field of a finding, as `suppress.by` and `exceptions` name them:
 * a key of the finding's `group` (`accessKeyId`, `user`, `src`…), else
 * `details.<path>`, else a dotted path into each evidence record
 * (`userIdentity.arn`, `sourceIPAddress`). Returns every value found (one
 * per evidence record that has it); strings, numbers and booleans only.
 *
 * @example
 * ```ts
 * const read = findingField('userIdentity.sessionContext.sessionIssuer.arn');
 * read(finding); // ['arn:aws:iam::123456789012:role/ci']
 * ```
 */
export function findingField(field: string): (finding: Finding) => string[] {
  const detailsPath = field.startsWith('details.') ? field.slice('details.'.length).split('.') : undefined;
  const path = field.split('.');
  return (finding) => {
    const grouped = finding.group[field];
    if (grouped !== undefined) return [grouped];
    if (detailsPath !== undefined) {
      const value = scalar(walkPath(finding.details, detailsPath));
      return value === undefined ? [] : [value];
    }
    const values: string[] = [];
    for (const record of finding.evidence) {
      const value = scalar(walkPath(record, path));
      if (value !== undefined) values.push(value);
    }
    return values;
  };
}

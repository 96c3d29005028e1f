import type { AttackMapping, AttackReference } from '@jackwatch/core';

// Enterprise ATT&CK tactics by the slug Sigma tags use. Newer tactic slugs keep their slug as id.
const TACTICS: Readonly<Record<string, AttackReference>> = {
  reconnaissance: { id: 'TA0043', name: 'Reconnaissance' },
  'resource-development': { id: 'TA0042', name: 'Resource Development' },
  'initial-access': { id: 'TA0001', name: 'Initial Access' },
  execution: { id: 'TA0002', name: 'Execution' },
  persistence: { id: 'TA0003', name: 'Persistence' },
  'privilege-escalation': { id: 'TA0004', name: 'Privilege Escalation' },
  'defense-evasion': { id: 'TA0005', name: 'Defense Evasion' },
  'credential-access': { id: 'TA0006', name: 'Credential Access' },
  discovery: { id: 'TA0007', name: 'Discovery' },
  'lateral-movement': { id: 'TA0008', name: 'Lateral Movement' },
  collection: { id: 'TA0009', name: 'Collection' },
  exfiltration: { id: 'TA0010', name: 'Exfiltration' },
  'command-and-control': { id: 'TA0011', name: 'Command and Control' },
  impact: { id: 'TA0040', name: 'Impact' },
};

const TECHNIQUE = /^t\d{4}(?:\.\d{3})?$/;
const GROUP_OR_SOFTWARE = /^[gs]\d{4}$/;

/**
 * The ATT&CK mapping of a rule's `attack.*` tags: `attack.t1580` → technique
 * `T1580`, `attack.discovery` → tactic `TA0007 Discovery`. Technique names
 * are not in the rule, so a technique is named by its id; a tactic slug this
 * table does not know keeps the slug as its id, titled for its name.
 * Group and software tags (`attack.g0016`) are not tactics or techniques.
 */
export function attackFromTags(tags: readonly string[]): AttackMapping {
  const tactics: AttackReference[] = [];
  const techniques: AttackReference[] = [];
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (!lower.startsWith('attack.')) continue;
    const value = lower.slice('attack.'.length);
    if (value === '' || GROUP_OR_SOFTWARE.test(value)) continue;
    if (TECHNIQUE.test(value)) {
      const id = value.toUpperCase();
      if (!techniques.some((t) => t.id === id)) techniques.push({ id, name: id });
      continue;
    }
    const known = TACTICS[value.replaceAll('_', '-')] ?? { id: value, name: title(value) };
    if (!tactics.some((t) => t.id === known.id)) tactics.push(known);
  }
  return { tactics, techniques };
}

function title(slug: string): string {
  return slug
    .split(/[-_]/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

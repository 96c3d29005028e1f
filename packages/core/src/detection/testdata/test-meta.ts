import type { DetectorMeta } from '../../component/detector.ts';

/** A complete meta for primitive tests. */
export function testMeta(id: string): DetectorMeta {
  return {
    id,
    title: `Test rule ${id}`,
    version: '1.0.0',
    description: 'A rule used by the primitive tests.',
    severity: 'medium',
    riskScore: 50,
    attack: { tactics: [{ id: 'TA0007', name: 'Discovery' }], techniques: [{ id: 'T1580', name: 'Cloud Infrastructure Discovery' }] },
    references: ['https://example.com/rule'],
    tags: ['Test'],
    falsePositives: ['None, it is a test.'],
    investigation: 'Read the test.',
  };
}

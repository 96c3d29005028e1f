import { describe, expect, it } from 'vitest';
import { ruleAFindings } from '../testing/finding-fixture.ts';
import { FindingQueue } from './finding-queue.ts';

describe('FindingQueue', () => {
  it('takes only what fits and keeps order', () => {
    const queue = new FindingQueue(3);
    const findings = ruleAFindings(5);
    expect(queue.push(findings, 0, 1)).toBe(3);
    expect(queue.push(findings, 3, 2)).toBe(0);
    expect(queue.peek(2).map((f) => f.id)).toEqual(findings.slice(0, 2).map((f) => f.id));
    expect(queue.remove(2).map((f) => f.id)).toEqual(findings.slice(0, 2).map((f) => f.id));
    expect(queue.push(findings, 3, 3)).toBe(2);
    expect(queue.peek(10).map((f) => f.id)).toEqual(findings.slice(2).map((f) => f.id));
    expect(queue.oldestAcceptedAt()).toBe(1);
  });

  it('makes a producer wait until a finding is removed', async () => {
    const queue = new FindingQueue(1);
    queue.push(ruleAFindings(1), 0, 0);
    let waited = false;
    const room = queue.waitForRoom().then(() => {
      waited = true;
    });
    await Promise.resolve();
    expect(queue.blocked).toBe(true);
    expect(waited).toBe(false);
    queue.remove(1);
    await room;
    expect(waited).toBe(true);
    expect(queue.blocked).toBe(false);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new FindingQueue(0)).toThrow(RangeError);
  });
});

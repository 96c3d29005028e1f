import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';

describe('CircuitBreaker', () => {
  it('opens after `failures` batches in a row, then hands out one probe per interval until one is delivered', () => {
    const breaker = new CircuitBreaker({ failures: 3, probeInterval: 1000 });
    expect(breaker.gaveUp(0, 'HTTP 503')).toBe(false);
    breaker.delivered(); // a success in between resets the count
    expect([breaker.gaveUp(1, 'a'), breaker.gaveUp(2, 'b'), breaker.gaveUp(3, 'HTTP 503')]).toEqual([false, false, true]);
    expect(breaker.isOpen).toBe(true);
    expect(breaker.reason).toBe('HTTP 503');
    expect([breaker.admit(10), breaker.admit(1002)]).toEqual(['dead-letter', 'dead-letter']);
    expect(breaker.admit(1003)).toBe('probe');
    expect(breaker.admit(1004)).toBe('dead-letter');
    expect(breaker.gaveUp(1005, 'still down')).toBe(false);
    expect(breaker.admit(2003)).toBe('probe');
    expect(breaker.delivered()).toBe(true);
    expect(breaker.admit(2004)).toBe('deliver');
  });

  it('never opens with failures: 0', () => {
    const breaker = new CircuitBreaker({ failures: 0, probeInterval: 1000 });
    for (let i = 0; i < 100; i++) expect(breaker.gaveUp(i, 'down')).toBe(false);
    expect(breaker.admit(200)).toBe('deliver');
  });
});

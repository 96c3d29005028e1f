import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean } from './did-you-mean.ts';

describe('closestMatch', () => {
  it('finds a one-letter typo and a transposition', () => {
    expect(closestMatch('bukcet', ['bucket', 'prefix', 'region'])).toBe('bucket');
    expect(closestMatch('supress', ['window', 'suppress', 'exceptions'])).toBe('suppress');
  });

  it('ignores case and prefers the closest candidate', () => {
    expect(closestMatch('Pipelines', ['plugins', 'pipelines'])).toBe('pipelines');
    expect(closestMatch('webhook/slck', ['webhook/slack', 'webhook/teams'])).toBe('webhook/slack');
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(closestMatch('kinesis', ['file', 's3', 'cloudwatch-logs'])).toBeUndefined();
  });

  it('never suggests the word itself', () => {
    expect(closestMatch('s3', ['s3'])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('phrases a suggestion', () => {
    expect(didYouMean('s4', ['file', 's3'])).toBe('; did you mean "s3"?');
  });

  it('lists a few candidates when none is close', () => {
    expect(didYouMean('kinesis', ['file', 's3'])).toBe('; expected one of "file", "s3"');
  });

  it('says nothing when there are no candidates', () => {
    expect(didYouMean('x', [])).toBe('');
  });
});

import { createComponentContext } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { cloudWatchLogsSourceFactory } from './factory.ts';

describe('cloudwatch-logs factory', () => {
  it('is a source of type cloudwatch-logs whose schema names what is required', () => {
    expect(cloudWatchLogsSourceFactory.kind).toBe('source');
    expect(cloudWatchLogsSourceFactory.type).toBe('cloudwatch-logs');
    expect(cloudWatchLogsSourceFactory.configSchema.safeParse({}).error?.issues[0]?.path).toEqual(['logGroups']);
  });

  it('creates a source that shuts down without start, twice, touching no network', async () => {
    const config = cloudWatchLogsSourceFactory.configSchema.parse({ logGroups: ['g'], region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
    const source = cloudWatchLogsSourceFactory.create(config, createComponentContext('cloudwatch-logs'));
    await source.shutdown();
    await source.shutdown();
  });

  it('derives the pushed-down filter from the interest it is created with', () => {
    const config = cloudWatchLogsSourceFactory.configSchema.parse({ logGroups: ['g'] });
    const interest = [{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }];
    const source = cloudWatchLogsSourceFactory.create(config, createComponentContext('cloudwatch-logs', { interest }));
    expect((source as unknown as { filterPattern: string }).filterPattern).toBe('{ ($.eventSource = "bedrock.amazonaws.com") && ($.eventName = "InvokeModel") }');
  });
});

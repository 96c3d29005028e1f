/**
 * A CloudWatch Logs fake for tests: the real AWS JSON 1.1 protocol and the
 * StartLiveTail event stream on 127.0.0.1, for the real SDK client.
 */
export { startFakeCloudWatchLogs } from './fake-cloudwatch-logs.ts';
export type { FakeCloudWatchLogs, FakeCloudWatchLogsOptions, FakeReadStats, RecordedRequest } from './fake-cloudwatch-logs.ts';
export { FakeLogStore } from './fake-log-store.ts';
export type { FakeLogGroup, LogEventInput, StoredLogEvent } from './fake-log-store.ts';
export { LiveTailSessions } from './live-tail.ts';
export type { GroupNaming } from './live-tail.ts';
export { compileFilterPattern, FilterPatternSyntaxError } from './filter-pattern-matcher.ts';
export type { MessageMatcher } from './filter-pattern-matcher.ts';

import { type CloudWatchLogsClient, type LiveTailSessionLogEvent, StartLiveTailCommand } from '@aws-sdk/client-cloudwatch-logs';
import { retryAws, type RetryOptions } from '../aws/retry-aws.ts';

/** What a Live Tail session says: it started, or here are log events (a sample of them when `sampled`). */
export type LiveTailUpdate =
  | { readonly kind: 'started' }
  | { readonly kind: 'events'; readonly events: readonly LiveTailSessionLogEvent[]; readonly sampled: boolean };

/** The StartLiveTail request of a session. */
export interface LiveTailRequest {
  readonly logGroupArns: readonly string[];
  readonly logStreamNamePrefix: string | undefined;
  readonly filterPattern: string;
}

/**
 * Opens a Live Tail session (retrying the request with backoff; an access
 * error names `logs:StartLiveTail` and the groups) and yields its updates.
 * The iteration ends normally when CloudWatch ends the session after its
 * 3 hours (`SessionTimeoutException`), and throws when the stream breaks.
 */
export async function* liveTailSession(client: CloudWatchLogsClient, request: LiveTailRequest, retry: RetryOptions): AsyncGenerator<LiveTailUpdate> {
  const command = new StartLiveTailCommand({
    logGroupIdentifiers: [...request.logGroupArns],
    ...(request.logStreamNamePrefix !== undefined && { logStreamNamePrefixes: [request.logStreamNamePrefix] }),
    ...(request.filterPattern !== '' && { logEventFilterPattern: request.filterPattern }),
  });
  const operation = { permission: 'logs:StartLiveTail', resource: `log groups ${request.logGroupArns.join(', ')}` };
  const response = await retryAws(operation, () => client.send(command, { abortSignal: retry.signal }), retry);
  try {
    for await (const message of response.responseStream ?? []) {
      if (message.sessionStart !== undefined) yield { kind: 'started' };
      else if (message.sessionUpdate !== undefined) {
        const update = message.sessionUpdate;
        yield { kind: 'events', events: update.sessionResults ?? [], sampled: update.sessionMetadata?.sampled === true };
      } else if (message.SessionStreamingException !== undefined) {
        throw new Error(`Live Tail stream failed: ${message.SessionStreamingException.message ?? 'SessionStreamingException'}`);
      } else if (message.SessionTimeoutException !== undefined) return;
    }
  } catch (error) {
    if ((error as { name?: unknown }).name === 'SessionTimeoutException') return;
    throw error;
  }
}

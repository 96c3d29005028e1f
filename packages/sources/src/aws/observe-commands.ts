/** One AWS SDK command a source is about to send. */
export interface AwsCommandCall {
  /** The SDK client, e.g. `S3Client`, `SQSClient`, `CloudWatchLogsClient`. */
  readonly client: string;
  /** The command without its `Command` suffix, e.g. `ListObjectsV2`. */
  readonly command: string;
}

/** Called with every command a source's AWS clients send, before it is signed (retries are not repeated). */
export type AwsCommandObserver = (call: AwsCommandCall) => void;

// The part of an SDK client's middleware stack used here, in the SDK's own terms but without its types package.
type Handler = (args: unknown) => Promise<unknown>;
type AddInitializeMiddleware = (middleware: (next: Handler, context: { clientName?: string; commandName?: string }) => Handler, options: { step: 'initialize'; name: string }) => void;

/**
 * Tells `observer` about every command `client` sends. The test seam behind
 * the IAM policy check (each command a source sends must be allowed by the
 * documented policy of its mode); without an observer the client is left as
 * it is.
 */
export function observeCommands<Client extends { readonly middlewareStack: object }>(client: Client, observer: AwsCommandObserver | undefined): Client {
  if (observer === undefined) return client;
  const stack = client.middlewareStack as { add: AddInitializeMiddleware };
  stack.add(
    (next, context) => (args) => {
      observer({ client: context.clientName ?? 'unknown', command: (context.commandName ?? 'unknown').replace(/Command$/, '') });
      return next(args);
    },
    { step: 'initialize', name: 'jackwatchObserveCommands' },
  );
  return client;
}

/**
 * A source or sink that failed to start — a bucket that does not exist,
 * access denied, a dead-letter file that cannot be opened: names the
 * component, and keeps what it threw as `cause`. Thrown by
 * `Pipeline.start` (a config error is thrown as it is: it already names its
 * place in the config).
 */
export class ComponentStartError extends Error {
  override readonly name = 'ComponentStartError';
  /** The component's id, as in the config (`s3/trail`). */
  readonly component: string;
  readonly kind: 'source' | 'sink';

  constructor(kind: 'source' | 'sink', component: string, cause: unknown) {
    super(`${kind} ${component} did not start: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.component = component;
    this.kind = kind;
  }
}

import type { ComponentContext } from './component-context.ts';

/**
 * One check a component's probe made, as `jackwatch validate --probe`
 * prints it: what was checked and whether it passed. Never holds a secret:
 * name a URL by its origin, credentials by where they came from.
 */
export interface ProbeResult {
  /** What was checked, e.g. `s3:HeadBucket s3://org-trail`, `tls hooks.example.com:443`, `path /var/log/trail`. */
  readonly check: string;
  readonly ok: boolean;
  /** What was found (`reachable`, `TLS verified`) or, when `ok` is false, what is wrong and what to fix. */
  readonly message: string;
}

/** What a probe is given beside its component's config. */
export interface ProbeOptions {
  /** Aborts when the probe's time is up: stop, the caller reports a timeout. */
  readonly signal: AbortSignal;
  /** The time each single check may take; pass it to {@link probeCheck}. */
  readonly timeoutMs: number;
}

/**
 * The optional `probe` capability of a component factory: checks what can
 * be checked without reading any data — paths exist and are readable,
 * credentials resolve, a bucket, queue or log group is reachable with the
 * permission the component needs, a receiver's host resolves and its TLS
 * certificate verifies. `jackwatch validate --probe` calls it for every
 * component of a config whose factory has it, first-party or plugin alike.
 * It must not throw for a failed check (report it as `ok: false`) and must
 * keep each check within `options.timeoutMs` ({@link probeCheck} does both).
 */
export type ProbeCapability<Config> = (config: Config, context: ComponentContext, options: ProbeOptions) => Promise<readonly ProbeResult[]>;

/**
 * Runs one check of a probe within `timeoutMs`: resolves `{ ok: true }` with
 * the message `run` returns (default `ok`), `{ ok: false }` with the error's
 * message when it throws, or a timeout when it takes longer — `run`'s signal
 * is aborted then, so it can close its sockets. Never rejects.
 *
 * @example
 * ```ts
 * await probeCheck(`s3:HeadBucket s3://${bucket}`, options.timeoutMs, (signal) => s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal }).then(() => 'reachable'));
 * ```
 */
export async function probeCheck(check: string, timeoutMs: number, run: (signal: AbortSignal) => Promise<string | void>, outer?: AbortSignal): Promise<ProbeResult> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  outer?.addEventListener('abort', abort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ check, ok: false, message: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const ran = (async (): Promise<ProbeResult> => {
    if (outer?.aborted) return { check, ok: false, message: 'not run: the probe was stopped' };
    try {
      return { check, ok: true, message: (await run(controller.signal)) || 'ok' };
    } catch (error) {
      return { check, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  })();
  try {
    return await Promise.race([ran, timedOut]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', abort);
  }
}

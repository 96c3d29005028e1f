import type { Sink, SinkStats } from '../component/sink.ts';
import type { Finding } from '../finding/finding.ts';

/**
 * A {@link Sink} that hands each batch of findings to your function and
 * waits for it (so a slow consumer slows the pipeline down, never grows a
 * queue). When the function throws, the pipeline reports the error through
 * its error hook and counts those findings lost (see `PipelineResult.sinks`).
 *
 * @example
 * ```ts
 * const sink = callbackSink(async (findings) => { await db.insertFindings(findings); });
 * ```
 */
export function callbackSink(deliver: (findings: readonly Finding[]) => void | Promise<void>): Sink {
  let delivered = 0;
  let shutDown = false;
  return {
    start: () => Promise.resolve(),
    async export(findings) {
      if (shutDown) throw new Error('callback sink is shut down');
      await deliver(findings);
      delivered += findings.length;
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => {
      shutDown = true;
      return Promise.resolve();
    },
    stats: (): SinkStats => ({ accepted: delivered, delivered, retried: 0, deadLettered: 0, queued: 0 }),
  };
}

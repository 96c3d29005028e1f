import type { Sink } from '../component/sink.ts';

/**
 * One sink serving several pipelines: a single instance (one queue, one
 * connection, one dead-letter file), started once and shut down when the
 * last pipeline shuts its handle down. `export`, `forceFlush` and `stats`
 * go to the one instance, so each pipeline's summary shows the sink's whole
 * accounting.
 */
export function shareSink(sink: Sink, consumers: number): Sink[] {
  if (consumers <= 1) return [sink];
  let started: Promise<void> | undefined;
  let open = consumers;
  let shutdown: Promise<void> | undefined;
  const stats = sink.stats?.bind(sink);
  return Array.from({ length: consumers }, () => {
    let closed = false;
    return {
      start: () => (started ??= sink.start()),
      export: (findings) => sink.export(findings),
      forceFlush: () => sink.forceFlush(),
      ...(stats ? { stats } : {}),
      shutdown: async () => {
        if (!closed) {
          closed = true;
          open--;
        }
        if (open === 0) await (shutdown ??= sink.shutdown());
        else await sink.forceFlush();
      },
    };
  });
}

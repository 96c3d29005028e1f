import { METRICS, type Telemetry } from '@jackwatch/core';

/** Observes the agent process's memory as `jackwatch.process.memory.usage` (bytes, by `type`). */
export function observeProcessMemory(telemetry: Telemetry): void {
  telemetry.observe(METRICS.processMemory.name, (record) => {
    const usage = process.memoryUsage();
    record(usage.rss, { type: 'rss' });
    record(usage.heapUsed, { type: 'heap_used' });
    record(usage.heapTotal, { type: 'heap_total' });
    record(usage.external, { type: 'external' });
  });
}

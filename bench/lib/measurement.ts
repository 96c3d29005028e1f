/** What one measurement child reports on its last stdout line, as JSON. */
export interface Measurement {
  /** Records of the dataset processed (read, whether decoded or skipped). */
  readonly records: number;
  /** Wall time of the measured work, excluding process start and module loading. */
  readonly seconds: number;
  /** Peak resident set of the process (kB). */
  readonly maxRssKb: number;
  /** Mode-specific facts: events decoded, findings, selected records… */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Prints `measurement` as the child's result line. */
export function report(measurement: Measurement): void {
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

/** Peak resident set of this process so far, in kB. */
export function peakRssKb(): number {
  return process.resourceUsage().maxRSS;
}

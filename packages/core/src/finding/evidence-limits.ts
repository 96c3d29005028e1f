/** How much evidence a finding may carry into a sink's output. */
export interface EvidenceLimits {
  /**
   * Most bytes of JSON all evidence records of one finding may take together.
   * Records are kept in order while they fit; each one past the limit is
   * replaced by a marker (see `omittedEvidence`).
   */
  readonly maxBytes: number;
  /** Deepest nesting of objects and arrays in one evidence record (the record itself is level 1). */
  readonly maxDepth: number;
}

/** 256 KiB of evidence per finding, records nested at most 1000 levels. */
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { maxBytes: 256 * 1024, maxDepth: 1000 };

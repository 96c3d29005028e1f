import { DEFAULT_EVIDENCE_LIMITS, sizeSchema } from '@jackwatch/core';
import { z } from 'zod';

const MIN_EVIDENCE_SIZE = 1024;
const MAX_EVIDENCE_SIZE = 64 * 1024 * 1024;

/**
 * `maxEvidenceSize`: most bytes of JSON the evidence records of one finding
 * may take in a sink's output (and its dead-letter file). Records past it,
 * and records that cannot be serialised at all, are replaced by markers.
 */
export const maxEvidenceSizeSchema = sizeSchema
  .pipe(
    z
      .number()
      .min(MIN_EVIDENCE_SIZE, 'maxEvidenceSize must be at least 1KiB')
      .max(MAX_EVIDENCE_SIZE, 'maxEvidenceSize must be at most 64MiB'),
  )
  .prefault(`${DEFAULT_EVIDENCE_LIMITS.maxBytes / 1024}KiB`);

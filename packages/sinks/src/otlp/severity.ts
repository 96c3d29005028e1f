import { SeverityNumber } from '@opentelemetry/api';
import type { Severity } from '@jackwatch/core';

/**
 * Finding severity → OpenTelemetry `SeverityNumber`, so that a backend's
 * usual filters work: `>= WARN` keeps everything but informational findings,
 * `>= ERROR` keeps medium and above.
 */
export const SEVERITY_NUMBERS: Readonly<Record<Severity, SeverityNumber>> = {
  informational: SeverityNumber.INFO,
  low: SeverityNumber.WARN,
  medium: SeverityNumber.ERROR,
  high: SeverityNumber.ERROR3,
  critical: SeverityNumber.FATAL,
};

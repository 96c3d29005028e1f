import { createComponentContext, type Detector, isDetectorBundle, type LogAttributes, type Logger } from '@jackwatch/core';
import type { JackwatchConfig } from '@jackwatch/core/config';
import { describeInterest } from './describe-interest.ts';

/** What creating a config's detectors shows: one block per detector entry, and the warnings they logged. */
export interface DetectorListing {
  readonly lines: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Creates every detector a config defines, as the runtime would, and lists
 * each with its interest — and, for an entry that runs several detectors (a
 * directory of Sigma rules), each member with its id, title and interest.
 * Creating them also checks what only creation can (rule files that exist
 * and compile): a detector that cannot be created throws, as at `run`.
 */
export function listDetectors(config: JackwatchConfig): DetectorListing {
  const warnings: string[] = [];
  const lines: string[] = [];
  for (const [id, resolved] of config.detectors) {
    const logger = collectingLogger(warnings, id);
    const detector = resolved.factory.create(resolved.config as never, createComponentContext(id, { baseDir: config.baseDir, logger })) as Detector;
    if (!isDetectorBundle(detector)) {
      lines.push(`  ${id}  interest: ${describeInterest(detector.interest)}`);
      continue;
    }
    lines.push(`  ${id}: ${detector.members.length} detector(s)`);
    for (const member of detector.members) lines.push(`    ${member.id}  ${member.detector.meta.title}  [${member.detector.meta.severity}]  interest: ${describeInterest(member.detector.interest)}`);
  }
  return { lines, warnings };
}

// Keeps warnings and errors for the command to print; info and debug are not a listing's business.
function collectingLogger(into: string[], component: string): Logger {
  const logger: Logger = {
    debug() {},
    info() {},
    warn: (message: string, _attributes?: LogAttributes) => into.push(`${component}: ${message}`),
    error: (message: string, _attributes?: LogAttributes) => into.push(`${component}: ${message}`),
    child: () => logger,
  };
  return logger;
}

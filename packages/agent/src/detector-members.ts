import { ConfigError, createComponentContext, type Detector, isDetectorBundle, type LogAttributes, type Logger } from '@jackwatch/core';
import { repeatedDetectorIssue, type ConfigLocator, type JackwatchConfig } from '@jackwatch/core/config';
import { withConfigLines } from './locate-config-issues.ts';
import { describeInterest } from './describe-interest.ts';

/** One detector a config creates, or one member of an entry that runs several. */
export interface DetectorMember {
  readonly id: string;
  readonly title?: string;
  readonly severity?: string;
  /** Its interest, in words (`describeInterest`). */
  readonly interest: string;
}

/** One detector entry of a config: a detector, or a bundle of `members`. */
export interface DetectorEntry {
  readonly id: string;
  readonly interest?: string;
  readonly members?: readonly DetectorMember[];
}

/** What creating a config's detectors shows: one block per detector entry (as lines and as data), and the warnings they logged. */
export interface DetectorListing {
  readonly lines: readonly string[];
  readonly entries: readonly DetectorEntry[];
  readonly warnings: readonly string[];
}

/**
 * Creates every detector a config defines, as the runtime would, and lists
 * each with its interest — and, for an entry that runs several detectors (a
 * directory of Sigma rules), each member with its id, title and interest.
 * Creating them also checks what only creation can (rule files that exist
 * and compile, no pipeline running a detector twice through two entries): a
 * detector that cannot be created throws, as at `run`; `locate` gives a
 * problem the line of its path in the config file.
 */
export function listDetectors(config: JackwatchConfig, locate?: ConfigLocator): DetectorListing {
  return withConfigLines(locate, () => createListing(config));
}

function createListing(config: JackwatchConfig): DetectorListing {
  const warnings: string[] = [];
  const lines: string[] = [];
  const entries: DetectorEntry[] = [];
  const membersOf = new Map<string, readonly string[]>();
  for (const [id, resolved] of config.detectors) {
    const logger = collectingLogger(warnings, id);
    const detector = resolved.factory.create(resolved.config as never, createComponentContext(id, { baseDir: config.baseDir, logger })) as Detector;
    membersOf.set(id, isDetectorBundle(detector) ? detector.members.map((m) => m.id) : [id]);
    if (!isDetectorBundle(detector)) {
      const interest = describeInterest(detector.interest);
      lines.push(`  ${id}  interest: ${interest}`);
      entries.push({ id, interest });
      continue;
    }
    lines.push(`  ${id}: ${detector.members.length} detector(s)`);
    const members = detector.members.map(({ id: memberId, detector: member }) => ({
      id: memberId,
      title: member.meta.title,
      severity: member.meta.severity,
      interest: describeInterest(member.interest),
    }));
    for (const m of members) lines.push(`    ${m.id}  ${m.title}  [${m.severity}]  interest: ${m.interest}`);
    entries.push({ id, members });
  }
  const repeated = [...config.pipelines.values()].flatMap((pipeline) => repeatedDetectorIssue(config.file, pipeline, (entry) => membersOf.get(entry) ?? []) ?? []);
  if (repeated.length > 0) throw new ConfigError(repeated);
  return { lines, entries, warnings };
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

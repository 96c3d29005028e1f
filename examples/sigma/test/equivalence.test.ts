import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBuffer, detectorBundle, type Detector, type Finding, type TrailEvent } from '@jackwatch/core';
import { bedrockDetectors } from '@jackwatch/detectors';
import { EventFactory, rootUser, runDetector, testContext, awsService } from '@jackwatch/core/testing';
import { sigmaDetectorFactory, sigmaConfigSchema } from '@jackwatch/sigma';
import { describe, expect, it } from 'vitest';
import { bedrockStream } from './bedrock-stream.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RULES = join(HERE, '..', 'rules');
const QUICKSTART_LOGS = join(HERE, '..', '..', 'quickstart', 'logs');
// The four seed rules (A, B high, B medium, C) that examples/sigma writes as Sigma; the pack's others have no Sigma form here.
const SEED_RULES = bedrockDetectors.filter((factory) =>
  ['aws-bedrock-enum-then-invoke-long-term-key', 'aws-bedrock-logging-deletion', 'aws-bedrock-logging-deletion-non-admin', 'aws-bedrock-list-models-failures'].includes(factory.type),
);
const LATENESS = 15 * 60_000;

/** The four shipped TypeScript detectors, default options, as one bundle. */
function typescriptRules(): Detector {
  const members = SEED_RULES.map((factory) => ({ id: factory.type, detector: factory.create(factory.configSchema.parse({}), testContext(factory.type)) }));
  return detectorBundle({ ...members[0]!.detector.meta, id: 'bedrock' }, members);
}

/** The same four rules written as Sigma (examples/sigma/rules), named as the TypeScript detectors so finding ids can match. */
function sigmaRules(): Detector {
  return sigmaDetectorFactory.create(sigmaConfigSchema.parse({ rules: [RULES] }), testContext('sigma', { baseDir: HERE }));
}

/** What must be identical: id (detector and anchor), times and the evidence records. Summary, group and details are each rule's own words. */
function comparable(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.id} ${f.detector.id} ${f.time} ${f.firstTime} ${f.lastTime} ${f.evidence.map((r) => r.eventID).join(',')}`).sort();
}

function quickstartEvents(): TrailEvent[] {
  const files = readdirSync(QUICKSTART_LOGS, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files.flatMap((entry) => {
    const path = join(entry.parentPath, entry.name);
    return decodeBuffer(readFileSync(path), { source: 'quickstart', location: path }).events;
  });
}

describe('the Bedrock rules written as Sigma give the findings of the TypeScript rules', () => {
  it('on the quickstart logs: the same five findings, ids included', () => {
    const events = quickstartEvents();
    const expected = comparable(runDetector(typescriptRules(), events).findings);
    expect(expected).toHaveLength(5);
    expect(comparable(runDetector(sigmaRules(), events).findings)).toEqual(expected);
  });

  it('on a generated stream of 3,000 calls, sorted and in shuffled arrival orders within the lateness', () => {
    const events = bedrockStream('sigma-equivalence');
    const sorted = comparable(runDetector(typescriptRules(), events).findings);
    // The stream exercises every rule.
    for (const rule of SEED_RULES) expect(sorted.some((line) => line.split(' ')[1] === rule.type), rule.type).toBe(true);
    expect(comparable(runDetector(sigmaRules(), events).findings)).toEqual(sorted);
    for (let seed = 1; seed <= 5; seed++) {
      const options = { order: 'shuffled' as const, seed, allowedLateness: LATENESS, batchSize: 50 };
      expect(comparable(runDetector(sigmaRules(), events, options).findings), `seed ${seed}`).toEqual(comparable(runDetector(typescriptRules(), events, options).findings));
    }
  });

  it('where they cannot be identical: rule C groups principals that have no user name together in Sigma', () => {
    // Splunk's `user` (the TypeScript rule) falls back on the arn's last segment: the root user is "root" and an
    // AWS service principal is its own group. Sigma's group-by names record fields only, and neither principal
    // has userIdentity.userName or a session issuer, so both land in one group: five refusals each, from the
    // same address and agent, make ten there and fire, while each TypeScript group holds five.
    const ev = new EventFactory('no-user-name');
    const spec = { action: 'ListFoundationModels', errorCode: 'AccessDenied', sourceIp: '198.51.100.20', userAgent: 'probe/1.0' };
    const events = [
      ...ev.events(5, (i) => ({ ...spec, time: Date.parse('2026-11-20T10:00:00Z') + i * 60_000, identity: rootUser() })),
      ...ev.events(5, (i) => ({ ...spec, time: Date.parse('2026-11-20T10:00:30Z') + i * 60_000, identity: { ...awsService(), userIdentity: { ...awsService().userIdentity, accountId: rootUser().account } } })),
    ];
    expect(runDetector(typescriptRules(), events).findings).toEqual([]);
    expect(runDetector(sigmaRules(), events).findings.map((f) => [f.detector.id, f.group['userIdentity.userName'], f.details?.['count']])).toEqual([['aws-bedrock-list-models-failures', 'unknown', 10]]);
  });
});

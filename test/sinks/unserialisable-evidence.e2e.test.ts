import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVIDENCE_OMITTED_KEY, findingId, type Finding } from '@jackwatch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { OtlpHttpReceiver } from '../../packages/sinks/src/testing/otlp-http-receiver.ts';
import { WebhookReceiver } from '../../packages/sinks/src/testing/webhook-receiver.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';
import { writeHostileTrail } from './support/hostile-trail.ts';

const RULE = 'aws-bedrock-logging-deletion';

const config = (logs: string, webhookUrl: string, otlpEndpoint: string): string => `service: { checkpoints: { memory: true } }
sources:
  file: { paths: [${JSON.stringify(logs)}] }
detectors:
  ${RULE}: {}
sinks:
  stdout: { format: json }
  webhook: { url: ${webhookUrl}, batch: { maxWait: 50ms } }
  otlp: { endpoint: ${otlpEndpoint}, batch: { maxWait: 50ms } }
pipelines:
  default: { sources: [file], detectors: [${RULE}], sinks: [stdout, webhook, otlp] }
`;

describe('a trail holding a record 100,000 levels deep and one of 5 MB, next to good ones', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(cleanup.splice(0).map((close) => close()));
  });

  it('delivers every finding to every sink, the bad records as markers, and exits 0', async () => {
    const trail = await writeHostileTrail();
    const webhook = await WebhookReceiver.start();
    const otlp = await OtlpHttpReceiver.start();
    cleanup.push(() => webhook.close(), () => otlp.close(), () => rm(trail.dir, { recursive: true, force: true }));
    const file = join(trail.dir, 'config.yaml');
    await writeFile(file, config(trail.logs, webhook.url, otlp.endpoint));

    const { code, stdout, stderr } = await runCli(['run', '--config', file]);
    expect(code, stderr).toBe(0);

    const expectedIds = trail.eventIds.map((eventId) => findingId(RULE, eventId)).sort();
    const printed = jsonLines<Finding>(stdout);
    const posted = (webhook.deliveredBodies() as Array<{ findings: Finding[] }>).flatMap((body) => body.findings);
    expect(printed.map((f) => f.id).sort()).toEqual(expectedIds);
    expect(posted.map((f) => f.id).sort()).toEqual(expectedIds);
    expect(otlp.acceptedRecords().map((r) => r.attributes['log.record.uid']).sort()).toEqual(expectedIds);

    for (const findings of [printed, posted]) {
      const byEvent = new Map(findings.map((f) => [f.evidence[0]?.eventID, f.evidence[0]]));
      expect(byEvent.get(trail.deepEventId)).toMatchObject({ [EVIDENCE_OMITTED_KEY]: 'nested deeper than 1000 levels', eventName: 'DeleteModelInvocationLoggingConfiguration', eventTime: expect.any(String) });
      expect(byEvent.get(trail.hugeEventId)).toMatchObject({ [EVIDENCE_OMITTED_KEY]: expect.stringContaining('262144 bytes of JSON') });
      expect(byEvent.get(trail.eventIds[0])).toMatchObject({ eventID: trail.eventIds[0], requestParameters: null });
      expect(byEvent.get(trail.eventIds[0])).not.toHaveProperty(EVIDENCE_OMITTED_KEY);
    }

    for (const sink of ['stdout', 'webhook', 'otlp']) {
      expect(stderr).toMatch(new RegExp(`sink ${sink}: delivered 4, retried \\d+, dead-lettered 0, queued 0 \\(accepted 4\\)`));
    }
    expect(stderr).not.toMatch(/LOST|ERRORS|FAILED|Maximum call stack/);
    expect(stderr).toMatch(/finding delivered with what could not be written left out/);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../support/run-cli.ts';

const RULE = 'aws-bedrock-logging-deletion';

/** A DeleteModelInvocationLoggingConfiguration whose eventSource is written with JSON escapes: the same record once parsed. */
function escapedRecord(eventID: string): string {
  const record = {
    eventVersion: '1.08', eventTime: '2026-11-20T09:00:00Z', eventSource: 'SOURCE', eventName: 'DeleteModelInvocationLoggingConfiguration',
    awsRegion: 'us-east-1', recipientAccountId: '111122223333', eventID,
    userIdentity: { type: 'IAMUser', accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', arn: 'arn:aws:iam::111122223333:user/bob', userName: 'bob', accountId: '111122223333' },
  };
  return JSON.stringify(record).replace('"SOURCE"', '"bedrock\\u002eamazonaws\\u002ecom"');
}

/** Another service's record, so that each file has something the prefilter may skip. */
const OTHER = JSON.stringify({ eventVersion: '1.08', eventTime: '2026-11-20T09:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', awsRegion: 'us-east-1', recipientAccountId: '111122223333', eventID: 'ec2' });

describe('jackwatch run with the prefilter on (the default), a record whose eventSource is written with JSON escapes', () => {
  let dir: string | undefined;
  afterEach(() => (dir === undefined ? undefined : rm(dir, { recursive: true, force: true })));

  it('is parsed and found in a delivery file, a JSON document and NDJSON, never skipped unparsed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-escaped-source-'));
    const logs = join(dir, 'logs');
    await mkdir(logs);
    const document = (id: string): string => `{"Records":[${OTHER},${escapedRecord(id)},${OTHER}]}`;
    await writeFile(join(logs, '111122223333_CloudTrail_us-east-1_20261120T0905Z_ab.json.gz'), gzipSync(document('in-gzip')));
    await writeFile(join(logs, 'export.json'), document('in-json'));
    await writeFile(join(logs, 'export.ndjson'), `${OTHER}\n${escapedRecord('in-ndjson')}\n`);
    const config = join(dir, 'config.yaml');
    await writeFile(
      config,
      `service: { checkpoints: { memory: true } }
sources:
  file: { paths: [${JSON.stringify(logs)}] }
detectors:
  ${RULE}: {}
sinks:
  stdout: {}
pipelines:
  default: { sources: [file], detectors: [${RULE}], sinks: [stdout] }
`,
    );
    const { code, stdout, stderr } = await runCli(['run', '--config', config]);
    expect(code, stderr).toBe(0);
    const anchors = jsonLines<{ evidence: { eventID: string }[] }>(stdout).map((finding) => finding.evidence[0]!.eventID);
    expect(anchors.sort()).toEqual(['in-gzip', 'in-json', 'in-ndjson']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBuffer, findingId } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { createSigmaBundle } from '../detector/factory.ts';
import { sigmaConfigSchema } from '../detector/config.ts';
import { sharedCloudTrail, sharedMissing, sharedSigmaRules } from '../testdata/shared-data.ts';
import { loadRuleSet } from './load-rule-set.ts';

/**
 * What each SigmaHQ CloudTrail rule matches in the public records, derived by
 * reading the rule: `real` lists the eventIDs among the 414 real records
 * (Stratus Red Team detonations, an OTRF dataset, an Elastic Converse event),
 * `panther` the 0-based lines of Panther's CloudTrail test events (their
 * eventIDs repeat, so lines identify them; `count` alone where there are many).
 */
const EXPECTED: Readonly<Record<string, { readonly rule: string; readonly real: readonly string[]; readonly panther: readonly number[] | { readonly count: number } }>> = {
  // DeleteGuardrail on bedrock: Panther's guardrail test has one deletion.
  '59b70e4d-dd17-44a9-b740-acf07ae3eb6a': { rule: 'bedrock guardrail deleted', real: [], panther: [17] },
  // UpdateGuardrail on bedrock: one update in the same Panther test.
  '1c722651-254a-4b04-a9f4-99b62a2d0a1f': { rule: 'bedrock guardrail updated', real: [], panther: [16] },
  // DeleteBucket with no errorCode (or 'Success'): no record deletes a bucket.
  '39c9f26d-6e3b-4dbb-9c7a-4154b0281112': { rule: 'bucket deleted', real: [], panther: [] },
  // ConsoleLogin with additionalEventData.MFAUsed NO and responseElements.ConsoleLogin Success: Stratus's console-login-without-mfa; 18 Panther login tests.
  '77caf516-34e5-4df9-b4db-20744fea0a60': { rule: 'console login without MFA', real: ['865d9377-9c6b-4fd7-8aad-725e95f6a140'], panther: [57, 71, 72, 73, 74, 78, 79, 80, 81, 82, 84, 87, 328, 468, 483, 504, 505, 531] },
  // cloudtrail.amazonaws.com StopLogging/UpdateTrail/DeleteTrail, any outcome: Stratus's cloudtrail-stop and cloudtrail-delete.
  '4db60cc0-36fb-42b7-9b58-a5b53019fb74': { rule: 'cloudtrail important change', real: ['ee73c230-44bc-4492-8542-cfb189eae287', '10163ed2-2253-469d-a5ee-cbc6651f8934'], panther: [50, 52, 399, 402, 452] },
  // guardduty DeleteDetector, or UpdateDetector with enable 'false' (a boolean false in the record), without error: none in the data.
  'd2656e78-c069-4571-8220-9e0ab5913f19': { rule: 'guardduty detector deleted or updated', real: [], panther: [] },
  // arn matching .+:assumed-role/aws:.+: the instance-profile sessions here are named by their role
  // (assumed-role/<role>/i-…), never aws:…, so none.
  '352a918a-34d8-4882-8470-44830c507aa3': { rule: 'IMDS credentials used outside AWS', real: [], panther: [] },
  // userAgent equal (not containing) to TruffleHog, case-insensitively: two Panther TruffleHog tests send exactly "TruffleHog".
  'a840e606-7c8c-4684-9bc1-eb6b6155127f': { rule: 'TruffleHog', real: [], panther: [422, 425] },
  // ec2 Authorize/Revoke SecurityGroup Ingress/Egress: Stratus's open-port-22 ingress.
  '6fb77778-040f-4015-9440-572aa9b6b580': { rule: 'security group change', real: ['9fd68588-ecbf-4528-a345-199fa6bb0821'], panther: [102, 104, 105, 106, 124, 126] },
  // ssm SendCommand without error: Stratus's ssm-send-command (two records).
  '38e7f511-3f74-41d4-836e-f57dfa18eead': { rule: 'SSM SendCommand', real: ['2a5178c8-b4c7-44ba-b066-1ecc79b7087c', '5288bfb8-e3fa-4c41-be02-6853521afe8b'], panther: [418, 419, 420] },
  // DeleteFlowLogs without error: Stratus's vpc-remove-flow-logs.
  'e386b9b5-af12-450e-afff-761730fb8a98': { rule: 'VPC flow logs deleted', real: ['ded2f5af-f3a5-46d2-a170-a23206a32c36'], panther: [442] },
  // signin GetSigninToken whose userAgent lacks the console's Jersey string: one Panther test.
  'f8103686-e3e8-46f3-be72-65f7fcb4aa53': { rule: 'GetSigninToken abuse', real: [], panther: [68] },
  // s3 PutBucketVersioning with "Suspended" anywhere inside requestParameters (an object): four Panther versioning tests.
  'a136ac98-b2bc-4189-a14d-f0d0388e57a7': { rule: 'bucket versioning disabled', real: [], panther: [373, 376, 382, 384] },
  // ec2 ModifyInstanceAttribute with requestParameters.attribute userData: Stratus's ec2-user-data sends the new
  // userData as requestParameters.userData, without an "attribute" key, so the rule as written misses it.
  '1ab3c5ed-5baf-417b-bb6b-78ca33f6c3df': { rule: 'EC2 startup script change', real: [], panther: [] },
  // ec2 CreateInstanceExportTask with no errorMessage, errorCode or "Failure": none in the data.
  '54b9a76a-3c71-4673-b4b3-2edb4566ea7b': { rule: 'VM export', real: [], panther: [] },
  // ecs task definitions whose container command contains $AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: none.
  'b94bf91e-c2bf-4047-9c43-c6810f43baad': { rule: 'ECS credential endpoint', real: [], panther: [] },
  // s3 ListBuckets not by an AssumedRole: the OTRF ListBuckets calls are by the stolen instance role (AssumedRole), so none.
  'f305fd62-beca-47da-ad95-7690a0620084': { rule: 'bucket enumeration', real: [], panther: [] },
  // iam CreateAccessKey: the filter is the literal text "responseElements.accessKey.userName" (not a field reference), which
  // no arn contains, so every CreateAccessKey matches: Stratus's two backdoor-user keys; seven Panther tests.
  '0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2': { rule: 'IAM backdoor user keys', real: ['c64c4ded-ef03-4e5c-81eb-153b118d72f2', '94faedcc-0fa4-46e6-9322-022e8e934f04'], panther: [188, 189, 190, 191, 192, 322, 323] },
  // iam PutUserPolicy from S3 Browser with the template's three strings in the policy text: none.
  'db014773-7375-4f4e-b83b-133337c0ffee': { rule: 'S3 Browser policy', real: [], panther: [] },
  // lambda UpdateFunctionConfiguration* with any layer: Stratus's lambda-layer-extension (UpdateFunctionConfiguration20150331v2).
  '97fbabf8-8e1b-47a2-b7d5-a418d2b95e3d': { rule: 'lambda layer attached', real: ['da929d96-8e20-475c-a810-973addd64769'], panther: [] },
  // userIdentity.type Root, not an AwsServiceEvent: no root activity in the real records; 14 Panther root tests.
  '8ad1600d-e9dc-4251-b0ee-a65268f29add': { rule: 'root credentials', real: [], panther: [37, 73, 84, 86, 87, 322, 323, 324, 325, 327, 328, 329, 330, 331] },
  // ec2 ModifySnapshotAttribute: Stratus's ec2-share-ebs-snapshot.
  'abae8fec-57bd-4f87-aff6-6e3db989843d': { rule: 'snapshot exfiltration', real: ['6897ff63-d738-445c-9e86-43e5b1f8e12f'], panther: [407, 408, 409, 410] },
  // sso / sso-directory identity provider changes: none.
  'd3adb3ef-b7e7-4003-9092-1924c797db35': { rule: 'SSO identity provider change', real: [], panther: [] },
  // Every AssumedRole session whose issuer is a Role: all 80 role-session records of the real data; 220 Panther tests.
  '905d389b-b853-46d0-9d3d-dea0d3a3cd49': { rule: 'STS AssumeRole misuse', real: [], panther: { count: 220 } },
  // sts GetSessionToken by an IAMUser: two Panther tests.
  'b45ab1d2-712f-4f01-a751-df3826969807': { rule: 'GetSessionToken misuse', real: [], panther: [426, 427] },
  // sts AssumeRoleWithSAML or iam UpdateSAMLProvider: one Panther test.
  'f43f5d2f-3f2a-4cc8-b1af-81fde7dbaf0e': { rule: 'suspicious SAML', real: [], panther: [391] },
  // iam UpdateLoginProfile unless userIdentity.arn equals requestParameters.userName (a field reference: an arn never equals a
  // bare user name, so every call matches): Stratus's update-user-login-profile; five Panther tests.
  '055fb148-60f8-462d-ad16-26926ce050f1': { rule: 'login profile modified', real: ['a46a1a42-9ef1-48d4-9c61-507eb6d4019f'], panther: [29, 30, 439, 440, 441] },
};
// 80 real role sessions: listed by count, as the Panther ones.
const ASSUME_ROLE_REAL = 80;

const rulesDir = sharedSigmaRules();
const cloudtrail = sharedCloudTrail();

describe('SigmaHQ CloudTrail rules on public CloudTrail records', () => {
  it('all load, none skipped or invalid', (context) => {
    if (rulesDir === undefined) return context.skip(sharedMissing('SigmaHQ rules'));
    const set = loadRuleSet([rulesDir], { baseDir: rulesDir });
    expect(set.entries.map((e) => `${e.status} ${e.id}`).sort()).toEqual(Object.keys(EXPECTED).map((id) => `loaded ${id}`).sort());
    expect(set.problems).toEqual([]);
  });

  it('each rule matches exactly the records its reading says, on the raw records', (context) => {
    if (rulesDir === undefined || cloudtrail === undefined) return context.skip(sharedMissing('SigmaHQ rules or CloudTrail records'));
    const set = loadRuleSet([rulesDir], { baseDir: rulesDir });
    const real = (JSON.parse(gunzipSync(readFileSync(join(cloudtrail, 'derived', 'combined-real-records.json.gz'))).toString()) as { Records: Record<string, unknown>[] }).Records;
    const panther = readFileSync(join(cloudtrail, 'panther-analysis-cloudtrail-test-events.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { log: unknown }).log);
    expect([real.length, panther.length]).toEqual([414, 537]);
    for (const rule of set.rules) {
      const expected = EXPECTED[rule.header.id!]!;
      const realMatches = real.filter((record) => rule.detection.test(record)).map((record) => record['eventID']);
      if (rule.header.id === '905d389b-b853-46d0-9d3d-dea0d3a3cd49') expect(realMatches).toHaveLength(ASSUME_ROLE_REAL);
      else expect(realMatches, expected.rule).toEqual(expected.real);
      const pantherMatches = panther.flatMap((record, line) => (rule.detection.test(record) ? [line] : []));
      if (Array.isArray(expected.panther)) expect(pantherMatches, expected.rule).toEqual(expected.panther);
      else expect(pantherMatches, expected.rule).toHaveLength((expected.panther as { count: number }).count);
    }
  });

  it('the detector finds the same on the decoded stream, routed by each rule\'s interest, in any arrival order', (context) => {
    if (rulesDir === undefined || cloudtrail === undefined) return context.skip(sharedMissing('SigmaHQ rules or CloudTrail records'));
    const path = join(cloudtrail, 'derived', 'combined-real-records.json.gz');
    const { events } = decodeBuffer(readFileSync(path), { source: 'corpus', location: path });
    const bundle = () => createSigmaBundle(sigmaConfigSchema.parse({ rules: [rulesDir] }), testContext('sigma', { baseDir: rulesDir }));
    const expectedIds = Object.entries(EXPECTED)
      .flatMap(([id, { real }]) => real.map((eventId) => findingId(id, eventId)))
      .sort();
    const sorted = runDetector(bundle(), events).findings;
    const roleSessions = sorted.filter((f) => f.detector.id === '905d389b-b853-46d0-9d3d-dea0d3a3cd49');
    expect(roleSessions).toHaveLength(ASSUME_ROLE_REAL);
    expect(sorted.filter((f) => !roleSessions.includes(f)).map((f) => f.id).sort()).toEqual(expectedIds);
    const shuffled = runDetector(bundle(), events, { order: 'shuffled', seed: 3, allowedLateness: 3_600_000 }).ids.sort();
    expect(shuffled).toEqual(sorted.map((f) => f.id).sort());
  });
});

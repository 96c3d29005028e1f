import { findingId, type Detector, type Finding, type TrailEvent } from '@jackwatch/core';
import { assumedRole, awsService, EventFactory, iamUser, rootUser, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { loggingDeletionConfigSchema } from '../aws-bedrock-logging-deletion/config.ts';
import { loggingDeletionFactory } from '../aws-bedrock-logging-deletion/factory.ts';
import { nonAdminDeletionConfigSchema } from './config.ts';
import { nonAdminDeletionFactory } from './factory.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const HIGH = 'aws-bedrock-logging-deletion';
const MEDIUM = 'aws-bedrock-logging-deletion-non-admin';

const high = (): Detector => loggingDeletionFactory.create(loggingDeletionConfigSchema.parse({}), testContext(HIGH));
const medium = (options: Record<string, unknown> = {}): Detector => nonAdminDeletionFactory.create(nonAdminDeletionConfigSchema.parse(options), testContext(MEDIUM));

/** Both variants deployed side by side, as in a SIEM. */
function both(events: readonly TrailEvent[], options: Record<string, unknown> = {}): Finding[] {
  return [...runDetector(high(), events).findings, ...runDetector(medium(options), events).findings];
}

const ev = new EventFactory('b-rule');
const deletion = (identity: ReturnType<typeof iamUser>, extra: Record<string, unknown> = {}) =>
  ev.event({ time: T0, action: 'DeleteModelInvocationLoggingConfiguration', identity, ...extra });

describe('aws-bedrock-logging-deletion(-non-admin)', () => {
  it('reports an admin deletion once (high) and a non-admin deletion twice (high and medium)', () => {
    const admin = deletion(assumedRole({ roleName: 'DevAdmin', sessionName: 'dr.evil' }));
    expect(both([admin]).map((f) => [f.detector.id, f.severity])).toEqual([[HIGH, 'high']]);
    const dev = deletion(iamUser({ userName: 'dev' }));
    const findings = both([dev]);
    expect(findings.map((f) => [f.detector.id, f.severity, f.riskScore])).toEqual([
      [HIGH, 'high', 73],
      [MEDIUM, 'medium', 47],
    ]);
    expect(findings.map((f) => f.id)).toEqual([findingId(HIGH, dev.eventId), findingId(MEDIUM, dev.eventId)]);
  });

  it('reports a refused attempt too, with its outcome and error code', () => {
    const adminDenied = deletion(iamUser({ userName: 'SecAdmin' }), { errorCode: 'AccessDenied' });
    const devDenied = deletion(iamUser({ userName: 'dev' }), { errorCode: 'AccessDenied' });
    expect(both([adminDenied]).map((f) => f.detector.id)).toEqual([HIGH]);
    const findings = both([devDenied]);
    expect(findings.map((f) => f.detector.id)).toEqual([HIGH, MEDIUM]);
    expect(findings[0]!.details).toMatchObject({ outcome: 'failure', errorCode: 'AccessDenied' });
    expect(findings[0]!.summary).toBe(
      'dev tried to delete the Bedrock model invocation logging configuration of 123456789012 us-east-1 from 198.51.100.7 and was refused (AccessDenied)',
    );
    expect(findings[1]!.details).toMatchObject({ outcome: 'failure', errorCode: 'AccessDenied', administrator: false });
  });

  it('describes a successful deletion with the principal and where it happened', () => {
    const dev = deletion(iamUser({ userName: 'dev' }), { region: 'eu-west-1', sourceIp: '203.0.113.9' });
    const [finding] = runDetector(high(), [dev]).findings;
    expect(finding).toMatchObject({
      summary: 'dev deleted the Bedrock model invocation logging configuration of 123456789012 eu-west-1 from 203.0.113.9',
      group: { userName: 'dev', principalArn: 'arn:aws:iam::123456789012:user/dev', account: '123456789012', region: 'eu-west-1', sourceIp: '203.0.113.9' },
      details: { outcome: 'success', errorCode: null, principalType: 'IAMUser', accessKeyId: dev.accessKeyId },
      evidence: [dev.raw],
      attack: { techniques: [{ id: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' }] },
    });
  });

  it('judges a role session by its role name, never by the session name', () => {
    expect(both([deletion(assumedRole({ roleName: 'ci', sessionName: 'admin' }))]).map((f) => f.detector.id)).toEqual([HIGH, MEDIUM]);
    const sso = assumedRole({ roleName: 'AWSReservedSSO_AdministratorAccess_0a1b2c', sessionName: 'jane@example.com', path: '/aws-reserved/sso.amazonaws.com/' });
    expect(both([deletion(sso)]).map((f) => f.detector.id)).toEqual([HIGH]);
  });

  it('treats the root user and AWS services as non-admins by default', () => {
    expect(both([deletion(rootUser())]).map((f) => f.detector.id)).toEqual([HIGH, MEDIUM]);
    expect(both([deletion(awsService('cloudformation.amazonaws.com'))]).map((f) => f.detector.id)).toEqual([HIGH, MEDIUM]);
  });

  it('uses the configured admins instead of the default, matching the role ARN of a session too', () => {
    const platform = deletion(assumedRole({ roleName: 'platform-ops', sessionName: 's' }));
    const secAdmin = deletion(iamUser({ userName: 'SecAdmin' }));
    const options = { admins: ['arn:aws:iam::123456789012:role/platform-*'] };
    expect(runDetector(medium(options), [platform, secAdmin]).findings.map((f) => f.group.userName)).toEqual(['SecAdmin']);
    expect(runDetector(medium({ admins: [] }), [platform, secAdmin]).findings).toHaveLength(2);
  });

  it('matches the action case-insensitively and ignores other Bedrock calls', () => {
    const lower = ev.event({ time: T0, action: 'deletemodelinvocationloggingconfiguration', identity: iamUser({ userName: 'dev' }) });
    expect(both([lower])).toHaveLength(2);
    const others = ['PutModelInvocationLoggingConfiguration', 'GetModelInvocationLoggingConfiguration', 'DeleteGuardrail'].map((action) =>
      ev.event({ time: T0, action, identity: iamUser({ userName: 'dev' }) }),
    );
    const elsewhere = ev.event({ time: T0, action: 'DeleteModelInvocationLoggingConfiguration', source: 'sagemaker.amazonaws.com', identity: iamUser({ userName: 'dev' }) });
    expect(both([...others, elsewhere])).toEqual([]);
  });

  it('gives the same ids whatever the arrival order, and keeps no state', () => {
    const events = ['a', 'b', 'c', 'd'].map((name, i) =>
      ev.event({ time: T0 + i * 1000, action: 'DeleteModelInvocationLoggingConfiguration', identity: iamUser({ userName: name }), ...(i % 2 ? { errorCode: 'AccessDenied' } : {}) }),
    );
    for (const make of [high, medium]) {
      const sorted = runDetector(make(), events);
      const shuffled = runDetector(make(), events, { order: [3, 1, 0, 2], allowedLateness: 10_000 });
      expect([...shuffled.ids].sort()).toEqual([...sorted.ids].sort());
      expect(sorted.ids).toHaveLength(4);
      expect(sorted.peakStateSize).toBe(0);
    }
  });

  it('judges principals with 100 KB ARNs, made to stall a backtracking matcher, by the default and configured admins', () => {
    const longPath = `/${'admin'.repeat(20_000)}x/`;
    const nearAdmin = deletion(assumedRole({ roleName: 'ci', sessionName: 's', path: `/${'ad'.repeat(50_000)}/` }));
    const underAdminPath = deletion(iamUser({ userName: 'dev', path: longPath }));
    expect(runDetector(medium(), [nearAdmin, underAdminPath]).findings.map((f) => f.group.userName)).toEqual(['ci']);
    const strict = { admins: ['arn:*:iam::*:user/*admin*admin*admin*admin*admin*admin*y', 'arn:*:sts::*:assumed-role/*a?*d?*m?*i?*n/*'] };
    expect(runDetector(medium(strict), [nearAdmin, underAdminPath]).findings).toHaveLength(2);
  });

  it('validates admins', () => {
    expect(nonAdminDeletionConfigSchema.parse({}).admins).toContain('arn:*:sts::*:assumed-role/*admin*/*');
    expect(nonAdminDeletionConfigSchema.safeParse({ admins: [''] }).success).toBe(false);
    const tooLong = nonAdminDeletionConfigSchema.safeParse({ admins: [`arn:aws:iam::*:role/${'x'.repeat(3000)}`] });
    expect(tooLong.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['admins', 0], 'a glob may be at most 2048 characters long; this one has 3020']]);
    expect(nonAdminDeletionConfigSchema.safeParse({ admin: [] }).success).toBe(false);
    expect(loggingDeletionConfigSchema.safeParse({ admins: [] }).success).toBe(false);
  });
});

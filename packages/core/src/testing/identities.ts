import type { CloudTrailUserIdentity } from '../event/cloudtrail-record.ts';
import { accessKeyIdFromSeed, principalIdFromSeed } from './seeded.ts';

/** Who made a call, as a test event carries it: the `userIdentity` block plus any record fields it implies. */
export interface TestIdentity {
  readonly userIdentity: CloudTrailUserIdentity;
  /** Top-level record fields this kind of caller adds (e.g. `sessionCredentialFromConsole`). */
  readonly recordFields?: Readonly<Record<string, unknown>>;
  /** Account the call lands in, unless the event says otherwise. */
  readonly account: string;
}

/** The account test identities use unless told otherwise. */
export const TEST_ACCOUNT = '123456789012';

/** Options of {@link iamUser} and {@link iamUserConsoleSession}. */
export interface IamUserOptions {
  readonly userName?: string;
  readonly account?: string;
  readonly accessKeyId?: string;
  /** IAM path, e.g. `/engineering/` (default `/`). */
  readonly path?: string;
}

/**
 * An IAM user calling with a long-term access key (`AKIA…`, no session
 * context) — the identity rule A is about.
 *
 * @example `iamUser({ userName: 'alice' })`
 */
export function iamUser(options: IamUserOptions = {}): TestIdentity {
  const { userName = 'alice', account = TEST_ACCOUNT, path = '/' } = options;
  return {
    account,
    userIdentity: {
      type: 'IAMUser',
      principalId: principalIdFromSeed('AIDA', `${account}:${userName}`),
      arn: `arn:aws:iam::${account}:user${path}${userName}`,
      accountId: account,
      accessKeyId: options.accessKeyId ?? accessKeyIdFromSeed('AKIA', `${account}:${userName}`),
      userName,
    },
  };
}

/**
 * An IAM user signed in to the console: still `type: IAMUser`, but the key is
 * temporary (`ASIA…`) and a session context is present. Such a key must not
 * start rule A's sequence.
 */
export function iamUserConsoleSession(options: IamUserOptions = {}): TestIdentity {
  const user = iamUser(options);
  const { account } = user;
  const userName = user.userIdentity.userName!;
  return {
    account,
    recordFields: { sessionCredentialFromConsole: 'true' },
    userIdentity: {
      ...user.userIdentity,
      accessKeyId: options.accessKeyId ?? accessKeyIdFromSeed('ASIA', `${account}:${userName}:console`),
      sessionContext: { attributes: { creationDate: '2024-01-01T00:00:00Z', mfaAuthenticated: 'true' } },
    },
  };
}

/** Options of {@link assumedRole}. */
export interface AssumedRoleOptions {
  readonly roleName?: string;
  readonly sessionName?: string;
  readonly account?: string;
  readonly accessKeyId?: string;
  /** IAM path of the role, e.g. `/aws-reserved/sso.amazonaws.com/` (default `/`). */
  readonly path?: string;
}

/**
 * A role session (`AssumedRole`, `ASIA…` key): the ARN names the role and the
 * session (`assumed-role/<role>/<session>`), the session issuer the role.
 *
 * @example `assumedRole({ roleName: 'DevAdmin', sessionName: 'dr.evil' })`
 */
export function assumedRole(options: AssumedRoleOptions = {}): TestIdentity {
  const { roleName = 'app-role', sessionName = 'session-1', account = TEST_ACCOUNT, path = '/' } = options;
  const roleId = principalIdFromSeed('AROA', `${account}:${roleName}`);
  // Typed loosely in core; a real issuer also carries principalId and accountId.
  const sessionIssuer = { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role${path}${roleName}`, accountId: account, userName: roleName } as {
    type: string;
    arn: string;
    userName: string;
  };
  return {
    account,
    userIdentity: {
      type: 'AssumedRole',
      principalId: `${roleId}:${sessionName}`,
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      accountId: account,
      accessKeyId: options.accessKeyId ?? accessKeyIdFromSeed('ASIA', `${account}:${roleName}:${sessionName}`),
      sessionContext: {
        sessionIssuer,
        attributes: { creationDate: '2024-01-01T00:00:00Z', mfaAuthenticated: 'false' },
      },
    },
  };
}

/** An AWS service acting on its own (`AWSService`): no access key, no ARN. */
export function awsService(invokedBy = 'bedrock.amazonaws.com', account = TEST_ACCOUNT): TestIdentity {
  return { account, userIdentity: { type: 'AWSService', invokedBy } };
}

/** The account root user, with a long-term key unless `accessKeyId` says otherwise. */
export function rootUser(account = TEST_ACCOUNT, accessKeyId = accessKeyIdFromSeed('AKIA', `${account}:root`)): TestIdentity {
  return {
    account,
    userIdentity: { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account, accessKeyId },
  };
}

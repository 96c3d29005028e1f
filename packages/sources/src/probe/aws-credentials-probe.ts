import { probeCheck, type ProbeOptions, type ProbeResult } from '@jackwatch/core';

/** The part of an AWS SDK v3 client's resolved config the probe reads. */
interface ClientWithIdentity {
  readonly config: {
    readonly region: () => Promise<string>;
    readonly credentials: () => Promise<{ readonly accessKeyId: string }>;
  };
}

/**
 * Checks that the client has a region and that its credentials resolve —
 * from the default chain (environment, profile, web identity, container or
 * instance metadata) — without calling any service. Says only what kind of
 * key was found, never the key.
 */
export function probeAwsCredentials(client: ClientWithIdentity, options: ProbeOptions): Promise<ProbeResult> {
  return probeCheck(
    'aws credentials',
    options.timeoutMs,
    async () => {
      const region = await client.config.region().catch(() => {
        throw new Error('no AWS region: set "region" in the config or AWS_REGION');
      });
      const identity = await client.config.credentials().catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`no AWS credentials resolved (${reason}); check AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the instance role`);
      });
      return `resolved (${describeKey(identity.accessKeyId)}), region ${region}`;
    },
    options.signal,
  );
}

function describeKey(accessKeyId: string): string {
  if (accessKeyId.startsWith('ASIA')) return 'temporary credentials';
  if (accessKeyId.startsWith('AKIA')) return 'a long-term access key';
  return 'an access key';
}

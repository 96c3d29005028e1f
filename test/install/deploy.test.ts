import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';

const SERVICE_CONFIG = join(REPO_ROOT, 'deploy/jackwatch.yaml');
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/111122223333/cloudtrail-notifications';
const deployFile = (file: string): Promise<string> => readFile(join(REPO_ROOT, 'deploy', file), 'utf8');

describe('deploy/: the service config shared by the systemd unit, the image and the Kubernetes manifest', () => {
  it('is a valid config whose checkpoints go to systemd\'s state directory, or /var/lib/jackwatch elsewhere', async () => {
    const [valid, systemd, container] = await Promise.all([
      runCli(['validate', '--config', SERVICE_CONFIG], { env: { JACKWATCH_QUEUE_URL: QUEUE } }),
      // systemd sets STATE_DIRECTORY for StateDirectory=; `checkpoints show` names the files it would write.
      runCli(['checkpoints', 'show', '--config', SERVICE_CONFIG], { env: { JACKWATCH_QUEUE_URL: QUEUE, STATE_DIRECTORY: '/var/lib/private/jackwatch' } }),
      runCli(['checkpoints', 'show', '--config', SERVICE_CONFIG], { env: { JACKWATCH_QUEUE_URL: QUEUE, STATE_DIRECTORY: '' } }),
    ]);
    expect(valid.code, valid.stderr).toBe(0);
    expect(systemd.stdout, systemd.stderr).toContain('s3: none yet (/var/lib/private/jackwatch/checkpoints/s3.json)');
    expect(container.stdout, container.stderr).toContain('s3: none yet (/var/lib/jackwatch/checkpoints/s3.json)');
  }, 90_000);

  it('names the queue it needs: without JACKWATCH_QUEUE_URL validation fails at the queueUrl line', async () => {
    const result = await runCli(['validate', '--config', SERVICE_CONFIG], { env: { JACKWATCH_QUEUE_URL: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/jackwatch\.yaml:\d+:\d+: .*JACKWATCH_QUEUE_URL/);
  }, 60_000);

  it('is the config the Kubernetes ConfigMap carries, the image copies and the unit runs, at /etc/jackwatch/jackwatch.yaml', async () => {
    const config = await readFile(SERVICE_CONFIG, 'utf8');
    const documents = parseAllDocuments(await deployFile('kubernetes/jackwatch.yaml')).map((d) => d.toJS() as { kind: string; data?: Record<string, string> });
    expect(documents.map((d) => d.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'StatefulSet']);
    expect(documents[1]!.data!['jackwatch.yaml']).toBe(config);
    expect(await deployFile('Dockerfile')).toContain('COPY deploy/jackwatch.yaml /etc/jackwatch/jackwatch.yaml');
    expect(await deployFile('systemd/jackwatch.service')).toMatch(/^ExecStart=\/usr\/local\/bin\/jackwatch run --config \/etc\/jackwatch\/jackwatch\.yaml$/m);
  });

  it('runs unprivileged everywhere: a dynamic user, a non-root image user, a non-root read-only pod', async () => {
    const unit = await deployFile('systemd/jackwatch.service');
    for (const setting of ['DynamicUser=yes', 'ProtectSystem=strict', 'StateDirectory=jackwatch', 'NoNewPrivileges=yes', 'CapabilityBoundingSet=']) expect(unit).toMatch(new RegExp(`^${setting}$`, 'm'));
    const users = [...(await deployFile('Dockerfile')).matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    const [, , statefulSet] = parseAllDocuments(await deployFile('kubernetes/jackwatch.yaml')).map((d) => d.toJS() as Record<string, any>);
    const pod = statefulSet!['spec'].template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(pod.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(statefulSet!['spec'].replicas).toBe(1);
  });
});

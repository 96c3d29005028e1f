import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { silentLogger } from '@jackwatch/core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientConfig } from './aws-client-config.ts';
import { AwsRequestError, callAws } from './aws-request-error.ts';

// fauxqs grants everything, so a tiny HTTP server on loopback answers the way AWS refuses: S3's XML error and
// SQS's JSON-protocol error, parsed by the real SDK clients.
const S3_DENIED = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>';
const SQS_DENIED = JSON.stringify({
  __type: 'com.amazonaws.sqs#AccessDenied',
  message: 'User: arn:aws:iam::123456789012:user/reader is not authorized to perform: sqs:receivemessage on resource: arn:aws:sqs:us-east-1:123456789012:trail',
});

let server: Server;
let endpoint: string;
const status: { code: number } = { code: 403 };

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const sqs = String(request.headers['content-type']).includes('amz-json');
      response.writeHead(sqs ? 400 : status.code, {
        'content-type': sqs ? 'application/x-amz-json-1.0' : 'application/xml',
        ...(sqs && { 'x-amzn-query-error': 'AccessDenied;Sender' }),
      });
      response.end(sqs ? SQS_DENIED : status.code === 403 ? S3_DENIED : '<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const settings = () =>
  awsClientConfig({ endpoint, region: 'us-east-1', maxAttempts: 2 }, silentLogger, { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });

describe('AwsRequestError', () => {
  it('turns S3 AccessDenied into one sentence naming the bucket and the missing permission', async () => {
    const s3 = new S3Client({ ...settings(), forcePathStyle: true });
    const failure = await callAws({ permission: 's3:ListBucket', resource: 's3://org-trail' }, () => s3.send(new ListObjectsV2Command({ Bucket: 'org-trail' }))).catch(
      (error: unknown) => error,
    );
    s3.destroy();

    expect(failure).toBeInstanceOf(AwsRequestError);
    expect(failure).toMatchObject({ kind: 'access-denied', code: 'AccessDenied', permission: 's3:ListBucket', resource: 's3://org-trail', permanent: true });
    expect((failure as Error).message).toBe(
      'access denied to s3://org-trail (AccessDenied): the AWS credentials in use need s3:ListBucket on s3://org-trail; grant it in their IAM policy and check that no bucket/queue policy, SCP or KMS key policy denies it',
    );
  });

  it('does the same for SQS, whose JSON protocol names the error differently', async () => {
    const sqs = new SQSClient(settings());
    const queueUrl = `${endpoint}/123456789012/trail`;
    const failure = await callAws({ permission: 'sqs:ReceiveMessage', resource: queueUrl }, () => sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).catch(
      (error: unknown) => error,
    );
    sqs.destroy();

    expect(failure).toMatchObject({ kind: 'access-denied', permission: 'sqs:ReceiveMessage' });
    expect((failure as Error).message).toMatch(new RegExp(`^access denied to ${queueUrl} \\(AccessDenied\\): .* need sqs:ReceiveMessage on ${queueUrl}`));
  });

  it('calls 5xx transient, after the adaptive retries', async () => {
    status.code = 500;
    const s3 = new S3Client({ ...settings(), forcePathStyle: true });
    const failure = await callAws({ permission: 's3:ListBucket', resource: 's3://org-trail' }, () => s3.send(new ListObjectsV2Command({ Bucket: 'org-trail' }))).catch(
      (error: unknown) => error as AwsRequestError,
    );
    s3.destroy();
    status.code = 403;

    expect(failure).toMatchObject({ kind: 'transient', code: 'InternalError', permanent: false });
    expect((failure as AwsRequestError & { cause: { $metadata: { attempts: number } } }).cause.$metadata.attempts).toBe(2);
  });

  it('names missing credentials and missing regions plainly', () => {
    const credentials = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(new AwsRequestError(credentials, { permission: 's3:GetObject', resource: 's3://b/k' }).message).toMatch(
      /^AWS credentials were missing or rejected \(CredentialsProviderError\) calling s3:GetObject on s3:\/\/b\/k: Could not load credentials/,
    );
    expect(new AwsRequestError(new Error('Region is missing'), { permission: 'logs:FilterLogEvents', resource: 'log group /trail' })).toMatchObject({
      kind: 'configuration',
      message: 'cannot call logs:FilterLogEvents on log group /trail: no AWS region; set "region" in the config or AWS_REGION',
    });
  });
});

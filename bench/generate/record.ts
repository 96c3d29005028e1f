import type { Random } from './random.ts';
import type { Actor, Json } from './world.ts';

/** What one CloudTrail record says beyond who called. */
export interface RecordSpec {
  readonly time: number;
  readonly region: string;
  readonly source: string;
  readonly name: string;
  readonly readOnly: boolean;
  readonly params?: Json | null;
  readonly response?: Json | null;
  readonly resources?: Json[];
  readonly error?: { readonly code: string; readonly message: string };
  readonly eventId?: string;
}

const RUNTIME_ACTIONS = new Set(['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream', 'ApplyGuardrail']);

/** `2026-11-02T09:00:00Z`: CloudTrail's eventTime, one-second resolution. */
export function isoSeconds(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One CloudTrail record, with the fields in the order CloudTrail writes them. */
export function buildRecord(random: Random, actor: Actor, spec: RecordSpec): Json {
  const service = actor.identity['type'] === 'AWSService';
  const record: Json = {
    eventVersion: '1.09',
    userIdentity: actor.identity,
    eventTime: isoSeconds(spec.time),
    eventSource: spec.source,
    eventName: spec.name,
    awsRegion: spec.region,
    sourceIPAddress: actor.ip,
    userAgent: actor.agent,
  };
  if (spec.error) {
    record['errorCode'] = spec.error.code;
    record['errorMessage'] = spec.error.message;
  }
  record['requestParameters'] = spec.params ?? null;
  record['responseElements'] = spec.error ? null : (spec.response ?? null);
  record['requestID'] = random.uuid();
  record['eventID'] = spec.eventId ?? random.uuid();
  record['readOnly'] = spec.readOnly;
  if (spec.resources) record['resources'] = spec.resources;
  record['eventType'] = 'AwsApiCall';
  record['managementEvent'] = true;
  record['recipientAccountId'] = actor.account;
  if (service) record['sharedEventID'] = random.uuid();
  record['eventCategory'] = 'Management';
  if (!service) {
    const host = RUNTIME_ACTIONS.has(spec.name) ? 'bedrock-runtime' : spec.source.split('.')[0];
    record['tlsDetails'] = { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${host}.${spec.region}.amazonaws.com` };
  }
  if (actor.kind === 'human') record['sessionCredentialFromConsole'] = 'true';
  return record;
}

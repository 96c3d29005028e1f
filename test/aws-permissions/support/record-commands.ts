import type { AwsClientOverrides, AwsCommandCall } from '../../../packages/sources/src/aws/index.ts';
import { iamActionOf } from './iam-action.ts';

/** What the sources' AWS clients sent, as SDK commands and as the IAM actions that authorise them. */
export interface CommandRecorder {
  /** The overrides to build a source with: fake credentials, and the observer that records. */
  overrides(credentials: NonNullable<AwsClientOverrides['credentials']>): AwsClientOverrides;
  /** `Client:Command` of each distinct command sent so far, sorted. */
  commands(): string[];
  /** The IAM action of each distinct command sent so far, sorted. */
  actions(): string[];
}

/** Records every command of the clients built with its {@link CommandRecorder.overrides}. */
export function recordCommands(): CommandRecorder {
  const calls = new Map<string, AwsCommandCall>();
  return {
    overrides: (credentials) => ({ credentials, onCommand: (call) => calls.set(`${call.client}:${call.command}`, call) }),
    commands: () => [...calls.keys()].sort(),
    actions: () => [...new Set([...calls.values()].map((call) => iamActionOf(call.client, call.command)))].sort(),
  };
}

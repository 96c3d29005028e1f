import { describe, expect, it } from 'vitest';
import { checkCorePeer } from './check-core-peer.ts';

describe('checkCorePeer', () => {
  it('accepts a range that includes the running core, and a package that declares none', () => {
    expect(() => checkCorePeer('@acme/x', '^0.1.0', '0.1.4')).not.toThrow();
    expect(() => checkCorePeer('@acme/x', '>=0.1.0 <2', '1.9.0-rc.1')).not.toThrow();
    expect(() => checkCorePeer('@acme/x', undefined, '0.1.0')).not.toThrow();
  });

  it('refuses a range that leaves it out, or that is not a range, naming the plugin and both versions', () => {
    expect(() => checkCorePeer('@acme/x', '^0.2.0', '0.1.0')).toThrow('plugin "@acme/x": needs @jackwatch/core ^0.2.0 (its peerDependencies), but this agent runs 0.1.0');
    expect(() => checkCorePeer('@acme/x', 'latest-ish', '0.1.0')).toThrow('plugin "@acme/x": declares a peer range for @jackwatch/core that is not a semver range: "latest-ish"');
  });
});

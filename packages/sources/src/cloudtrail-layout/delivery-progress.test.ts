import { describe, expect, it } from 'vitest';
import { deliveryProgress } from './delivery-progress.ts';

describe('deliveryProgress', () => {
  it('reads account, region and time from a CloudTrail delivery file name', () => {
    expect(deliveryProgress('AWSLogs/o-abc/111122223333/CloudTrail/eu-west-3/2026/11/20/111122223333_CloudTrail_eu-west-3_20261120T2355Z_Zx81.json.gz')).toEqual({
      account: '111122223333',
      region: 'eu-west-3',
      time: Date.UTC(2026, 10, 20, 23, 55),
    });
  });

  it('knows nothing of other names', () => {
    expect(deliveryProgress('/var/log/trail/export.ndjson')).toBeUndefined();
    expect(deliveryProgress('111122223333_CloudTrail-Digest_us-east-1_20261120T2355Z.json.gz')).toBeUndefined();
  });

  it('knows nothing of a stamp that is no real time, instead of rolling it over', () => {
    for (const stamp of ['20261399T0000Z', '20260230T0000Z', '20261120T2460Z', '20261120T9999Z', '00501120T0000Z']) {
      expect(deliveryProgress(`111122223333_CloudTrail_us-east-1_${stamp}_Zx81.json.gz`), stamp).toBeUndefined();
    }
    expect(deliveryProgress('111122223333_CloudTrail_us-east-1_20240229T2359Z_Zx81.json.gz')?.time).toBe(Date.UTC(2024, 1, 29, 23, 59));
  });
});

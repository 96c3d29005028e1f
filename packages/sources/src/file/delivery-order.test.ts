import { describe, expect, it } from 'vitest';
import { deliveryProgress } from '../cloudtrail-layout/delivery-progress.ts';
import { compareDeliveryOrder, deliveryTimestamp, sortForDelivery } from './delivery-order.ts';

const file = (account: string, region: string, stamp: string): string =>
  `/t/AWSLogs/${account}/CloudTrail/${region}/2024/10/17/${account}_CloudTrail_${region}_${stamp}_abcd1234.json.gz`;

describe('delivery order', () => {
  it('reads the timestamp CloudTrail puts in delivery file names', () => {
    expect(deliveryTimestamp(file('111122223333', 'eu-west-1', '20241017T2010Z'))).toBe('20241017T2010Z');
    expect(deliveryTimestamp('/t/events.ndjson')).toBeUndefined();
  });

  it('interleaves accounts and regions by file time, then puts other files after, by path', () => {
    const paths = [
      '/t/b-manual.json',
      file('999988887777', 'us-east-1', '20241017T2015Z'),
      file('111122223333', 'us-east-1', '20241017T2020Z'),
      '/t/a-manual.ndjson',
      file('111122223333', 'us-east-1', '20241017T2005Z'),
      file('111122223333', 'eu-west-1', '20241017T2010Z'),
    ];
    const expected = [
      file('111122223333', 'us-east-1', '20241017T2005Z'),
      file('111122223333', 'eu-west-1', '20241017T2010Z'),
      file('999988887777', 'us-east-1', '20241017T2015Z'),
      file('111122223333', 'us-east-1', '20241017T2020Z'),
      '/t/a-manual.ndjson',
      '/t/b-manual.json',
    ];
    expect(sortForDelivery([...paths])).toEqual(expected);
    expect([...paths].sort(compareDeliveryOrder)).toEqual(expected);
  });

  it('reads the partition and the end of the period from a delivery file name', () => {
    expect(deliveryProgress(file('111122223333', 'eu-west-1', '20241017T2010Z'))).toEqual({ account: '111122223333', region: 'eu-west-1', time: Date.UTC(2024, 9, 17, 20, 10) });
    expect(deliveryProgress('/t/events.ndjson')).toBeUndefined();
    expect(deliveryProgress(file('1111', 'eu-west-1', '20241017T2010Z'))).toBeUndefined();
  });
});

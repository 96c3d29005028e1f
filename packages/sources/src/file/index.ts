export { fileSourceFactory } from './factory.ts';
export { FileSource } from './file-source.ts';
export { fileSourceConfigSchema } from './config.ts';
export type { FileSourceConfig } from './config.ts';
export { RecordsSplitter } from './records-splitter.ts';
export type { SplitEnd } from './records-splitter.ts';
export { salvageRecords } from './salvage-records.ts';
export { compareDeliveryOrder, deliveryTimestamp } from './delivery-order.ts';

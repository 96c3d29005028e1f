export { fileSourceFactory } from './factory.ts';
export { FileSource } from './file-source.ts';
export { fileSourceConfigSchema } from './config.ts';
export type { FileSourceConfig } from './config.ts';
export { compareDeliveryOrder, deliveryTimestamp } from './delivery-order.ts';

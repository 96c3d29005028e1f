import type { TrailEvent } from '@jackwatch/core';

const INVOCATION_ACTIONS = new Set(['invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream']);

/** A Bedrock call that succeeded and was made with an access key. */
export const succeededWithKey = (e: TrailEvent): boolean => e.source === 'bedrock.amazonaws.com' && e.errorCode === undefined && e.accessKeyId !== undefined;

/** A successful model invocation (any case of the four runtime calls) made with an access key. */
export const invokedWithKey = (e: TrailEvent): boolean => succeededWithKey(e) && INVOCATION_ACTIONS.has(e.action.toLowerCase());

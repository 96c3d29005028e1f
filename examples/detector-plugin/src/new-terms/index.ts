export { newTerms } from './new-terms.ts';
export type { NewTermsSpec, NewTermsMatch } from './new-terms-spec.ts';
export type { KnownValue } from './key-history.ts';

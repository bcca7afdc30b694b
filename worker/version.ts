import { version as datasetVersion } from '../data/index';

/**
 * The API's version, in every JSON body and in every ETag. Bump it for breaking changes to the
 * contract (worker/schemas.ts).
 */
export const API_VERSION = '1';

/**
 * Bumped when a response's bytes change without a dataset change (new fields, another
 * formatting); it is part of every ETag and cache key, so clients and the edge cache
 * never keep a representation the code no longer produces.
 */
export const REPRESENTATION_REVISION = 2;

export { datasetVersion };

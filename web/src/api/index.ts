import { ApiClient } from './client';
import { endpoints } from './endpoints';
import { browserStorage } from './session';

/** The app's single client: one session, one refresh in flight at most. */
export const client = new ApiClient({ storage: browserStorage() });
export const api = endpoints(client);
export { ApiError, isApiError, describeError } from './errors';
export type * from './types';

import { SiftError } from '../errors.js';

/**
 * A model call a command needed failed, and retrying within the run did not help. The message is
 * describeModelFailure's: the endpoint, what it answered, and the setting to check.
 */
export class ModelFailedError extends SiftError {
  override name = 'ModelFailedError' as const;
}

import type { ModelClient } from '../model-client.js';
import type { ModelForInstallation } from './installation-models.js';

/**
 * The model a job of this installation calls: the installation's own when it brought one, else
 * the server's. Looked up at the first call, so a job that never asks the model never opens the
 * sealed key, and a key that cannot be opened fails that call with its reason.
 */
export function modelOfInstallation(
  serverModel: ModelClient,
  modelFor: ModelForInstallation | undefined,
  installationId: number,
): ModelClient {
  if (!modelFor) return serverModel;
  let chosen: Promise<ModelClient> | undefined;
  return {
    async complete(request) {
      chosen ??= modelFor(installationId).then((own) => own ?? serverModel);
      return (await chosen).complete(request);
    },
  };
}

import type { SiftEnv } from '../../config/load-env.js';
import type { Logger } from '../../logger.js';
import type { SiftStore } from '../../store/sift-store.js';
import { createModelClient, type ModelClientOptions } from '../create-model-client.js';
import type { ModelClient } from '../model-client.js';
import {
  type InstallationModelSettings,
  installationModelSettingsSchema,
} from './installation-model-settings.js';
import { openSealed, sealSecret } from './seal-secret.js';

/** The model an installation's jobs use: its own when it brought one, else null (the server's). */
export type ModelForInstallation = (installationId: number) => Promise<ModelClient | null>;

/** Seals an installation's own model settings for the store. */
export function sealInstallationModel(
  settings: InstallationModelSettings,
  key: Buffer,
  installationId: number,
): string {
  return sealSecret(
    JSON.stringify(installationModelSettingsSchema.parse(settings)),
    key,
    String(installationId),
  );
}

/** The settings sealed for an installation; throws SealedSecretError when they cannot be opened. */
export function openInstallationModel(
  sealed: string,
  key: Buffer,
  installationId: number,
): InstallationModelSettings {
  return installationModelSettingsSchema.parse(JSON.parse(openSealed(sealed, key, String(installationId))));
}

/**
 * Builds, per installation that brought its own model, a client on its endpoint with its key —
 * the same client the server's settings build, with the same limits — and keeps it while the
 * sealed settings stay the same. The key is withheld from prompts like the server's own.
 */
export function createInstallationModels(deps: {
  readonly store: Pick<SiftStore, 'installationModel'>;
  readonly key: Buffer;
  readonly env: SiftEnv;
  readonly options: ModelClientOptions;
  readonly log: Logger;
}): ModelForInstallation {
  const built = new Map<number, { sealed: string; client: ModelClient }>();
  return async (installationId) => {
    const sealed = await deps.store.installationModel(installationId);
    if (sealed === null) {
      built.delete(installationId);
      return null;
    }
    const known = built.get(installationId);
    if (known?.sealed === sealed) return known.client;
    const own = openInstallationModel(sealed, deps.key, installationId);
    const client = createModelClient(
      {
        ...deps.env,
        provider: { kind: 'openai', apiKey: own.apiKey, baseURL: own.baseUrl ?? undefined },
        model: own.model,
        verifierModel: own.verifierModel ?? own.model,
        conversationModel: own.model,
      },
      deps.options,
    );
    built.set(installationId, { sealed, client });
    deps.log.info(
      { installation: installationId, endpoint: own.baseUrl ?? 'OpenAI', model: own.model },
      "the installation's own model is in use",
    );
    return client;
  };
}

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadServerEnv } from '../config/load-server-env.js';
import { withDotEnv } from '../config/with-dot-env.js';
import { UsageError } from '../errors.js';
import { installationModelSettingsSchema } from '../llm/installation-model/installation-model-settings.js';
import {
  openInstallationModel,
  sealInstallationModel,
} from '../llm/installation-model/installation-models.js';
import type { CliDeps } from './cli-deps.js';
import { openCliStore } from './open-cli-store.js';

export const INSTALLATION_MODEL_HELP = `sift installation-model: lets one installation use its own model endpoint and key.
It reads the server's settings (the environment, then .env in the current folder) and needs
SIFT_INSTALLATION_MODEL_KEY, which seals the key in Sift's store (the database, or Redis).

  sift installation-model set <installation-id> --model <name> --api-key-file <file | ->
                              [--base-url <url>] [--verifier-model <name>]
  sift installation-model show <installation-id>
  sift installation-model remove <installation-id>

--api-key-file -  reads the key from standard input, so it is never on a command line.
--base-url        an OpenAI-compatible endpoint (default: OpenAI).
The key is deleted with the installation when the app is uninstalled.
`;

const SET_OPTIONS = new Set(['--model', '--api-key-file', '--base-url', '--verifier-model']);

/** `sift installation-model`: sets, shows or removes an installation's own model. */
export async function installationModelCommand(args: readonly string[], deps: CliDeps): Promise<number> {
  const [action, id, ...options] = args;
  if (action === undefined || action === '--help' || action === '-h') {
    deps.stdout.write(INSTALLATION_MODEL_HELP);
    return 0;
  }
  if (!['set', 'show', 'remove'].includes(action))
    throw new UsageError(`[sift] unknown action ${JSON.stringify(action)}: set, show or remove`);
  const installationId = Number(id);
  if (!Number.isInteger(installationId) || installationId <= 0)
    throw new UsageError(
      `[sift] expected an installation id (a positive number), got ${JSON.stringify(id ?? '')}`,
    );
  const settings = loadServerEnv(withDotEnv(deps.env, join(deps.cwd, '.env')), { cwd: deps.cwd });
  if (settings.mode !== 'app')
    throw new UsageError('[sift] the server settings are incomplete (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET)');
  const key = settings.installationModelKey;
  if (!key)
    throw new UsageError(
      '[sift] SIFT_INSTALLATION_MODEL_KEY is not set: installations cannot bring their own model (set it to 32 random bytes in base64)',
    );
  const given = action === 'set' ? await readSetOptions(options, deps) : undefined;
  const store = openCliStore(settings);
  try {
    if (given) {
      await store.value.saveInstallationModel(
        installationId,
        sealInstallationModel(given, key, installationId),
      );
      deps.stdout.write(
        `installation ${installationId} now uses ${given.model} at ${given.baseUrl ?? 'OpenAI'} with its own key\n`,
      );
    } else if (action === 'remove') {
      await store.value.saveInstallationModel(installationId, null);
      deps.stdout.write(`installation ${installationId} now uses the server's model\n`);
    } else {
      const sealed = await store.value.installationModel(installationId);
      if (sealed === null) deps.stdout.write(`installation ${installationId} uses the server's model\n`);
      else {
        const own = openInstallationModel(sealed, key, installationId);
        // Never the key itself: the operator set it, and anyone reading a terminal need not see it.
        deps.stdout.write(
          `installation ${installationId}: ${own.model}${own.verifierModel ? ` (verifier ${own.verifierModel})` : ''} at ${own.baseUrl ?? 'OpenAI'}, key set\n`,
        );
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function readSetOptions(options: readonly string[], deps: CliDeps) {
  const values = new Map<string, string>();
  for (let index = 0; index < options.length; index += 2) {
    const name = options[index] ?? '';
    const value = options[index + 1];
    if (!SET_OPTIONS.has(name))
      throw new UsageError(`[sift] unknown option ${name}; see sift installation-model --help`);
    if (value === undefined) throw new UsageError(`[sift] ${name} needs a value`);
    values.set(name, value);
  }
  const keyFile = values.get('--api-key-file');
  if (!values.get('--model') || !keyFile)
    throw new UsageError('[sift] set needs --model and --api-key-file (- reads standard input)');
  const apiKey = (
    keyFile === '-' ? await readStdin(deps) : readFileSync(resolve(deps.cwd, keyFile), 'utf8')
  ).trim();
  const parsed = installationModelSettingsSchema.safeParse({
    baseUrl: values.get('--base-url') ?? null,
    model: values.get('--model'),
    verifierModel: values.get('--verifier-model') ?? null,
    apiKey,
  });
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const field =
      problem?.path[0] === 'apiKey'
        ? 'the API key file is empty'
        : `${String(problem?.path[0])}: ${problem?.message}`;
    throw new UsageError(`[sift] ${field}`);
  }
  return parsed.data;
}

async function readStdin(deps: CliDeps): Promise<string> {
  if (!deps.readStdin)
    throw new UsageError('[sift] standard input is not available; use --api-key-file <file>');
  return deps.readStdin();
}

import { run } from 'probot';
import { createSift } from './app.js';
import { loadEnv } from './config/load-env.js';
import { createGitHubRepository } from './github/github-repository.js';
import { createModelClient } from './llm/create-model-client.js';
import { createBlobCache } from './repository/blob-cache.js';

/**
 * Starts Sift's webhook server. Without APP_ID and a private key Probot serves its setup page,
 * which registers a new GitHub App from app.yml; Sift's own settings are checked only once there
 * is an app to run, so the setup flow needs nothing but `npm start`.
 */
export async function runServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const hasCredentials = Boolean(env.APP_ID && (env.PRIVATE_KEY || env.PRIVATE_KEY_PATH));
  if (!hasCredentials) {
    await run(() => {});
    return;
  }
  const siftEnv = loadEnv(env);
  const model = createModelClient(siftEnv);
  const cache = createBlobCache({ directory: siftEnv.cacheDir, maxBytes: siftEnv.cacheMaxBytes });
  const sift = createSift({
    model,
    env: siftEnv,
    repositoryFor: (octokit, repository) => createGitHubRepository(octokit, repository, { cache }),
  });
  const server = await run(sift.app);
  // Docker and Kubernetes stop a container with SIGTERM: finish running reviews before exiting.
  process.once('SIGTERM', async () => {
    await server.stop();
    await sift.close();
    process.exit(0);
  });
}

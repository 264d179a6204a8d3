import type { SiftEnv } from '../config/load-env.js';
import type { ModelRole } from './model-client.js';

/**
 * The model each role's requests name. On Azure OpenAI that name is a deployment, and the request
 * goes to `/openai/deployments/<name>/chat/completions`: a role without a model of its own uses
 * `AZURE_OPENAI_DEPLOYMENT`, and one with its own (SIFT_VERIFIER_MODEL, SIFT_CONVERSATION_MODEL)
 * names its deployment.
 */
export function modelsForRoles(
  env: Pick<SiftEnv, 'provider' | 'model' | 'verifierModel' | 'conversationModel'>,
): Record<ModelRole, string> {
  const { provider } = env;
  const reviewer = provider.kind === 'azure' ? provider.deployment : env.model;
  // An unset role model equals SIFT_MODEL (load-env.ts), which on Azure means the deployment.
  const own = (model: string) => (model === env.model ? reviewer : model);
  return { reviewer, verifier: own(env.verifierModel), responder: own(env.conversationModel) };
}

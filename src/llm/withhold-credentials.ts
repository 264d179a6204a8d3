import { createCredentialRedactor } from './create-credential-redactor.js';
import type { ModelClient } from './model-client.js';

/**
 * The model client with Sift's own credentials cut out of every message it sends. A pull request
 * that contains the deployment's OPENAI_API_KEY or private key (a committed `.env`, a pasted log)
 * would otherwise hand it to the provider verbatim; this is the last point every prompt passes.
 */
export function withholdCredentials(client: ModelClient, credentials: readonly string[]): ModelClient {
  const redact = createCredentialRedactor(credentials);
  return {
    complete: (request) =>
      client.complete({
        ...request,
        messages: request.messages.map((message) => ({ ...message, content: redact(message.content) })),
      }),
  };
}

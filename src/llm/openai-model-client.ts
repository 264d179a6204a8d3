import type OpenAI from 'openai';
import { z } from 'zod';
import { ModelError } from '../errors.js';
import { completeOnce } from './complete-once.js';
import type { ModelClient, ModelRequest, ModelResponse, ModelRole, ModelUsage } from './model-client.js';
import { retryModelCall } from './retry-model-call.js';
import { sleep as defaultSleep } from './sleep.js';
import { addUsage, NO_USAGE } from './usage.js';

export interface OpenAIModelClientOptions {
  /** The model (or Azure deployment) for each role; roles without one use `reviewer`'s. */
  readonly models: { reviewer: string } & Partial<Record<ModelRole, string>>;
  readonly maxOutputTokens: number;
  readonly maxAttempts: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told of each retry in one line: attempt, delay and reason; never the prompt. The server logs it at warn. */
  readonly onRetry?: (message: string) => void;
}

/**
 * The model port over the OpenAI SDK, for api.openai.com, Azure OpenAI and every server that
 * speaks the same Chat Completions protocol. The SDK's own retries are off (set where the client
 * is built) so that one policy, here, decides what is retried: transport failures, answers that do
 * not parse, and answers cut off by the token limit (retried with a larger limit). The usage it
 * reports counts every attempt; a call that fails for good carries its usage on the error.
 */
export function createOpenAIModelClient(openai: OpenAI, options: OpenAIModelClientOptions): ModelClient {
  return {
    async complete<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const model = options.models[request.role] ?? options.models.reviewer;
      const jsonSchema = z.toJSONSchema(request.schema, { io: 'output' }) as Record<string, unknown>;
      delete jsonSchema.$schema;
      let spent: ModelUsage = NO_USAGE;
      const response = await retryModelCall(
        async (attempt) => {
          try {
            return await completeOnce(openai, {
              request,
              model,
              jsonSchema,
              // A truncated answer is retried with more room rather than the same limit again.
              maxCompletionTokens: options.maxOutputTokens * Math.min(4, 2 ** (attempt - 1)),
            });
          } catch (error) {
            if (error instanceof ModelError) {
              spent = addUsage(spent, error.usage);
              // Whether or not it is retried, the error leaves with everything spent so far.
              error.usage = spent;
            }
            throw error;
          }
        },
        {
          maxAttempts: options.maxAttempts,
          sleep: options.sleep ?? defaultSleep,
          signal: request.signal,
          onRetry: (error, attempt, delayMs) =>
            options.onRetry?.(
              `${error.name} on attempt ${attempt} of ${options.maxAttempts} (${request.schemaName}): ${error.message}; retrying in ${delayMs} ms`,
            ),
        },
      );
      return { ...response, usage: addUsage(spent, response.usage) };
    },
  };
}

import type OpenAI from 'openai';
import { z } from 'zod';
import { ModelOutputTruncatedError, ModelRefusalError } from '../errors.js';
import { classifyModelError } from './classify-model-error.js';
import type { ModelClient, ModelRequest, ModelResponse, ModelRole } from './model-client.js';
import { parseModelOutput } from './parse-model-output.js';
import { retryModelCall } from './retry-model-call.js';
import { sleep as defaultSleep } from './sleep.js';

export interface OpenAIModelClientOptions {
  /** The model (or Azure deployment) for each role; roles without one use `reviewer`'s. */
  readonly models: { reviewer: string } & Partial<Record<ModelRole, string>>;
  readonly maxOutputTokens: number;
  readonly maxAttempts: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly onRetry?: (message: string) => void;
}

/**
 * The model port over the OpenAI SDK, for api.openai.com, Azure OpenAI and every server that
 * speaks the same Chat Completions protocol. The SDK's own retries are off (set where the client
 * is built) so that one policy, here, decides what is retried: transport failures, answers that do
 * not parse, and answers cut off by the token limit (retried with a larger limit).
 */
export function createOpenAIModelClient(openai: OpenAI, options: OpenAIModelClientOptions): ModelClient {
  return {
    async complete<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const model = options.models[request.role] ?? options.models.reviewer;
      const jsonSchema = z.toJSONSchema(request.schema, { io: 'output' }) as Record<string, unknown>;
      delete jsonSchema.$schema;
      return retryModelCall(
        async (attempt) => {
          let completion: OpenAI.Chat.Completions.ChatCompletion;
          try {
            completion = await openai.chat.completions.create(
              {
                model,
                messages: request.messages.map((message) => ({
                  role: message.role,
                  content: message.content,
                })),
                response_format: {
                  type: 'json_schema',
                  json_schema: { name: request.schemaName, strict: true, schema: jsonSchema },
                },
                // A truncated answer is retried with more room rather than the same limit again.
                max_completion_tokens: options.maxOutputTokens * Math.min(4, 2 ** (attempt - 1)),
              },
              request.signal ? { signal: request.signal } : {},
            );
          } catch (error) {
            throw classifyModelError(error) ?? error;
          }
          const choice = completion.choices[0];
          if (choice?.message.refusal)
            throw new ModelRefusalError(`[sift] the model refused: ${choice.message.refusal}`);
          if (choice?.finish_reason === 'content_filter') {
            throw new ModelRefusalError('[sift] the provider content filter stopped the answer');
          }
          if (choice?.finish_reason === 'length') {
            throw new ModelOutputTruncatedError(
              `[sift] the ${request.schemaName} answer was cut off after ${completion.usage?.completion_tokens ?? '?'} tokens`,
            );
          }
          const value = parseModelOutput(choice?.message.content ?? '', request.schema, request.schemaName);
          return {
            value,
            model: completion.model || model,
            usage: {
              calls: 1,
              promptTokens: completion.usage?.prompt_tokens ?? 0,
              completionTokens: completion.usage?.completion_tokens ?? 0,
              cachedPromptTokens: completion.usage?.prompt_tokens_details?.cached_tokens ?? 0,
            },
          };
        },
        {
          maxAttempts: options.maxAttempts,
          sleep: options.sleep ?? defaultSleep,
          signal: request.signal,
          onRetry: (error, attempt, delayMs) =>
            options.onRetry?.(
              `${error.name} on attempt ${attempt} of ${request.schemaName}; retrying in ${delayMs} ms`,
            ),
        },
      );
    },
  };
}

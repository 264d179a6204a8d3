import type OpenAI from 'openai';
import { z } from 'zod';
import type { StructuredOutput } from '../config/load-env.js';
import { ModelError } from '../errors.js';
import { completeOnce } from './complete-once.js';
import type { ModelClient, ModelRequest, ModelResponse, ModelRole, ModelUsage } from './model-client.js';
import { retryModelCall } from './retry-model-call.js';
import { sleep as defaultSleep } from './sleep.js';
import { type AnswerFormat, stepDownAnswerFormat } from './step-down-answer-format.js';
import { addUsage, NO_USAGE } from './usage.js';

export interface OpenAIModelClientOptions {
  /** The model (or Azure deployment) for each role; roles without one use `reviewer`'s. */
  readonly models: { reviewer: string } & Partial<Record<ModelRole, string>>;
  readonly maxOutputTokens: number;
  readonly maxAttempts: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told of each retry in one line: attempt, delay and reason; never the prompt. The server logs it at warn. */
  readonly onRetry?: (message: string) => void;
  /** How answers are asked to be JSON (default `auto`: `json_schema`, stepping down when refused). */
  readonly structuredOutput?: StructuredOutput;
  /** Told once per model and step when the server refused a way of asking for JSON. The server logs it at warn. */
  readonly onStepDown?: (message: string) => void;
}

/**
 * The model port over the OpenAI SDK, for api.openai.com, Azure OpenAI and every server that
 * speaks the same Chat Completions protocol. The SDK's own retries are off (set where the client
 * is built) so that one policy, here, decides what is retried: transport failures, answers that do
 * not parse, and answers cut off by the token limit (retried with a larger limit). The usage it
 * reports counts every attempt; a call that fails for good carries its usage on the error.
 *
 * With `structuredOutput: auto`, a server that answers 400 naming `response_format` (older vLLM,
 * Ollama, LM Studio, Azure before 2024-08-01-preview) is asked again at once in the next weaker
 * format, and that model keeps it for the life of the client, so the refusal is paid once.
 */
export function createOpenAIModelClient(openai: OpenAI, options: OpenAIModelClientOptions): ModelClient {
  const { structuredOutput = 'auto' } = options;
  const initialFormat: AnswerFormat = structuredOutput === 'auto' ? 'json_schema' : structuredOutput;
  const steppedDown = new Map<string, AnswerFormat>();
  const formatFor = (model: string) => steppedDown.get(model) ?? initialFormat;
  const stepDown = (model: string, refused: AnswerFormat, to: AnswerFormat, reason: string) => {
    // Parallel passes meet the same refusal; the first to see it steps down, the rest follow.
    if (formatFor(model) !== refused) return;
    steppedDown.set(model, to);
    options.onStepDown?.(
      `[sift] the model server refused response_format ${refused} for ${model} (${reason}); asking for ${to} from now on, with the schema in the prompt and every answer still checked against it (set SIFT_STRUCTURED_OUTPUT=${to} to start there)`,
    );
  };
  return {
    async complete<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const model = options.models[request.role] ?? options.models.reviewer;
      const jsonSchema = z.toJSONSchema(request.schema, { io: 'output' }) as Record<string, unknown>;
      delete jsonSchema.$schema;
      let spent: ModelUsage = NO_USAGE;
      const response = await retryModelCall(
        async (attempt) => {
          // Each turn asks in a strictly weaker format than the last, so this ends within three.
          for (;;) {
            const answerFormat = formatFor(model);
            try {
              return await completeOnce(openai, {
                request,
                model,
                jsonSchema,
                answerFormat,
                // A truncated answer is retried with more room rather than the same limit again.
                maxCompletionTokens: options.maxOutputTokens * Math.min(4, 2 ** (attempt - 1)),
              });
            } catch (error) {
              if (!(error instanceof ModelError)) throw error;
              spent = addUsage(spent, error.usage);
              // Whether or not it is retried, the error leaves with everything spent so far.
              error.usage = spent;
              const weaker = structuredOutput === 'auto' ? stepDownAnswerFormat(answerFormat, error) : null;
              if (!weaker) throw error;
              stepDown(model, answerFormat, weaker, error.message);
            }
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

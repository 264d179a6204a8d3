import type OpenAI from 'openai';
import { ModelError, ModelOutputTruncatedError, ModelRefusalError } from '../errors.js';
import { classifyModelError } from './classify-model-error.js';
import { describeAnswerFormat } from './describe-answer-format.js';
import type { ChatMessage, ModelRequest, ModelResponse, ModelUsage } from './model-client.js';
import { parseModelOutput } from './parse-model-output.js';
import type { AnswerFormat } from './step-down-answer-format.js';
import { NO_USAGE } from './usage.js';
import { withChildSignal } from './with-child-signal.js';

export interface CompletionAttempt<T> {
  readonly request: ModelRequest<T>;
  readonly model: string;
  /** The answer's JSON schema, as the provider expects it. */
  readonly jsonSchema: Record<string, unknown>;
  /** How the answer is asked to be JSON; below `json_schema` the schema is described in the prompt. */
  readonly answerFormat: AnswerFormat;
  readonly maxCompletionTokens: number;
}

/**
 * One request to the Chat Completions API and what its answer is worth. Failures are Sift's model
 * errors carrying this attempt's usage: an answer that came back unusable (refused, cut off, not
 * matching the schema) was still paid for, and its tokens count.
 */
export async function completeOnce<T>(
  openai: OpenAI,
  { request, model, jsonSchema, answerFormat, maxCompletionTokens }: CompletionAttempt<T>,
): Promise<ModelResponse<T>> {
  let completion: OpenAI.Chat.Completions.ChatCompletion;
  const messages =
    answerFormat === 'json_schema'
      ? request.messages
      : withLastMessageEnding(request.messages, describeAnswerFormat(request.schemaName, jsonSchema));
  try {
    // A signal of the attempt's own: the SDK never removes the abort listener it adds to it.
    completion = await withChildSignal(request.signal, (signal) =>
      openai.chat.completions.create(
        {
          model,
          messages: messages.map((message) => ({ role: message.role, content: message.content })),
          ...responseFormatOf(answerFormat, request.schemaName, jsonSchema),
          max_completion_tokens: maxCompletionTokens,
        },
        signal ? { signal } : {},
      ),
    );
  } catch (error) {
    throw classifyModelError(error) ?? error;
  }
  const tokens = tokensOf(completion);
  try {
    return {
      value: interpretAnswer(completion, request),
      model: completion.model || model,
      usage: { ...tokens, calls: 1, attempts: 1 },
    };
  } catch (error) {
    if (error instanceof ModelError) error.usage = { ...tokens, attempts: 1, failedCalls: 1 };
    throw error;
  }
}

function responseFormatOf(
  format: AnswerFormat,
  schemaName: string,
  jsonSchema: Record<string, unknown>,
): Pick<OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming, 'response_format'> {
  if (format === 'json_schema') {
    return {
      response_format: {
        type: 'json_schema',
        json_schema: { name: schemaName, strict: true, schema: jsonSchema },
      },
    };
  }
  return format === 'json_object' ? { response_format: { type: 'json_object' } } : {};
}

/**
 * The schema goes after everything else: the prompt's shared prefix (and the provider's cache of
 * it) stays as it is, and a small model reads the format last, right before it answers. It is not
 * a message of its own: chat templates that insist on alternating roles (Mistral's) refuse a
 * system message after a user one.
 */
function withLastMessageEnding(messages: readonly ChatMessage[], ending: string): ChatMessage[] {
  return messages.map((message, index) =>
    index === messages.length - 1 ? { ...message, content: `${message.content}\n\n${ending}` } : message,
  );
}

function interpretAnswer<T>(completion: OpenAI.Chat.Completions.ChatCompletion, request: ModelRequest<T>): T {
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
  return parseModelOutput(choice?.message.content ?? '', request.schema, request.schemaName);
}

function tokensOf(completion: OpenAI.Chat.Completions.ChatCompletion): ModelUsage {
  return {
    ...NO_USAGE,
    promptTokens: completion.usage?.prompt_tokens ?? 0,
    completionTokens: completion.usage?.completion_tokens ?? 0,
    cachedPromptTokens: completion.usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

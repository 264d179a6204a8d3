import type { z } from 'zod';

/** What a model call is for; each role may use its own model and is accounted separately. */
export type ModelRole = 'reviewer' | 'verifier' | 'responder';

export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

export interface ModelRequest<T> {
  readonly role: ModelRole;
  readonly messages: readonly ChatMessage[];
  /** The answer's shape; it is sent to the model as a strict JSON schema and checked on return. */
  readonly schema: z.ZodType<T>;
  readonly schemaName: string;
  readonly signal?: AbortSignal | undefined;
}

export interface ModelUsage {
  /** Calls that ended with a usable answer. */
  readonly calls: number;
  /** Every request sent to the provider, answered or not: what the provider bills and rate-limits. */
  readonly attempts: number;
  /** Attempts that failed, including those a retry then made good. */
  readonly failedCalls: number;
  /** Tokens of every attempt the provider reported them for, failed ones included. */
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** Prompt tokens the provider served from its prompt cache. */
  readonly cachedPromptTokens: number;
}

export interface ModelResponse<T> {
  readonly value: T;
  readonly usage: ModelUsage;
  readonly model: string;
}

/** The port every stage uses to ask a model; adapters wrap the OpenAI SDK or a scripted model. */
export interface ModelClient {
  complete<T>(request: ModelRequest<T>): Promise<ModelResponse<T>>;
}

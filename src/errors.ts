import type { ModelUsage } from './llm/model-client.js';
import { ONE_FAILED_ATTEMPT } from './llm/usage.js';

/**
 * Every error Sift raises on purpose. Each class is one condition that some caller treats
 * differently; its `name` is a literal so logs and tests can match on it. Messages say what the
 * reader can do about it.
 */

export class SiftError extends Error {
  override name: string = 'SiftError';
}

/** The environment (deployment settings) is missing a value or holds one that cannot work. */
export class EnvInvalidError extends SiftError {
  override name = 'EnvInvalidError' as const;
}

/**
 * The operator's plans file (`SIFT_PLANS_FILE`) cannot be used: it is missing, is not YAML, or
 * describes plans that cannot work. Thrown at start, with every problem and its line, so Sift
 * never serves an organisation under limits nobody meant.
 */
export class PlansFileInvalidError extends SiftError {
  override name = 'PlansFileInvalidError' as const;
}

/** The command line asked for something that cannot be done; the message says what to do instead. */
export class UsageError extends SiftError {
  override name = 'UsageError' as const;
}

/** A diff or patch does not follow the unified diff format; the file cannot be anchored safely. */
export class MalformedDiffError extends SiftError {
  override name = 'MalformedDiffError' as const;
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`[sift] the diff of ${path} cannot be parsed: ${detail}`);
  }
}

/** A prompt template and the values given to it disagree on the placeholders. */
export class PromptContractError extends SiftError {
  override name = 'PromptContractError' as const;
}

/** The review of a head SHA was cancelled because a newer head SHA arrived. */
export class ReviewSupersededError extends SiftError {
  override name = 'ReviewSupersededError' as const;
}

/** A running job was stopped because the process is shutting down; the journal resumes it. */
export class ShuttingDownError extends SiftError {
  override name = 'ShuttingDownError' as const;
}

/**
 * A job was withdrawn because its installation went away (the app was uninstalled) or the
 * repository was removed from it: it ends at once, writes nothing more and is not retried.
 */
export class JobDiscardedError extends SiftError {
  override name = 'JobDiscardedError' as const;
  constructor(
    message: string,
    /** What went away, whose state the job's last writes must not outlive. */
    readonly gone: 'installation' | 'repository',
  ) {
    super(message);
  }
}

/** The spending limits a model call can be refused by. */
export type BudgetName = 'review' | 'installation-day' | 'installation-month';

/**
 * A model call was refused because a spending limit is reached: the review's `budget.maxTokens`,
 * or what the installation may spend in a UTC day or month. Thrown before the call starts, never
 * retried; the job ends and says on the check run which limit it was and how to raise it.
 */
export class BudgetExceededError extends SiftError {
  override name = 'BudgetExceededError' as const;
  constructor(
    readonly budget: BudgetName,
    /** Tokens already spent against this limit. */
    readonly spent: number,
    readonly limit: number,
  ) {
    super(`[sift] the ${budget} model budget is spent: ${spent} of ${limit} tokens`);
  }
}

/**
 * The base of every model failure. Transport failures (the request did not complete) and output
 * failures (it completed with an answer Sift cannot use) are separate branches because only some
 * of either are worth retrying.
 */
export abstract class ModelError extends SiftError {
  abstract readonly retryable: boolean;
  /** What the user should be told on the check run, in one sentence. */
  abstract readonly userMessage: string;
  /**
   * What the call had spent when it failed: every attempt, and the tokens of answers that came back
   * unusable. Callers add it to the review's usage so that failed calls and retries are counted.
   * The model client sets it; until then it is the one attempt this error ended.
   */
  usage: ModelUsage = ONE_FAILED_ATTEMPT;
}

export abstract class ModelTransportError extends ModelError {}

/** The model did not answer within the request timeout. */
export class ModelTimeoutError extends ModelTransportError {
  override name = 'ModelTimeoutError' as const;
  readonly retryable = true;
  readonly userMessage = 'The model did not answer in time.';
}

/** The provider answered 429; `retryAfterMs` is its `retry-after` header when it sent one. */
export class ModelRateLimitedError extends ModelTransportError {
  override name = 'ModelRateLimitedError' as const;
  readonly retryable = true;
  readonly userMessage = 'The model provider is rate limiting requests (HTTP 429).';
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

/** The provider answered 5xx or the connection failed. */
export class ModelUnavailableError extends ModelTransportError {
  override name = 'ModelUnavailableError' as const;
  readonly retryable = true;
  readonly userMessage = 'The model provider is unavailable (server error or connection failure).';
}

/** The provider rejected the credentials or the model name (401, 403, 404): only an operator can fix it. */
export class ModelConfigurationError extends ModelTransportError {
  override name = 'ModelConfigurationError' as const;
  readonly retryable = false;
  readonly userMessage =
    'The model provider rejected the request: check OPENAI_API_KEY, OPENAI_BASE_URL and the model name in the deployment.';
}

/** The provider rejected the request itself (400), for example because the prompt is too long. */
export class ModelRequestRejectedError extends ModelTransportError {
  override name = 'ModelRequestRejectedError' as const;
  readonly retryable = false;
  readonly userMessage = 'The model provider rejected the request (HTTP 400).';
}

export abstract class ModelOutputError extends ModelError {}

/** The model refused to answer. Asking again with the same prompt rarely helps. */
export class ModelRefusalError extends ModelOutputError {
  override name = 'ModelRefusalError' as const;
  readonly retryable = false;
  readonly userMessage = 'The model refused to review this change.';
}

/** The answer is not JSON or does not match the schema Sift asked for. */
export class ModelOutputInvalidError extends ModelOutputError {
  override name = 'ModelOutputInvalidError' as const;
  readonly retryable = true;
  readonly userMessage = 'The model answered with output that does not match the expected format.';
}

/** The answer was cut off by the completion token limit (`finish_reason: length`). */
export class ModelOutputTruncatedError extends ModelOutputError {
  override name = 'ModelOutputTruncatedError' as const;
  readonly retryable = true;
  readonly userMessage = 'The model answer was cut off by the output token limit.';
}

/**
 * The answer was larger than Sift reads (`MAX_ANSWER_BYTES` in `src/llm/cap-response-bytes.ts`). An
 * answer is bounded by the output token limit Sift sends, so a server that sends more is ignoring
 * the limit, and asking again would only fetch another oversized answer: not retried.
 */
export class ModelAnswerTooLargeError extends ModelOutputError {
  override name = 'ModelAnswerTooLargeError' as const;
  readonly retryable = false;
  readonly userMessage =
    "The model's answer was too large to read; the provider may be ignoring the output token limit.";
}

/**
 * The pull request's host (GitHub) answered a request with an error, after the client's own
 * retries of transient failures. The message names the host, the request and what to do: these
 * are not Sift's internal errors and must not be reported as such.
 */
export class HostRequestError extends SiftError {
  override name = 'HostRequestError' as const;
  constructor(
    /** The HTTP status; 0 when no answer came at all (a connection failure). */
    readonly status: number,
    /** `GET /repos/acme/app/contents/.github%2Fsift.yml`, with the query left out. */
    readonly request: string,
    readonly userMessage: string,
  ) {
    super(`[sift] GitHub answered ${status || 'nothing'} to ${request}: ${userMessage}`);
  }
}

/**
 * The host refused the review because of where an inline comment sits (GitHub's 422 "line must be
 * part of the diff"). Sift anchors every comment before posting, so this means the anchoring and
 * GitHub disagree; the review is posted again with its comments in the summary.
 */
export class ReviewRefusedError extends SiftError {
  override name = 'ReviewRefusedError' as const;
}

/** Which cap of SnapshotLimits (src/repository/snapshot-limits.ts) a snapshot ran into. */
export type SnapshotLimit = 'archive-bytes' | 'unpacked-bytes' | 'files' | 'time';

/**
 * A repository snapshot stopped at one of its caps: the archive unpacks to too much (a gzip bomb
 * among others), its files are too many or too large together, or it took too long. Thrown while
 * reading; the review goes on without cross-file context and the check run gives this message.
 */
export class SnapshotLimitError extends SiftError {
  override name = 'SnapshotLimitError' as const;
  constructor(
    readonly limit: SnapshotLimit,
    /** The cap: bytes, files or milliseconds. */
    readonly cap: number,
  ) {
    super(`[sift] ${describeSnapshotLimit(limit, cap)}, over Sift's limit for cross-file context`);
  }
}

function describeSnapshotLimit(limit: SnapshotLimit, cap: number): string {
  if (limit === 'archive-bytes') return `the repository's archive unpacks to more than ${formatBytes(cap)}`;
  if (limit === 'unpacked-bytes')
    return `the repository's text files add up to more than ${formatBytes(cap)}`;
  if (limit === 'files') return `the repository holds more than ${cap.toLocaleString('en-US')} files`;
  return `the repository took longer than ${(cap / 1000).toLocaleString('en-US')} s to download`;
}

function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(1)).toLocaleString('en-US')} ${units[unit]}`;
}

/** What went wrong, in one line for a person: a model failure in the user's terms, else the message. */
export function describeError(error: unknown): string {
  if (error instanceof ModelError) return error.userMessage;
  if (error instanceof HostRequestError) return error.message.replace(/^\[sift\] /, '');
  return error instanceof Error ? error.message : String(error);
}

import { type ModelError, ModelRequestRejectedError } from '../errors.js';

/**
 * How an answer is asked to be JSON, strongest first: the schema as `response_format`
 * (structured output), JSON mode with the schema in the prompt, or only the schema in the prompt.
 */
export type AnswerFormat = 'json_schema' | 'json_object' | 'prompt';

// What servers say when they cannot take a response_format: OpenAI ("'response_format' of type
// 'json_schema' is not supported with this model"), Azure before 2024-08-01-preview ("response_format
// value as json_schema is enabled only for api versions …"), vLLM's request validation
// ("response_format.type: Input should be 'text' or 'json_object'"), LM Studio ("'response_format.type'
// must be 'json_schema' or 'text'").
const NAMES_RESPONSE_FORMAT = /response[_ .]?format|json[_ ]?schema|json[_ ]?object/i;

/**
 * The next weaker format after the server refused `format`, or null when the refusal is about
 * something else (a prompt too long, a bad parameter) or there is nothing weaker to ask for.
 */
export function stepDownAnswerFormat(format: AnswerFormat, error: ModelError): AnswerFormat | null {
  if (!(error instanceof ModelRequestRejectedError) || !NAMES_RESPONSE_FORMAT.test(error.message))
    return null;
  if (format === 'json_schema') return 'json_object';
  if (format === 'json_object') return 'prompt';
  return null;
}

import { loadPrompt } from './load-prompt.js';
import { renderPrompt } from './render-prompt.js';

/**
 * The answer's schema as words and JSON in the prompt, for a server that cannot take it as
 * `response_format: json_schema`. Indented, because small local models follow a schema they can
 * read more reliably than one packed on a line.
 */
export function describeAnswerFormat(schemaName: string, jsonSchema: Record<string, unknown>): string {
  return renderPrompt(loadPrompt('answer-format'), {
    schemaName,
    schema: JSON.stringify(jsonSchema, null, 2),
  });
}

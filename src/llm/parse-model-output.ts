import type { z } from 'zod';
import { ModelOutputInvalidError } from '../errors.js';

/**
 * Parses the text of a structured answer and checks it against the schema. Some OpenAI-compatible
 * servers ignore `response_format` and wrap JSON in a Markdown fence, so a single fence is peeled.
 */
export function parseModelOutput<T>(content: string, schema: z.ZodType<T>, schemaName: string): T {
  const text = content.trim().replace(/^```(?:json)?\s*\n([\s\S]*?)\n?```$/, '$1');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ModelOutputInvalidError(
      `[sift] the ${schemaName} answer is not JSON: ${JSON.stringify(text.slice(0, 120))}`,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new ModelOutputInvalidError(
      `[sift] the ${schemaName} answer does not match its schema: ${problems}`,
    );
  }
  return result.data;
}

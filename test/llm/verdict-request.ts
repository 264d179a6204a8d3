import { z } from 'zod';
import type { ModelRequest } from '../../src/llm/model-client.js';

/** A small structured answer, as the verifier asks for one. */
export const verdictSchema = z.object({
  verdict: z.enum(['keep', 'drop']).describe('Whether the finding survives.'),
  reason: z.string().nullable().describe('Why, in one sentence; null when obvious.'),
});

/** A request for a verdict, as the model-client tests send it. */
export const verdictRequest: ModelRequest<z.output<typeof verdictSchema>> = {
  role: 'reviewer',
  messages: [
    { role: 'system', content: 'You are Sift.' },
    { role: 'user', content: 'Is the finding real?' },
  ],
  schema: verdictSchema,
  schemaName: 'verdict',
};

import { z } from 'zod';

/** How Sift answers in a thread. Strict-schema rules: every property required, optional ones nullable. */
export const replyAnswerSchema = z.object({
  reply: z.string().describe('The answer to post in the thread, in Markdown, under 150 words.'),
  stance: z
    .enum(['question', 'disputes', 'agrees', 'asks-for-fix', 'other'])
    .describe(
      'What the last message does: asks a question, disputes the finding (says it is intended or wrong), agrees, asks for a fix, or other.',
    ),
  findingStands: z
    .boolean()
    .describe(
      'After reading the reply: does the finding still describe a real problem? false when the person is right.',
    ),
  suggestion: z
    .string()
    .nullable()
    .describe('Replacement for the lines the finding points at, when asked for a fix; otherwise null.'),
});

export type ReplyAnswer = z.output<typeof replyAnswerSchema>;

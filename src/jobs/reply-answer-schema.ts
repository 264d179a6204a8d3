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
  convention: z
    .string()
    .nullable()
    .describe(
      'When the last message states a convention or deliberate choice of the repository that future reviews should respect, that convention as one sentence addressed to reviewers; otherwise null.',
    ),
  conventionPaths: z
    .array(z.string())
    .describe(
      'Path globs the convention is limited to when the message limits it (for example "api/**"); an empty list when it holds for the whole repository or there is no convention.',
    ),
});

export type ReplyAnswer = z.output<typeof replyAnswerSchema>;

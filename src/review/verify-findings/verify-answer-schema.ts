import { z } from 'zod';

export const VERDICTS = ['confirmed', 'rejected', 'uncertain'] as const;

/** The verifier's answer: a verdict with evidence for each cluster id it was shown. */
export const verifyAnswerSchema = z.object({
  verdicts: z
    .array(
      z.object({
        id: z.string().describe('The finding id exactly as shown, e.g. "C3".'),
        verdict: z.enum(VERDICTS).describe('confirmed, rejected or uncertain, as defined above.'),
        evidence: z
          .array(z.string())
          .describe(
            'Line ids ("F2:R41") or citations ("path:120-131") of the code that decides the verdict.',
          ),
        reason: z
          .string()
          .describe('One or two sentences: why the code shown confirms or refutes the claim.'),
      }),
    )
    .describe('One verdict per finding id.'),
});

import type { Context } from 'probot';
import { z } from 'zod';

/** The installation a delivery is for: every job acts through its token. */
export const installationSchema = z.object({ id: z.number().int().positive() });
export const repositorySchema = z.object({
  name: z.string().min(1),
  owner: z.object({ login: z.string().min(1) }),
});
export const commitIdSchema = z.string().regex(/^[0-9a-f]{40}$/);

/**
 * The fields of a delivery a handler relies on, checked by its schema; anything else in the
 * payload is ignored. A payload that does not fit is logged with its delivery id and yields null,
 * so a broken or forged delivery does nothing but leave a trace.
 */
export function readPayload<T>(
  context: Pick<Context, 'id' | 'name' | 'payload' | 'log'>,
  schema: z.ZodType<T>,
): T | null {
  const parsed = schema.safeParse(context.payload);
  if (parsed.success) return parsed.data;
  context.log.warn(
    { delivery: context.id, issues: parsed.error.issues.slice(0, 3) },
    `ignoring a malformed ${context.name} event`,
  );
  return null;
}

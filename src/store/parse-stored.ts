import type { z } from 'zod';

/**
 * Parses a stored value with `schema`; undefined when it is not JSON or not of that shape. A value
 * another process or an older Sift wrote may be anything: what does not parse is absent.
 */
export function parseStored<T>(schema: z.ZodType<T>, value: string | null | undefined): T | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

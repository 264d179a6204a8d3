import { z } from 'zod';

/** An installation's own model: where to send requests, which models, and the key (sealed at rest). */
export const installationModelSettingsSchema = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }).nullable(),
  model: z.string().trim().min(1),
  verifierModel: z.string().trim().min(1).nullable(),
  apiKey: z.string().min(1),
});

export type InstallationModelSettings = z.infer<typeof installationModelSettingsSchema>;

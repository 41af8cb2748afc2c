import { z } from 'zod';

const chartValues = z.record(z.string(), z.unknown());

/** Release settings shared by all stacks (`spaces:` at the top of the config). */
export const spacesSettingsSchema = z.strictObject({
  version: z.string(),
  account: z.string(),
  namespace: z.string().optional(),
  releaseName: z.string().optional(),
  values: chartValues.optional(),
  manageRelease: z.boolean().optional(),
  repositoryUsername: z.string().optional(),
  wait: z.boolean().optional(),
  timeout: z.number().int().positive().optional(),
  createNamespace: z.boolean().optional(),
});
export type SpacesSettings = z.infer<typeof spacesSettingsSchema>;

/** A stack's overrides of the shared release settings. */
export const spacesOverrideSchema = spacesSettingsSchema.partial();

/** Keys every stack entry has, whatever its cloud and identity. */
export const stackCommonShape = {
  name: z.string(),
  kubeconfigPath: z.string().optional(),
  kubeconfigContext: z.string().optional(),
  kubernetesFromCluster: z.boolean().optional(),
  clusterName: z.string().optional(),
  spaces: spacesOverrideSchema.optional(),
};

export const stringMap = z.record(z.string(), z.string());

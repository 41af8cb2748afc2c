import { GCS_OBJECT_CREATOR_ROLE } from './members';

/** Valid but risky GCP choices, as synth warnings. */
export function gcpRiskWarnings(input: { role?: string; bindingScope?: string }): string[] {
  const warnings: string[] = [];
  if (input.role === GCS_OBJECT_CREATOR_ROLE) {
    warnings.push(
      `role ${GCS_OBJECT_CREATOR_ROLE} cannot list objects (storage.objects.list), which Vector's health check needs, so the sink reports unhealthy; use roles/storage.objectAdmin or a custom role with storage.objects.create and storage.objects.list`,
    );
  }
  if (input.bindingScope === 'project') {
    warnings.push(
      'bindingScope "project" grants the role on the project, that is on every bucket in it, not only the billing bucket; use bindingScope "bucket" (the default) to grant it on the billing bucket only',
    );
  }
  return warnings;
}

import { BILLING_COMPONENT, WorkloadComponent } from '../component';

/** The role that lets a Kubernetes service account impersonate a Google service account. */
export const WORKLOAD_IDENTITY_USER_ROLE = 'roles/iam.workloadIdentityUser';

/** The role granted for the billing bucket by default: Vector writes objects, and its health check lists them. */
export const DEFAULT_GCS_BILLING_ROLE = 'roles/storage.objectAdmin';

/** A role that writes objects but cannot list them, so Vector's health check fails. */
export const GCS_OBJECT_CREATOR_ROLE = 'roles/storage.objectCreator';

/** The GKE service account annotation that names the Google service account to impersonate. */
export const GKE_SERVICE_ACCOUNT_ANNOTATION = 'iam.gke.io/gcp-service-account';

/** The workload identity pool of a project's GKE clusters: `<projectId>.svc.id.goog`. */
export function workloadIdentityPool(projectId: string): string {
  return `${projectId}.svc.id.goog`;
}

/**
 * The IAM principal identifier of a Kubernetes service account under GKE
 * Workload Identity Federation. The project NUMBER goes in the path, the
 * project ID in the pool name:
 * `principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<id>.svc.id.goog/subject/ns/<ns>/sa/<ksa>`.
 *
 * Not the upstream guide's
 * `principalSet://.../attribute.kubernetes_namespace/<ns>/attribute.kubernetes_service_account/<ksa>`:
 * that is not a GKE principal identifier, and it matches nobody.
 */
export function principalMember(
  projectNumber: string,
  projectId: string,
  namespace: string,
  component: WorkloadComponent = BILLING_COMPONENT,
): string {
  return (
    `principal://iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/` +
    `${workloadIdentityPool(projectId)}/subject/ns/${namespace}/sa/${component.serviceAccountName}`
  );
}

/**
 * The member that may impersonate a Google service account, granted
 * `roles/iam.workloadIdentityUser`: `serviceAccount:<projectId>.svc.id.goog[<ns>/<ksa>]`.
 */
export function workloadIdentityUserMember(
  projectId: string,
  namespace: string,
  component: WorkloadComponent = BILLING_COMPONENT,
): string {
  return `serviceAccount:${workloadIdentityPool(projectId)}[${namespace}/${component.serviceAccountName}]`;
}

/** The IAM member of a Google service account: `serviceAccount:<email>`. */
export function serviceAccountMember(email: string): string {
  return `serviceAccount:${email}`;
}

/** The e-mail address of a user-managed Google service account. */
export function serviceAccountEmail(serviceAccountId: string, projectId: string): string {
  return `${serviceAccountId}@${projectId}.iam.gserviceaccount.com`;
}

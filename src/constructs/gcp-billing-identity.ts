import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { BILLING_COMPONENT } from '../component';
import {
  DEFAULT_GCS_BILLING_ROLE,
  GKE_SERVICE_ACCOUNT_ANNOTATION,
  WORKLOAD_IDENTITY_USER_ROLE,
  principalMember,
  serviceAccountMember,
  workloadIdentityUserMember,
} from '../gcp/members';
import { GcpBindingScope, GcpIdentityMode, gcpBillingIdentityProblems } from '../gcp/validation';
import { gcpRiskWarnings } from '../gcp/warnings';
import { throwIfProblems } from '../rules/problem';
import { BillingValues } from '../values/chart-values';
import { BillingIdentity } from './billing-identity';

export interface GcpBillingIdentityProps {
  /** The ID of the Google Cloud project of the GKE cluster and the bucket (its workload identity pool is `<projectId>.svc.id.goog`). */
  readonly projectId: string;
  /**
   * The project's number, a string or a token (`DataGoogleProject.number`);
   * it goes in the path of the principal identifiers. Principal mode only:
   * giving it in impersonation mode is an error.
   * @default - read from the `google_project` data source of `projectId` (principal mode)
   */
  readonly projectNumber?: string;
  /** The Cloud Storage bucket the billing component writes usage data to. */
  readonly bucketName: string;
  /**
   * The control plane host namespaces (`mxp-<controlPlaneID>-system`) whose
   * `vector` service account gets access. Required and non-empty.
   */
  readonly controlPlaneNamespaces: string[];
  /**
   * How `vector` reaches the bucket. `principal`: directly as its Kubernetes
   * identity (an IAM principal identifier per namespace; no Google service
   * account; needs uniform bucket-level access). `impersonation`: by
   * impersonating one Google service account, which each namespace's
   * `vector` may use (`roles/iam.workloadIdentityUser`), for where principal
   * identifiers are not supported.
   * @see https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
   * @default "principal"
   */
  readonly mode?: GcpIdentityMode;
  /**
   * The account ID of the Google service account (6 to 30 characters; its
   * e-mail is `<id>@<projectId>.iam.gserviceaccount.com`). Impersonation mode
   * only: giving it in principal mode is an error.
   * @default "billing-sa"
   */
  readonly serviceAccountId?: string;
  /**
   * The IAM role granted for the bucket. `roles/storage.objectCreator` lacks
   * `storage.objects.list`, which Vector's health check needs: choosing it
   * adds a synth warning.
   * @default "roles/storage.objectAdmin"
   */
  readonly role?: string;
  /**
   * Where the role is granted: on the billing bucket, or on the whole project
   * (as the upstream guide does; that grants access to every bucket in the
   * project, and adds a synth warning).
   * @default "bucket"
   */
  readonly bindingScope?: GcpBindingScope;
  /**
   * Manage the bucket too (`google_storage_bucket`, with uniform bucket-level
   * access and public access prevention enforced). Requires `bucketLocation`.
   * @default false - the bucket exists; in principal mode it must have uniform bucket-level access
   */
  readonly createBucket?: boolean;
  /**
   * The location of the created bucket (`us-central1`, `US`). Only with `createBucket`.
   * @default - none; required with `createBucket: true`
   */
  readonly bucketLocation?: string;
}

/**
 * Cloud IAM access for the Spaces billing component (`vector`) on GKE with
 * Workload Identity Federation, to one Cloud Storage bucket, and the chart
 * values that bind it.
 *
 * Every grant is a non-authoritative `*_iam_member`: an `*_iam_binding` or
 * `*_iam_policy` would silently remove the access of every other member of
 * the role. Each namespace's grant is its own resource, named after the
 * namespace, so adding or removing a control plane touches only its own.
 */
export class GcpBillingIdentity extends Construct implements BillingIdentity {
  public readonly mode: GcpIdentityMode;
  /** The role granted for the bucket. */
  public readonly role: string;
  /** The project number in the principal identifiers (principal mode; may be a token). */
  public readonly projectNumber?: string;
  /** The bucket's name, referencing the bucket resource when it is created. */
  public readonly bucketName: string;
  /** The created bucket (`createBucket: true`). */
  public readonly bucket?: StorageBucket;
  /** The Google service account (impersonation mode). */
  public readonly serviceAccount?: ServiceAccount;
  /** The e-mail of the Google service account (impersonation mode; a token). */
  public readonly serviceAccountEmail?: string;
  /**
   * Per namespace, the member granted for it: the principal identifier that
   * gets the role (principal mode), or the member that may impersonate the
   * Google service account (impersonation mode).
   */
  public readonly namespaceMembers: Readonly<Record<string, string>>;
  public readonly controlPlaneNamespaces: readonly string[];
  public readonly billingValues: BillingValues;

  constructor(scope: Construct, id: string, props: GcpBillingIdentityProps) {
    super(scope, id);
    throwIfProblems(gcpBillingIdentityProblems(props), `${this.node.path}`);
    this.mode = props.mode ?? 'principal';
    this.role = props.role ?? DEFAULT_GCS_BILLING_ROLE;
    const scopeOfGrant = props.bindingScope ?? 'bucket';
    this.controlPlaneNamespaces = [...props.controlPlaneNamespaces].sort();

    if (props.createBucket) {
      this.bucket = new StorageBucket(this, 'Bucket', {
        name: props.bucketName,
        project: props.projectId,
        location: props.bucketLocation!,
        // Principal identifiers are refused on buckets with fine-grained (ACL) access.
        uniformBucketLevelAccess: true,
        publicAccessPrevention: 'enforced',
      });
    }
    this.bucketName = this.bucket ? this.bucket.name : props.bucketName;

    // One non-authoritative grant of the role to a member, on the bucket or the project.
    const grant = (grantId: string, member: string) =>
      scopeOfGrant === 'project'
        ? new ProjectIamMember(this, `Project${grantId}`, { project: props.projectId, role: this.role, member })
        : new StorageBucketIamMember(this, `Bucket${grantId}`, { bucket: this.bucketName, role: this.role, member });

    const members: Record<string, string> = {};
    if (this.mode === 'principal') {
      this.projectNumber = props.projectNumber ?? new DataGoogleProject(this, 'Project', { projectId: props.projectId }).number;
      for (const namespace of this.controlPlaneNamespaces) {
        members[namespace] = principalMember(this.projectNumber, props.projectId, namespace);
        grant(`Access-${namespace}`, members[namespace]);
      }
    } else {
      this.serviceAccount = new ServiceAccount(this, 'ServiceAccount', {
        accountId: props.serviceAccountId ?? 'billing-sa',
        project: props.projectId,
        displayName: 'Upbound Spaces billing',
        description: `Impersonated by the Upbound Spaces billing component (${BILLING_COMPONENT.serviceAccountName}) through GKE Workload Identity Federation`,
      });
      this.serviceAccountEmail = this.serviceAccount.email;
      grant('Access', serviceAccountMember(this.serviceAccountEmail));
      for (const namespace of this.controlPlaneNamespaces) {
        members[namespace] = workloadIdentityUserMember(props.projectId, namespace);
        new ServiceAccountIamMember(this, `WorkloadIdentityUser-${namespace}`, {
          serviceAccountId: this.serviceAccount.name,
          role: WORKLOAD_IDENTITY_USER_ROLE,
          member: members[namespace],
        });
      }
    }
    this.namespaceMembers = members;

    this.billingValues = {
      storage: { provider: 'gcp', bucket: props.bucketName },
      serviceAccountAnnotations: this.serviceAccountEmail !== undefined ? { [GKE_SERVICE_ACCOUNT_ANNOTATION]: this.serviceAccountEmail } : {},
      podLabels: {},
    };
    for (const warning of gcpRiskWarnings({ role: this.role, bindingScope: scopeOfGrant })) Annotations.of(this).addWarning(warning);
  }
}

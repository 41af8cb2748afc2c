/**
 * Facts of the Spaces components that use workload identity.
 *
 * Everything that depends on which component is wired (its Kubernetes service
 * account, the chart value paths of its annotations and labels, the storage
 * permissions it needs) lives here as data, so that other components (the
 * backup controller `mxp-controller`, the shared-secrets controller) can be
 * added as another entry instead of as copies of the constructs.
 */
export interface WorkloadComponent {
  /** A short name, used in construct IDs, resource names and messages. */
  readonly name: string;
  /** The Kubernetes service account the component's pods run as. */
  readonly serviceAccountName: string;
  /** The Kubernetes workload that runs the pods, for the restart command. */
  readonly workloadName: string;
  /** Chart value path of the service account annotations (an object). */
  readonly serviceAccountAnnotationsPath: readonly string[];
  /** Chart value path of the pod labels (an object). */
  readonly podLabelsPath: readonly string[];
  /**
   * Chart value path of a boolean that, when true, makes the workload a
   * StatefulSet instead of a Deployment.
   */
  readonly statefulWhenPath?: readonly string[];
  /** S3 actions the component needs on objects (`<bucket>/*`). */
  readonly s3ObjectActions: readonly string[];
  /** S3 actions the component needs on the bucket itself. */
  readonly s3BucketActions: readonly string[];
  /** KMS actions the component needs on an SSE-KMS key. */
  readonly kmsActions: readonly string[];
}

/**
 * The billing component: Vector, running in the host namespace of every
 * control plane, uploading usage data to object storage.
 */
export const BILLING_COMPONENT: WorkloadComponent = {
  name: 'billing',
  serviceAccountName: 'vector',
  workloadName: 'vector',
  serviceAccountAnnotationsPath: ['controlPlanes', 'vector', 'serviceAccount', 'customAnnotations'],
  podLabelsPath: ['controlPlanes', 'vector', 'pod', 'customLabels'],
  statefulWhenPath: ['controlPlanes', 'vector', 'persistence', 'enabled'],
  // Vector's S3 sink writes objects and its health check lists the bucket.
  s3ObjectActions: ['s3:GetObject', 's3:PutObject'],
  s3BucketActions: ['s3:ListBucket'],
  kmsActions: ['kms:GenerateDataKey', 'kms:Decrypt'],
};

/** The Kubernetes subject of a component's service account in a namespace. */
export function serviceAccountSubject(namespace: string, component: WorkloadComponent = BILLING_COMPONENT): string {
  return `system:serviceaccount:${namespace}:${component.serviceAccountName}`;
}

/** The default host namespace of a control plane. */
export function controlPlaneHostNamespace(controlPlaneId: string): string {
  return `mxp-${controlPlaneId}-system`;
}

import { DataGoogleClientConfig } from '@cdktf/provider-google/lib/data-google-client-config';
import { DataGoogleContainerCluster } from '@cdktf/provider-google/lib/data-google-container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Fn, TerraformStack } from 'cdktf';
import { GcpEntry, gcpIdentityProps } from '../config/entries/gcp';
import { GcpBillingIdentity } from '../constructs/gcp-billing-identity';
import { BuiltIdentity, IdentityOutput, StackBuilder } from './stack-builder';

/** The google provider of a stack, and its GKE cluster connection for helm. */
export function configureGoogle(stack: TerraformStack, entry: { projectId: string; region: string; clusterName?: string; clusterLocation?: string }) {
  new GoogleProvider(stack, 'google', { project: entry.projectId, region: entry.region });
  return () => {
    const cluster = new DataGoogleContainerCluster(stack, 'GkeCluster', {
      name: entry.clusterName!,
      location: entry.clusterLocation!,
      project: entry.projectId,
    });
    const client = new DataGoogleClientConfig(stack, 'GoogleClientConfig');
    return {
      host: `https://${cluster.endpoint}`,
      clusterCaCertificate: Fn.base64decode(cluster.masterAuth.get(0).clusterCaCertificate),
      token: client.accessToken,
    };
  };
}

/** The stack builder of both GCP identities (`gcp/principal`, `gcp/impersonation`). */
export const buildGcpStack: StackBuilder<GcpEntry> = (stack, entry): BuiltIdentity => {
  const clusterConnection = configureGoogle(stack, entry);
  const identity = new GcpBillingIdentity(stack, 'BillingIdentity', gcpIdentityProps(entry));
  const outputs: Record<string, IdentityOutput> = {
    iam_members: {
      value: identity.namespaceMembers,
      description:
        identity.mode === 'principal'
          ? `Per control plane namespace, the IAM principal identifier of vector that holds ${identity.role}`
          : 'Per control plane namespace, the member that may impersonate the Google service account (roles/iam.workloadIdentityUser)',
    },
  };
  if (identity.serviceAccountEmail !== undefined) {
    outputs.service_account_email = {
      value: identity.serviceAccountEmail,
      description: 'The Google service account the billing component (vector) impersonates; the value of its iam.gke.io/gcp-service-account annotation',
    };
  }
  return { identity, clusterConnection, outputs };
};

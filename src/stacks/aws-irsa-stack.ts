import { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import { DataAwsEksClusterAuth } from '@cdktf/provider-aws/lib/data-aws-eks-cluster-auth';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformStack } from 'cdktf';
import { AwsIrsaEntry } from '../config/entries/aws-irsa';
import { AwsIrsaBillingIdentity } from '../constructs/aws-irsa-billing-identity';
import { BuiltIdentity, StackBuilder } from './stack-builder';

/** The aws provider of a stack, and its EKS cluster connection for helm. */
export function configureAws(stack: TerraformStack, entry: { region: string; clusterName?: string; accountId?: string }) {
  new AwsProvider(stack, 'aws', {
    region: entry.region,
    // Refuse to run against another account than the one the config names.
    allowedAccountIds: entry.accountId !== undefined ? [entry.accountId] : undefined,
  });
  return () => {
    const cluster = new DataAwsEksCluster(stack, 'EksCluster', { name: entry.clusterName! });
    const auth = new DataAwsEksClusterAuth(stack, 'EksClusterAuth', { name: entry.clusterName! });
    return {
      host: cluster.endpoint,
      clusterCaCertificate: Fn.base64decode(cluster.certificateAuthority.get(0).data),
      token: auth.token,
    };
  };
}

export const buildAwsIrsaStack: StackBuilder<AwsIrsaEntry> = (stack, entry): BuiltIdentity => {
  const clusterConnection = configureAws(stack, entry);
  const identity = new AwsIrsaBillingIdentity(stack, 'BillingIdentity', {
    bucketName: entry.bucketName,
    region: entry.region,
    controlPlaneNamespaces: entry.controlPlaneNamespaces,
    namespacePattern: entry.namespacePattern,
    clusterName: entry.clusterName,
    oidcIssuerUrl: entry.oidcIssuerUrl,
    oidcProviderArn: entry.oidcProviderArn,
    createOidcProvider: entry.createOidcProvider,
    accountId: entry.accountId,
    partition: entry.partition,
    roleName: entry.roleName,
    rolePath: entry.rolePath,
    permissionsBoundaryArn: entry.permissionsBoundaryArn,
    allowDeleteObject: entry.allowDeleteObject,
    kmsKeyArn: entry.kmsKeyArn,
    trustPolicyMaxLength: entry.trustPolicyMaxLength,
    tags: entry.tags,
  });
  return {
    identity,
    clusterConnection,
    outputs: {
      role_arn: { value: identity.roleArn, description: 'The IAM role the billing component (vector) assumes through IRSA' },
    },
  };
};

import { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import { DataAwsEksClusterAuth } from '@cdktf/provider-aws/lib/data-aws-eks-cluster-auth';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformStack } from 'cdktf';

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

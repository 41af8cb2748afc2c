import { AwsIrsaEntry } from '../config/entries/aws-irsa';
import { AwsIrsaBillingIdentity } from '../constructs/aws-irsa-billing-identity';
import { configureAws } from './aws-provider';
import { BuiltIdentity, StackBuilder } from './stack-builder';

// Moved to aws-provider.ts (shared with the Pod Identity stack); re-exported for existing imports.
export { configureAws };

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

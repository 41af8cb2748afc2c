import { AwsPodIdentityEntry } from '../config/entries/aws-pod-identity';
import { AwsPodIdentityBillingIdentity } from '../constructs/aws-pod-identity-billing-identity';
import { configureAws } from './aws-provider';
import { BuiltIdentity, StackBuilder } from './stack-builder';

export const buildAwsPodIdentityStack: StackBuilder<AwsPodIdentityEntry> = (stack, entry): BuiltIdentity => {
  const clusterConnection = configureAws(stack, entry);
  const identity = new AwsPodIdentityBillingIdentity(stack, 'BillingIdentity', {
    clusterName: entry.clusterName,
    bucketName: entry.bucketName,
    region: entry.region,
    controlPlaneNamespaces: entry.controlPlaneNamespaces,
    accountId: entry.accountId,
    partition: entry.partition,
    roleName: entry.roleName,
    rolePath: entry.rolePath,
    permissionsBoundaryArn: entry.permissionsBoundaryArn,
    allowDeleteObject: entry.allowDeleteObject,
    kmsKeyArn: entry.kmsKeyArn,
    restrictToNamespaces: entry.restrictToNamespaces,
    installAgentAddon: entry.installAgentAddon,
    trustPolicyMaxLength: entry.trustPolicyMaxLength,
    tags: entry.tags,
  });
  return {
    identity,
    clusterConnection,
    outputs: {
      role_arn: { value: identity.roleArn, description: 'The IAM role the billing component (vector) assumes through EKS Pod Identity' },
    },
  };
};

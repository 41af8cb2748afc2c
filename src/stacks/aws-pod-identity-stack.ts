import { AwsPodIdentityEntry } from '../config/entries/aws-pod-identity';
import { AwsPodIdentityBillingIdentity } from '../constructs/aws-pod-identity-billing-identity';
import { configureAws } from './aws-provider';
import { BuiltIdentity, StackBuilder, identityPropsOf } from './stack-builder';

export const buildAwsPodIdentityStack: StackBuilder<AwsPodIdentityEntry> = (stack, entry): BuiltIdentity => {
  const clusterConnection = configureAws(stack, entry);
  const identity = new AwsPodIdentityBillingIdentity(stack, 'BillingIdentity', identityPropsOf(entry));
  return {
    identity,
    clusterConnection,
    outputs: {
      role_arn: { value: identity.roleArn, description: 'The IAM role the billing component (vector) assumes through EKS Pod Identity' },
    },
  };
};

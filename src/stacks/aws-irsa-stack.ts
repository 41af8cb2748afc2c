import { AwsIrsaEntry } from '../config/entries/aws-irsa';
import { AwsIrsaBillingIdentity } from '../constructs/aws-irsa-billing-identity';
import { configureAws } from './aws-provider';
import { BuiltIdentity, StackBuilder, identityPropsOf } from './stack-builder';

export const buildAwsIrsaStack: StackBuilder<AwsIrsaEntry> = (stack, entry): BuiltIdentity => {
  const clusterConnection = configureAws(stack, entry);
  const identity = new AwsIrsaBillingIdentity(stack, 'BillingIdentity', identityPropsOf(entry));
  return {
    identity,
    clusterConnection,
    outputs: {
      role_arn: { value: identity.roleArn, description: 'The IAM role the billing component (vector) assumes through IRSA' },
    },
  };
};

import { buildAwsIrsaStack } from './aws-irsa-stack';
import { buildAwsPodIdentityStack } from './aws-pod-identity-stack';
import { buildGcpStack } from './gcp-stack';
import { buildAzureStack } from './azure-stack';
import { StackBuilder } from './stack-builder';

/** The stack builder of each entry kind (`<cloud>/<identity>`). */
export const STACK_BUILDERS: Readonly<Record<string, StackBuilder<any>>> = {
  'aws/irsa': buildAwsIrsaStack,
  'aws/pod-identity': buildAwsPodIdentityStack,
  'gcp/principal': buildGcpStack,
  'gcp/impersonation': buildGcpStack,
  'azure/workload-identity': buildAzureStack,
};

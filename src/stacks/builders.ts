import { buildAwsIrsaStack } from './aws-irsa-stack';
import { StackBuilder } from './stack-builder';

/** The stack builder of each entry kind (`<cloud>/<identity>`). */
export const STACK_BUILDERS: Readonly<Record<string, StackBuilder<any>>> = {
  'aws/irsa': buildAwsIrsaStack,
};

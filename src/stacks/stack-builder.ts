import { HelmProviderKubernetes } from '@cdktf/provider-helm/lib/provider';
import { TerraformStack } from 'cdktf';
import { BillingIdentity } from '../constructs/billing-identity';

/** A stack output an identity contributes (a role ARN, a client ID). */
export interface IdentityOutput {
  readonly value: unknown;
  readonly description: string;
}

/** What a stack builder made in the stack. */
export interface BuiltIdentity {
  readonly identity: BillingIdentity;
  /** Outputs named after what they hold (`role_arn`). */
  readonly outputs: Readonly<Record<string, IdentityOutput>>;
  /** The helm provider's Kubernetes connection read from the cluster (`kubernetesFromCluster: true`). */
  readonly clusterConnection: () => HelmProviderKubernetes;
}

/** Configures a cloud's providers and builds the identity of one stack entry. */
export type StackBuilder<E> = (stack: TerraformStack, entry: E) => BuiltIdentity;

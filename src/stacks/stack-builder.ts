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

/** Entry keys that configure the stack (its name, kind, Kubernetes connection, release), not the identity. */
const STACK_KEYS = ['name', 'cloud', 'identity', 'kubeconfigPath', 'kubeconfigContext', 'kubernetesFromCluster', 'spaces'] as const;
type StackKey = (typeof STACK_KEYS)[number];

/**
 * The identity props of a config entry: its keys, which mirror the props,
 * less the stack's own keys and the given provider keys (`subscriptionId`).
 */
export function identityPropsOf<E extends object, K extends keyof E = never>(entry: E, ...providerKeys: K[]): Omit<E, StackKey | K> {
  const drop = new Set<PropertyKey>([...STACK_KEYS, ...providerKeys]);
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !drop.has(key))) as Omit<E, StackKey | K>;
}

import { BillingValues } from '../values/chart-values';

/**
 * What every billing identity construct yields: the chart values that wire
 * the billing component to the identity, and the control plane namespaces it
 * serves. `SpacesRelease` and the stacks take any identity through this.
 */
export interface BillingIdentity {
  /** The storage target and the service account annotations and pod labels. */
  readonly billingValues: BillingValues;
  /** The control plane host namespaces this identity serves, sorted. */
  readonly controlPlaneNamespaces: readonly string[];
  /**
   * The command that shows how a namespace's `vector` is wired to the identity.
   * @default - `kubectl get serviceaccount vector -n <namespace> -o yaml` (the annotations)
   */
  readonly verifyCommand?: (namespace: string) => string;
}

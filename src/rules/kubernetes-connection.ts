import { Problem, joinField } from './problem';

/** The helm provider's Kubernetes connection: a kubeconfig, or read from the cluster; not both. */
export function kubernetesConnectionRule(
  prefix: string,
  entry: Readonly<Record<string, unknown>>,
): Problem[] {
  if (entry.kubernetesFromCluster !== true) return [];
  const problems: Problem[] = [];
  if (typeof entry.clusterName !== 'string' || entry.clusterName === '') {
    problems.push({ field: joinField(prefix, 'clusterName'), value: entry.clusterName, rule: 'is required with kubernetesFromCluster: true (the cluster to read the connection from)' });
  }
  for (const key of ['kubeconfigPath', 'kubeconfigContext']) {
    if (entry[key] !== undefined) {
      problems.push({ field: joinField(prefix, key), value: entry[key], rule: 'cannot be combined with kubernetesFromCluster: true; choose one connection' });
    }
  }
  return problems;
}

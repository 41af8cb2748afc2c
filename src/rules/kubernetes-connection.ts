import { Problem, joinField } from './problem';

/** The helm provider's Kubernetes connection: a kubeconfig, or read from the cluster; not both. */
export function kubernetesConnectionRule(
  prefix: string,
  entry: Readonly<Record<string, unknown>>,
): Problem[] {
  const empty = ['kubeconfigPath', 'kubeconfigContext']
    .filter((key) => entry[key] === '')
    .map((key) => ({ field: joinField(prefix, key), value: '', rule: 'is empty: leave it out for the default' }));
  if (entry.kubernetesFromCluster !== true) return empty;
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

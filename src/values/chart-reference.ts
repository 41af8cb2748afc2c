/**
 * The part of the Spaces chart's value reference that this library reads or
 * writes, transcribed from the public Spaces Helm chart reference (chart 1.17):
 * every key under `billing` and `controlPlanes.vector`, plus `account`.
 * Keys quoted in the reference (`tls."ca.crt"`) keep their quotes.
 */
export type ChartValueType = 'string' | 'bool' | 'int' | 'list' | 'object';

export const CHART_VALUE_REFERENCE: Readonly<Record<string, { type: ChartValueType; default: string }>> = {
  'account': { type: 'string', default: '"notdemo"' },
  'billing.enabled': { type: 'bool', default: 'false' },
  'billing.storage.aws.bucket': { type: 'string', default: '""' },
  'billing.storage.aws.endpoint': { type: 'string', default: '""' },
  'billing.storage.aws.region': { type: 'string', default: '""' },
  'billing.storage.aws.tls."ca.crt"': { type: 'bool', default: 'false' },
  'billing.storage.aws.tls."tls.crt"': { type: 'bool', default: 'false' },
  'billing.storage.aws.tls."tls.key"': { type: 'bool', default: 'false' },
  'billing.storage.aws.tls.alpnProtocols': { type: 'list', default: '[]' },
  'billing.storage.aws.tls.verifyCertificate': { type: 'bool', default: 'true' },
  'billing.storage.aws.tls.verifyHostname': { type: 'bool', default: 'true' },
  'billing.storage.azure.connectionString': { type: 'string', default: '""' },
  'billing.storage.azure.container': { type: 'string', default: '""' },
  'billing.storage.azure.endpoint': { type: 'string', default: '""' },
  'billing.storage.azure.storageAccount': { type: 'string', default: '""' },
  'billing.storage.gcp.bucket': { type: 'string', default: '""' },
  'billing.storage.gcp.tls."ca.crt"': { type: 'bool', default: 'false' },
  'billing.storage.gcp.tls."tls.crt"': { type: 'bool', default: 'false' },
  'billing.storage.gcp.tls."tls.key"': { type: 'bool', default: 'false' },
  'billing.storage.gcp.tls.alpnProtocols': { type: 'list', default: '[]' },
  'billing.storage.gcp.tls.verifyCertificate': { type: 'bool', default: 'true' },
  'billing.storage.gcp.tls.verifyHostname': { type: 'bool', default: 'true' },
  'billing.storage.provider': { type: 'string', default: '""' },
  'billing.storage.secretRef.name': { type: 'string', default: '"billing-storage"' },
  'controlPlanes.vector.affinity': { type: 'object', default: '{}' },
  'controlPlanes.vector.debug': { type: 'bool', default: 'false' },
  'controlPlanes.vector.nodeSelector': { type: 'object', default: '{}' },
  'controlPlanes.vector.persistence.enabled': { type: 'bool', default: 'false' },
  'controlPlanes.vector.persistence.size': { type: 'string', default: '"1Gi"' },
  'controlPlanes.vector.persistence.storageClassName': { type: 'string', default: '""' },
  'controlPlanes.vector.pod.customLabels': { type: 'object', default: '{}' },
  'controlPlanes.vector.replicas': { type: 'int', default: '1' },
  'controlPlanes.vector.resources.limits.cpu': { type: 'string', default: 'nil' },
  'controlPlanes.vector.resources.limits.memory': { type: 'string', default: 'nil' },
  'controlPlanes.vector.resources.requests.cpu': { type: 'string', default: '"200m"' },
  'controlPlanes.vector.resources.requests.memory': { type: 'string', default: '"256Mi"' },
  'controlPlanes.vector.service.enabled': { type: 'bool', default: 'false' },
  'controlPlanes.vector.serviceAccount.customAnnotations': { type: 'object', default: '{}' },
  'controlPlanes.vector.sinks.usage.buffer.maxEvents': { type: 'int', default: '500' },
  'controlPlanes.vector.sinks.usage.buffer.maxSize': { type: 'int', default: '268435488' },
  'controlPlanes.vector.tolerations': { type: 'list', default: '[]' },
  'controlPlanes.vector.topologySpreadConstraints': { type: 'list', default: '[]' },
  'controlPlanes.vector.version': { type: 'string', default: '"0.36.1"' },
};

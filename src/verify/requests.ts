import { IamPrincipal, IamRequest, globMatch } from './iam-evaluator';

/**
 * The requests the billing role must allow and refuse, derived from a stack's
 * config entry (what the user asked for), not from the policies under test.
 * The facts used here (the Kubernetes subject format, the IRSA audience, the
 * Pod Identity service principal and its session tags) are written out
 * again on purpose: a verification that imported them from the code it
 * checks could not catch a mistake in them.
 */

/** The billing component's Kubernetes service account. */
export const BILLING_SERVICE_ACCOUNT = 'vector';
/** The audience of the tokens EKS projects for IRSA. */
export const STS_AUDIENCE = 'sts.amazonaws.com';
/** The service principal of EKS Pod Identity. */
export const PODS_EKS_SERVICE = 'pods.eks.amazonaws.com';

/** A request and the decision the role's policies must give it. */
export interface RequestExpectation {
  /** What is checked, for the report. */
  readonly what: string;
  /** `trust`: the role's trust policy; `permissions`: its identity policies. */
  readonly policy: 'trust' | 'permissions';
  readonly request: IamRequest;
  readonly expect: 'allow' | 'deny';
}

/** The Pod Identity associations a stack must make: one per namespace, for the service account, in the cluster. */
export interface AssociationExpectation {
  readonly clusterName: string;
  readonly serviceAccount: string;
  readonly namespaces: readonly string[];
}

export interface AwsExpectations {
  readonly requests: readonly RequestExpectation[];
  readonly associations?: AssociationExpectation;
  /** Requests that could not be modelled, and why. */
  readonly notModelled: readonly string[];
}

/** The entry kinds whose requests are modelled. */
export const MODELLED_KINDS = ['aws/irsa', 'aws/pod-identity'] as const;

/** The expectations of a config entry, or undefined when its kind is not modelled. */
export function awsExpectations(kind: string, props: Readonly<Record<string, unknown>>): AwsExpectations | undefined {
  if (kind === 'aws/irsa') return irsaExpectations(props);
  if (kind === 'aws/pod-identity') return podIdentityExpectations(props);
  return undefined;
}

/** The Kubernetes subject of a service account token. */
export function serviceAccountTokenSubject(namespace: string, serviceAccount: string): string {
  return `system:serviceaccount:${namespace}:${serviceAccount}`;
}

/** The partition of a region: AWS's own rule, written out again. */
export function regionPartition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

interface Common {
  readonly region: string;
  readonly partition: string;
  readonly accountId?: string;
  readonly bucketName: string;
  readonly namespaces: readonly string[];
  readonly allowDeleteObject: boolean;
  readonly kmsKeyArn?: string;
}

function common(props: Readonly<Record<string, unknown>>): Common {
  const region = String(props.region);
  return {
    region,
    partition: typeof props.partition === 'string' ? props.partition : regionPartition(region),
    accountId: typeof props.accountId === 'string' ? props.accountId : undefined,
    bucketName: String(props.bucketName),
    namespaces: Array.isArray(props.controlPlaneNamespaces) ? [...(props.controlPlaneNamespaces as string[])].sort() : [],
    allowDeleteObject: props.allowDeleteObject === true,
    kmsKeyArn: typeof props.kmsKeyArn === 'string' ? props.kmsKeyArn : undefined,
  };
}

/** A namespace that is neither listed nor matched by the pattern. */
export function unlistedNamespace(listed: readonly string[], pattern?: string): string | undefined {
  const candidates = ['mxp-not-listed-system', 'kube-system', 'example-unrelated'];
  return candidates.find((ns) => !listed.includes(ns) && (pattern === undefined || !globMatch(pattern, ns, false)));
}

/** A namespace a `StringLike` pattern matches (`mxp-*-system` → `mxp-example-system`). */
export function namespaceMatching(pattern: string): string {
  return pattern.replace(/\*/g, 'example').replace(/\?/g, 'x');
}

function irsaExpectations(props: Readonly<Record<string, unknown>>): AwsExpectations {
  const c = common(props);
  const requests: RequestExpectation[] = [];
  const notModelled: string[] = [];
  const issuer = typeof props.oidcIssuerUrl === 'string' ? props.oidcIssuerUrl : undefined;
  const host = issuer?.replace(/^https:\/\//, '');
  const providerArn =
    typeof props.oidcProviderArn === 'string'
      ? props.oidcProviderArn
      : host !== undefined && c.accountId !== undefined
        ? `arn:${c.partition}:iam::${c.accountId}:oidc-provider/${host}`
        : undefined;
  if (host === undefined || providerArn === undefined) {
    notModelled.push('trust: the issuer or the account is read at apply time');
  } else {
    const pattern = typeof props.namespacePattern === 'string' ? props.namespacePattern : undefined;
    const allowed = [...c.namespaces, ...(pattern !== undefined ? [namespaceMatching(pattern)] : [])];
    const federated: IamPrincipal = { type: 'Federated', id: providerArn };
    const token = (namespace: string, serviceAccount: string, audience: string, principal: IamPrincipal = federated): IamRequest => ({
      action: 'sts:AssumeRoleWithWebIdentity',
      principal,
      context: { [`${host}:sub`]: serviceAccountTokenSubject(namespace, serviceAccount), [`${host}:aud`]: audience },
    });
    for (const ns of allowed) {
      requests.push({ what: `trust: ${BILLING_SERVICE_ACCOUNT} in ${ns} may assume the role`, policy: 'trust', request: token(ns, BILLING_SERVICE_ACCOUNT, STS_AUDIENCE), expect: 'allow' });
    }
    const other = unlistedNamespace(c.namespaces, pattern);
    if (other === undefined) notModelled.push(`trust: every candidate namespace matches the pattern ${pattern}`);
    else requests.push({ what: `trust: ${BILLING_SERVICE_ACCOUNT} in ${other} (not listed) may not`, policy: 'trust', request: token(other, BILLING_SERVICE_ACCOUNT, STS_AUDIENCE), expect: 'deny' });
    const first = allowed[0] ?? 'mxp-example-system';
    requests.push({ what: `trust: service account default in ${first} may not`, policy: 'trust', request: token(first, 'default', STS_AUDIENCE), expect: 'deny' });
    requests.push({ what: `trust: a token for audience example-audience may not`, policy: 'trust', request: token(first, BILLING_SERVICE_ACCOUNT, 'example-audience'), expect: 'deny' });
    const otherIssuer = host.replace(/[^/]+$/, (id) => (id === '0'.repeat(32) ? '1'.repeat(32) : '0'.repeat(32)));
    const otherProvider: IamPrincipal = { type: 'Federated', id: providerArn.replace(host, otherIssuer) };
    requests.push({ what: `trust: a token of another OIDC provider may not`, policy: 'trust', request: token(first, BILLING_SERVICE_ACCOUNT, STS_AUDIENCE, otherProvider), expect: 'deny' });
    requests.push(accountRoleExpectation(c));
  }
  requests.push(...storageExpectations(c));
  return { requests, notModelled };
}

function podIdentityExpectations(props: Readonly<Record<string, unknown>>): AwsExpectations {
  const c = common(props);
  const clusterName = String(props.clusterName);
  const requests: RequestExpectation[] = [];
  const notModelled: string[] = [];
  const restrict = props.restrictToNamespaces === true;
  const clusterArn = c.accountId !== undefined ? `arn:${c.partition}:eks:${c.region}:${c.accountId}:cluster/${clusterName}` : undefined;
  const pods: IamPrincipal = { type: 'Service', id: PODS_EKS_SERVICE };
  // The session tags the Pod Identity agent's credentials request carries.
  const session = (action: string, namespace: string, serviceAccount: string, cluster: string | undefined, principal: IamPrincipal = pods): IamRequest => ({
    action,
    principal,
    context: {
      ...(cluster !== undefined ? { 'aws:RequestTag/eks-cluster-arn': cluster } : {}),
      'aws:RequestTag/eks-cluster-name': clusterName,
      'aws:RequestTag/kubernetes-namespace': namespace,
      'aws:RequestTag/kubernetes-service-account': serviceAccount,
      'aws:RequestTag/kubernetes-pod-name': `${serviceAccount}-0`,
      'aws:RequestTag/kubernetes-pod-uid': '00000000-0000-0000-0000-000000000000',
    },
  });
  if (restrict && clusterArn === undefined) {
    notModelled.push('trust: the cluster ARN is read at apply time');
  } else {
    for (const ns of c.namespaces) {
      for (const action of ['sts:AssumeRole', 'sts:TagSession']) {
        requests.push({ what: `trust: ${PODS_EKS_SERVICE} may ${action} for ${BILLING_SERVICE_ACCOUNT} in ${ns}`, policy: 'trust', request: session(action, ns, BILLING_SERVICE_ACCOUNT, clusterArn), expect: 'allow' });
      }
    }
    const first = c.namespaces[0] ?? 'mxp-example-system';
    requests.push({ what: 'trust: service ec2.amazonaws.com may not assume the role', policy: 'trust', request: session('sts:AssumeRole', first, BILLING_SERVICE_ACCOUNT, clusterArn, { type: 'Service', id: 'ec2.amazonaws.com' }), expect: 'deny' });
    requests.push(accountRoleExpectation(c));
    if (restrict) {
      const other = unlistedNamespace(c.namespaces)!;
      requests.push({ what: `trust: a session for ${BILLING_SERVICE_ACCOUNT} in ${other} (not listed) may not`, policy: 'trust', request: session('sts:AssumeRole', other, BILLING_SERVICE_ACCOUNT, clusterArn), expect: 'deny' });
      requests.push({ what: `trust: a session for service account default in ${first} may not`, policy: 'trust', request: session('sts:AssumeRole', first, 'default', clusterArn), expect: 'deny' });
      const otherCluster = clusterArn!.replace(/cluster\/.*$/, 'cluster/example-other-cluster');
      requests.push({ what: 'trust: a session from another cluster may not', policy: 'trust', request: session('sts:AssumeRole', first, BILLING_SERVICE_ACCOUNT, otherCluster), expect: 'deny' });
    }
  }
  requests.push(...storageExpectations(c));
  return { requests, notModelled, associations: { clusterName, serviceAccount: BILLING_SERVICE_ACCOUNT, namespaces: c.namespaces } };
}

/** Another IAM role of the account may not assume the billing role (as a trust policy naming the account would let it). */
function accountRoleExpectation(c: Common): RequestExpectation {
  const role = `arn:${c.partition}:iam::${c.accountId ?? '123456789012'}:role/example-other-role`;
  return { what: `trust: ${role} may not assume the role`, policy: 'trust', request: { action: 'sts:AssumeRole', principal: { type: 'AWS', id: role } }, expect: 'deny' };
}

/** What the role may do in S3 (and KMS): write and read its bucket's objects, list its bucket, nothing else. */
function storageExpectations(c: Common): RequestExpectation[] {
  const s3 = (bucket: string, key?: string) => `arn:${c.partition}:s3:::${bucket}${key !== undefined ? `/${key}` : ''}`;
  const object = s3(c.bucketName, 'example/usage.json');
  const other = c.bucketName === 'example-other-bucket' ? 'example-another-bucket' : 'example-other-bucket';
  const out: RequestExpectation[] = [];
  const add = (action: string, resource: string, expect: 'allow' | 'deny', note = '') =>
    out.push({ what: `permissions: ${action} on ${resource}${note} ${expect === 'allow' ? 'allowed' : 'denied'}`, policy: 'permissions', request: { action, resource }, expect });
  add('s3:PutObject', object, 'allow');
  add('s3:GetObject', object, 'allow');
  add('s3:ListBucket', s3(c.bucketName), 'allow');
  add('s3:PutObject', s3(other, 'example/usage.json'), 'deny', ' (another bucket)');
  add('s3:PutObject', s3(`${c.bucketName}-copy`, 'example/usage.json'), 'deny', ' (a bucket named with the same prefix)');
  add('s3:DeleteObject', object, c.allowDeleteObject ? 'allow' : 'deny');
  add('s3:PutBucketPolicy', s3(c.bucketName), 'deny');
  if (c.kmsKeyArn !== undefined) {
    add('kms:GenerateDataKey', c.kmsKeyArn, 'allow');
    add('kms:Decrypt', c.kmsKeyArn, 'allow');
    const otherKey = c.kmsKeyArn.replace(/[^/:]+$/, (id) => (id === '00000000-0000-0000-0000-000000000000' ? '11111111-1111-1111-1111-111111111111' : '00000000-0000-0000-0000-000000000000'));
    add('kms:Decrypt', otherKey, 'deny', ' (another key)');
    add('kms:ScheduleKeyDeletion', c.kmsKeyArn, 'deny');
  }
  return out;
}

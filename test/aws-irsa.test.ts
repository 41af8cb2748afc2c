import { describe, expect, it } from 'vitest';
import { AwsIrsaBillingIdentity, AwsIrsaBillingIdentityProps } from '../src/constructs/aws-irsa-billing-identity';
import { SpacesRelease } from '../src/constructs/spaces-release';
import { build, parseTemplateJson, policy, synthConstructs, warningsOf } from './support/synth';

const ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const HOST = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const base: AwsIrsaBillingIdentityProps = {
  bucketName: 'example-spaces-billing',
  region: 'us-east-1',
  accountId: '123456789012',
  oidcIssuerUrl: ISSUER,
  controlPlaneNamespaces: ['mxp-ctp-alpha-system'],
};

function synthIrsa(props: Partial<AwsIrsaBillingIdentityProps> = {}) {
  return synthConstructs((stack) => {
    const identity = new AwsIrsaBillingIdentity(stack, 'Billing', { ...base, ...props });
    new SpacesRelease(stack, 'Spaces', { version: '1.14.1', account: 'example-org', billing: identity });
  });
}

describe('AwsIrsaBillingIdentity', () => {
  it('trusts exactly the vector service account of one namespace', () => {
    const out = synthIrsa();
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    expect(trust).toMatchSnapshot();
    expect(trust.Statement).toHaveLength(1);
    const [statement] = trust.Statement;
    expect(statement.Principal).toEqual({ Federated: `arn:aws:iam::123456789012:oidc-provider/${HOST}` });
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement.Condition).toEqual({
      StringEquals: {
        [`${HOST}:aud`]: 'sts.amazonaws.com',
        [`${HOST}:sub`]: ['system:serviceaccount:mxp-ctp-alpha-system:vector'],
      },
    });
  });

  it('lists three namespaces sorted, whatever the input order', () => {
    const out = synthIrsa({ controlPlaneNamespaces: ['mxp-c-system', 'mxp-a-system', 'mxp-b-system'] });
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    expect(trust).toMatchSnapshot();
    expect(trust.Statement[0].Condition.StringEquals[`${HOST}:sub`]).toEqual([
      'system:serviceaccount:mxp-a-system:vector',
      'system:serviceaccount:mxp-b-system:vector',
      'system:serviceaccount:mxp-c-system:vector',
    ]);
  });

  it('grants least-privilege S3 access: objects on bucket/*, list on the bucket', () => {
    const out = synthIrsa();
    const s3 = policy(out.resource('aws_iam_role_policy').policy);
    expect(s3).toMatchSnapshot();
    expect(s3.Statement).toEqual([
      { Sid: 'ObjectAccess', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::example-spaces-billing/*' },
      { Sid: 'BucketAccess', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::example-spaces-billing' },
    ]);
  });

  it('adds s3:DeleteObject only with allowDeleteObject, and KMS only on the given key', () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const s3 = policy(synthIrsa({ allowDeleteObject: true, kmsKeyArn: key }).resource('aws_iam_role_policy').policy);
    expect(s3.Statement[0].Action).toEqual(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    expect(s3.Statement[0].Resource).toBe('arn:aws:s3:::example-spaces-billing/*');
    expect(s3.Statement[2]).toEqual({ Sid: 'KmsKeyAccess', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: key });
    const plain = policy(synthIrsa().resource('aws_iam_role_policy').policy);
    expect(JSON.stringify(plain)).not.toContain('DeleteObject');
    expect(JSON.stringify(plain)).not.toContain('kms:');
  });

  it('annotates the vector service account with the role ARN and sets the billing values', () => {
    const out = synthIrsa();
    const release = out.resource('helm_release');
    const roleId = Object.keys(out.resources('aws_iam_role'))[0];
    expect(release.values).toHaveLength(1);
    expect(release.values[0]).toMatchSnapshot();
    expect(release.values[0]).toContain(`        eks.amazonaws.com/role-arn: "\${aws_iam_role.${roleId}.arn}"\n`);
    expect(release.values[0]).toContain('    secretRef:\n      name: ""\n');
    expect(release.values[0]).toContain('    provider: "aws"\n    aws:\n      region: "us-east-1"\n      bucket: "example-spaces-billing"\n');
    expect(release.values[0]).not.toContain('eks.amazon.aws');
    expect(release.set).toBeUndefined();
    expect(release).toMatchObject({ chart: 'spaces', repository: 'oci://xpkg.upbound.io/spaces-artifacts', version: '1.14.1', namespace: 'upbound-system', name: 'spaces' });
  });

  it('reads no cloud data source when account and issuer are plain strings', () => {
    const out = synthIrsa();
    expect(out.json.data).toBeUndefined();
  });

  it('renders the trust policy from a token issuer without undefined', () => {
    const out = synthIrsa({ oidcIssuerUrl: undefined, clusterName: 'spaces-example' });
    const role = out.resource('aws_iam_role');
    const clusterId = Object.keys(out.dataSources('aws_eks_cluster'))[0];
    const host = `\${replace(data.aws_eks_cluster.${clusterId}.identity[0].oidc[0].issuer, "https://", "")}`;
    expect(role.assume_role_policy).not.toContain('undefined');
    expect(role.assume_role_policy).not.toContain('TfToken');
    expect(role.assume_role_policy).toMatchSnapshot();
    // Terraform evaluates the interpolation to the issuer without https://.
    const trust = parseTemplateJson(role.assume_role_policy, (expression) => {
      expect(expression).toBe(host.slice(2, -1));
      return HOST;
    });
    expect(trust.Statement[0].Principal.Federated).toBe(`arn:aws:iam::123456789012:oidc-provider/${HOST}`);
    expect(trust.Statement[0].Condition.StringEquals).toEqual({
      [`${HOST}:aud`]: 'sts.amazonaws.com',
      [`${HOST}:sub`]: ['system:serviceaccount:mxp-ctp-alpha-system:vector'],
    });
    expect(out.dataSources('aws_eks_cluster')[clusterId]).toEqual({ name: 'spaces-example' });
  });

  it('reads the account from aws_caller_identity when accountId is not given', () => {
    const out = synthIrsa({ accountId: undefined });
    const id = Object.keys(out.dataSources('aws_caller_identity'))[0];
    const trust = JSON.parse(out.resource('aws_iam_role').assume_role_policy);
    expect(trust.Statement[0].Principal.Federated).toBe(`arn:aws:iam::\${data.aws_caller_identity.${id}.account_id}:oidc-provider/${HOST}`);
  });

  it('uses the aws-us-gov partition in every ARN', () => {
    const out = synthIrsa({ region: 'us-gov-west-1', oidcIssuerUrl: 'https://oidc.eks.us-gov-west-1.amazonaws.com/id/EXAMPLE0123456789ABCDEF0123456789' });
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    const s3 = policy(out.resource('aws_iam_role_policy').policy);
    expect({ trust, s3 }).toMatchSnapshot();
    expect(trust.Statement[0].Principal.Federated).toBe('arn:aws-us-gov:iam::123456789012:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/EXAMPLE0123456789ABCDEF0123456789');
    expect(s3.Statement[0].Resource).toBe('arn:aws-us-gov:s3:::example-spaces-billing/*');
    expect(trust.Statement[0].Condition.StringEquals['oidc.eks.us-gov-west-1.amazonaws.com/id/EXAMPLE0123456789ABCDEF0123456789:aud']).toBe('sts.amazonaws.com');
  });

  it('uses the aws-cn partition and keeps the sts.amazonaws.com audience in China', () => {
    const cnHost = 'oidc.eks.cn-north-1.amazonaws.com.cn/id/EXAMPLE0123456789ABCDEF0123456789';
    const out = synthIrsa({ region: 'cn-north-1', oidcIssuerUrl: `https://${cnHost}` });
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    const s3 = policy(out.resource('aws_iam_role_policy').policy);
    expect({ trust, s3 }).toMatchSnapshot();
    expect(trust.Statement[0].Principal.Federated).toBe(`arn:aws-cn:iam::123456789012:oidc-provider/${cnHost}`);
    expect(trust.Statement[0].Condition.StringEquals[`${cnHost}:aud`]).toBe('sts.amazonaws.com');
    expect(s3.Statement[1].Resource).toBe('arn:aws-cn:s3:::example-spaces-billing');
  });

  it('uses StringLike on sub with a namespace pattern, keeping the audience exact', () => {
    const out = synthIrsa({ controlPlaneNamespaces: undefined, namespacePattern: 'mxp-*-system' });
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: { [`${HOST}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${HOST}:sub`]: 'system:serviceaccount:mxp-*-system:vector' },
    });
  });

  it('creates the OIDC provider with the STS client ID only when asked', () => {
    expect(synthIrsa().resources('aws_iam_openid_connect_provider')).toEqual({});
    const out = synthIrsa({ createOidcProvider: true });
    const provider = out.resource('aws_iam_openid_connect_provider');
    expect(provider).toMatchObject({ url: ISSUER, client_id_list: ['sts.amazonaws.com'] });
    const id = Object.keys(out.resources('aws_iam_openid_connect_provider'))[0];
    expect(policy(out.resource('aws_iam_role').assume_role_policy).Statement[0].Principal.Federated).toBe(`\${aws_iam_openid_connect_provider.${id}.arn}`);
  });

  it('names the role spaces-billing by default and passes path, boundary and tags', () => {
    expect(synthIrsa().resource('aws_iam_role').name).toBe('spaces-billing');
    const role = synthIrsa({
      roleName: 'billing-x',
      rolePath: '/spaces/',
      permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
      tags: { team: 'platform' },
    }).resource('aws_iam_role');
    expect(role).toMatchObject({ name: 'billing-x', path: '/spaces/', permissions_boundary: 'arn:aws:iam::123456789012:policy/boundary', tags: { team: 'platform' } });
  });

  it('fails on a namespace listed twice, naming the field and value', () => {
    expect(() => synthIrsa({ controlPlaneNamespaces: ['mxp-a-system', 'mxp-a-system'] })).toThrow(
      /controlPlaneNamespaces\[1\]: "mxp-a-system" is listed twice/,
    );
  });

  it('fails on an empty namespace list without a pattern', () => {
    expect(() => synthIrsa({ controlPlaneNamespaces: [] })).toThrow(/controlPlaneNamespaces: \[\] is empty/);
  });

  it('fails when the trust policy would exceed the 2048-character quota, saying how many fit', () => {
    const namespaces = Array.from({ length: 40 }, (_, i) => `mxp-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000-system`);
    expect(() => synthIrsa({ controlPlaneNamespaces: namespaces })).toThrow(
      /controlPlaneNamespaces: "40 namespaces" make a trust policy of \d+ characters, over the limit of 2048: \d+ namespaces fit; raise the quota \(up to 4096\) and set trustPolicyMaxLength, use namespacePattern, or use EKS Pod Identity/,
    );
    expect(() => synthIrsa({ controlPlaneNamespaces: namespaces.slice(0, 20) })).not.toThrow();
  });

  it('measures a token issuer at the length of an EKS issuer of the region', () => {
    const namespaces = Array.from({ length: 40 }, (_, i) => `mxp-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000-system`);
    const plain = (() => { try { synthIrsa({ controlPlaneNamespaces: namespaces }); } catch (e) { return String(e); } return ''; })();
    const token = (() => { try { synthIrsa({ controlPlaneNamespaces: namespaces, oidcIssuerUrl: undefined, clusterName: 'spaces-example' }); } catch (e) { return String(e); } return ''; })();
    const lengthOf = (message: string) => Number(/trust policy of (\d+) characters/.exec(message)?.[1]);
    // The example issuer has a 32-character ID, as EKS issuers do: both measure the same.
    expect(lengthOf(token)).toBeGreaterThan(2048);
    expect(lengthOf(token)).toBe(lengthOf(plain));
  });

  it('accepts more namespaces with a raised trustPolicyMaxLength', () => {
    const namespaces = Array.from({ length: 40 }, (_, i) => `mxp-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000-system`);
    expect(() => synthIrsa({ controlPlaneNamespaces: namespaces, trustPolicyMaxLength: 4096 })).not.toThrow();
  });

  it('warns on a namespace pattern and on allowDeleteObject, and not otherwise', () => {
    const quiet = build((stack) => new AwsIrsaBillingIdentity(stack, 'Billing', base));
    expect(warningsOf(quiet.stack)).toEqual([]);
    const risky = build((stack) => new AwsIrsaBillingIdentity(stack, 'Billing', { ...base, controlPlaneNamespaces: undefined, namespacePattern: 'mxp-*-system', allowDeleteObject: true }));
    const warnings = warningsOf(risky.stack);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^test\/Billing: namespacePattern "mxp-\*-system" trusts the vector service account of every matching namespace/);
    expect(warnings[1]).toMatch(/^test\/Billing: allowDeleteObject: true grants s3:DeleteObject/);
  });
});

import { describe, expect, it } from 'vitest';
import { IamPolicy, IamRequest, PolicyError, arnMatch, evaluatePolicies, globMatch, isAllowed, parsePolicy } from '../src/verify/iam-evaluator';

// Known-answer policies, written by hand after the examples of the IAM and
// EKS documentation; the expected decisions are IAM's.

const decide = (policy: IamPolicy | IamPolicy[], request: IamRequest) => evaluatePolicies(Array.isArray(policy) ? policy : [policy], request).decision;

describe('IAM evaluator: identity policy (read and write objects of one bucket)', () => {
  const policy: IamPolicy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ListObjectsInBucket', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::example-bucket'] },
      { Sid: 'AllObjectActions', Effect: 'Allow', Action: 's3:*Object', Resource: ['arn:aws:s3:::example-bucket/*'] },
    ],
  };

  it('allows the object actions on the objects, naming the statement', () => {
    expect(evaluatePolicies([policy], { action: 's3:PutObject', resource: 'arn:aws:s3:::example-bucket/a/b.json' })).toEqual({ decision: 'allow', allowedBy: ['AllObjectActions'], deniedBy: [] });
    expect(decide(policy, { action: 's3:DeleteObject', resource: 'arn:aws:s3:::example-bucket/a' })).toBe('allow');
    expect(decide(policy, { action: 's3:ListBucket', resource: 'arn:aws:s3:::example-bucket' })).toBe('allow');
  });

  it('denies by default: another bucket, the bucket itself, an action the wildcard does not end with', () => {
    expect(decide(policy, { action: 's3:PutObject', resource: 'arn:aws:s3:::other-bucket/a' })).toBe('implicit-deny');
    expect(decide(policy, { action: 's3:PutObject', resource: 'arn:aws:s3:::example-bucket-2/a' })).toBe('implicit-deny');
    expect(decide(policy, { action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket' })).toBe('implicit-deny');
    expect(decide(policy, { action: 's3:GetObjectAcl', resource: 'arn:aws:s3:::example-bucket/a' })).toBe('implicit-deny');
    expect(decide(policy, { action: 's3:ListBucket', resource: 'arn:aws:s3:::example-bucket/a' })).toBe('implicit-deny');
  });

  it('matches actions case-insensitively and resources case-sensitively', () => {
    expect(decide(policy, { action: 'S3:putobject', resource: 'arn:aws:s3:::example-bucket/a' })).toBe('allow');
    expect(decide(policy, { action: 's3:PutObject', resource: 'arn:aws:s3:::Example-Bucket/a' })).toBe('implicit-deny');
  });

  it('reads a single statement object and a policy JSON string', () => {
    const single = parsePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}');
    expect(isAllowed([single], { action: 's3:GetObject', resource: 'arn:aws:s3:::any/key' })).toBe(true);
    expect(isAllowed([single], { action: 's3:PutObject', resource: 'arn:aws:s3:::any/key' })).toBe(false);
  });
});

describe('IAM evaluator: explicit deny, NotAction, NotResource, StringNotEquals', () => {
  // The documentation's "deny access outside the requested regions" policy, with an allow-all beside it.
  const regionGuard: IamPolicy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'DenyAllOutsideRequestedRegions', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } } },
    ],
  };

  it('lets an explicit deny win over an allow', () => {
    expect(evaluatePolicies([regionGuard], { action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } })).toEqual({
      decision: 'explicit-deny',
      allowedBy: ['AllowAll'],
      deniedBy: ['DenyAllOutsideRequestedRegions'],
    });
  });

  it('lets StringNotEquals pass when the value is listed, and match when the key is missing', () => {
    expect(decide(regionGuard, { action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestedRegion': 'eu-west-1' } })).toBe('allow');
    expect(decide(regionGuard, { action: 'ec2:RunInstances', resource: '*' })).toBe('explicit-deny');
  });

  it('exempts the actions NotAction names', () => {
    expect(decide(regionGuard, { action: 'iam:CreateUser', resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('allow');
  });

  it('applies an explicit deny across policies', () => {
    const allow: IamPolicy = { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    const deny: IamPolicy = { Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::example-bucket/*' }] };
    expect(decide([allow, deny], { action: 's3:DeleteObject', resource: 'arn:aws:s3:::example-bucket/a' })).toBe('explicit-deny');
    expect(decide([allow, deny], { action: 's3:PutObject', resource: 'arn:aws:s3:::example-bucket/a' })).toBe('allow');
  });

  it('allows everything but the resources NotResource names', () => {
    const policy: IamPolicy = { Statement: [{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::example-secret/*' }] };
    expect(decide(policy, { action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a' })).toBe('allow');
    expect(decide(policy, { action: 's3:GetObject', resource: 'arn:aws:s3:::example-secret/a' })).toBe('implicit-deny');
  });
});

describe('IAM evaluator: IRSA trust policy (the EKS documentation example)', () => {
  const host = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
  const provider = `arn:aws:iam::111122223333:oidc-provider/${host}`;
  const trust = (condition: Record<string, Record<string, string | string[]>>): IamPolicy => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }],
  });
  const exact = trust({ StringEquals: { [`${host}:sub`]: 'system:serviceaccount:default:my-service-account', [`${host}:aud`]: 'sts.amazonaws.com' } });
  const token = (sub: string | undefined, aud: string | undefined, principal = provider): IamRequest => ({
    action: 'sts:AssumeRoleWithWebIdentity',
    principal: { type: 'Federated', id: principal },
    context: { ...(sub !== undefined ? { [`${host}:sub`]: sub } : {}), ...(aud !== undefined ? { [`${host}:aud`]: aud } : {}) },
  });

  it('allows the service account of the policy with the STS audience', () => {
    expect(decide(exact, token('system:serviceaccount:default:my-service-account', 'sts.amazonaws.com'))).toBe('allow');
  });

  it('requires every condition key to match: another subject, another audience, a missing audience', () => {
    expect(decide(exact, token('system:serviceaccount:other:my-service-account', 'sts.amazonaws.com'))).toBe('implicit-deny');
    expect(decide(exact, token('system:serviceaccount:default:my-service-account', 'example-audience'))).toBe('implicit-deny');
    expect(decide(exact, token('system:serviceaccount:default:my-service-account', undefined))).toBe('implicit-deny');
  });

  it('requires the federated principal and the action', () => {
    expect(decide(exact, token('system:serviceaccount:default:my-service-account', 'sts.amazonaws.com', provider.replace('EXAMPLED539', 'OTHERD539')))).toBe('implicit-deny');
    expect(decide(exact, { ...token('system:serviceaccount:default:my-service-account', 'sts.amazonaws.com'), action: 'sts:AssumeRole' })).toBe('implicit-deny');
    expect(decide(exact, { ...token('system:serviceaccount:default:my-service-account', 'sts.amazonaws.com'), principal: undefined })).toBe('implicit-deny');
  });

  it('matches a condition key with several values when any value matches', () => {
    const listed = trust({ StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:sub`]: ['system:serviceaccount:a:vector', 'system:serviceaccount:b:vector'] } });
    expect(decide(listed, token('system:serviceaccount:b:vector', 'sts.amazonaws.com'))).toBe('allow');
    expect(decide(listed, token('system:serviceaccount:c:vector', 'sts.amazonaws.com'))).toBe('implicit-deny');
  });

  it('reads condition key names case-insensitively', () => {
    const upper = trust({ StringEquals: { [`${host}:SUB`.toUpperCase()]: 'system:serviceaccount:default:my-service-account' } });
    expect(decide(upper, token('system:serviceaccount:default:my-service-account', 'sts.amazonaws.com'))).toBe('allow');
  });

  it('expands wildcards with StringLike only; StringEquals takes * literally', () => {
    const like = trust({ StringLike: { [`${host}:sub`]: 'system:serviceaccount:mxp-*-system:vector' } });
    expect(decide(like, token('system:serviceaccount:mxp-a-system:vector', 'sts.amazonaws.com'))).toBe('allow');
    // IAM's * matches any characters, colons included.
    expect(decide(like, token('system:serviceaccount:mxp-a:b-system:vector', 'sts.amazonaws.com'))).toBe('allow');
    expect(decide(like, token('system:serviceaccount:kube-system:vector', 'sts.amazonaws.com'))).toBe('implicit-deny');
    const literal = trust({ StringEquals: { [`${host}:sub`]: 'system:serviceaccount:mxp-*-system:vector' } });
    expect(decide(literal, token('system:serviceaccount:mxp-a-system:vector', 'sts.amazonaws.com'))).toBe('implicit-deny');
    expect(decide(literal, token('system:serviceaccount:mxp-*-system:vector', 'sts.amazonaws.com'))).toBe('allow');
  });
});

describe('IAM evaluator: principals', () => {
  const podIdentity: IamPolicy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AllowEksAuthToAssumeRoleForPodIdentity', Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
  };

  it('allows the service principal its actions only', () => {
    expect(decide(podIdentity, { action: 'sts:AssumeRole', principal: { type: 'Service', id: 'pods.eks.amazonaws.com' } })).toBe('allow');
    expect(decide(podIdentity, { action: 'sts:TagSession', principal: { type: 'Service', id: 'pods.eks.amazonaws.com' } })).toBe('allow');
    expect(decide(podIdentity, { action: 'sts:AssumeRoleWithWebIdentity', principal: { type: 'Service', id: 'pods.eks.amazonaws.com' } })).toBe('implicit-deny');
    expect(decide(podIdentity, { action: 'sts:AssumeRole', principal: { type: 'Service', id: 'ec2.amazonaws.com' } })).toBe('implicit-deny');
    expect(decide(podIdentity, { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:role/example' } })).toBe('implicit-deny');
  });

  it('lets an account in an AWS principal match every principal of that account', () => {
    const account: IamPolicy = { Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }] };
    const root: IamPolicy = { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] };
    for (const policy of [account, root]) {
      expect(decide(policy, { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:role/example' } })).toBe('allow');
      expect(decide(policy, { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:sts::111122223333:assumed-role/example/session' } })).toBe('allow');
      expect(decide(policy, { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:iam::444455556666:role/example' } })).toBe('implicit-deny');
    }
  });

  it('matches a role principal exactly, and "*" everyone', () => {
    const role: IamPolicy = { Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/a'] }, Action: 'sts:AssumeRole' }] };
    expect(decide(role, { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:role/a' } })).toBe('allow');
    expect(decide(role, { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:role/b' } })).toBe('implicit-deny');
    const anyone: IamPolicy = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] };
    expect(decide(anyone, { action: 'sts:AssumeRole', principal: { type: 'Federated', id: 'arn:aws:iam::1:oidc-provider/x' } })).toBe('allow');
  });
});

describe('IAM evaluator: Bool, IfExists, Null, ARN operators', () => {
  it('matches Bool on the value, and not on a missing key', () => {
    const tls: IamPolicy = { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
    expect(decide(tls, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SecureTransport': 'false' } })).toBe('explicit-deny');
    expect(decide(tls, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SecureTransport': 'true' } })).toBe('allow');
    expect(decide(tls, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' })).toBe('allow');
  });

  it('lets ...IfExists match a missing key', () => {
    const policy: IamPolicy = { Statement: [{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEqualsIfExists: { 'ec2:InstanceType': ['t3.micro'] } } }] };
    expect(decide(policy, { action: 'ec2:RunInstances', resource: '*' })).toBe('allow');
    expect(decide(policy, { action: 'ec2:RunInstances', resource: '*', context: { 'ec2:InstanceType': 't3.micro' } })).toBe('allow');
    expect(decide(policy, { action: 'ec2:RunInstances', resource: '*', context: { 'ec2:InstanceType': 't3.large' } })).toBe('implicit-deny');
  });

  it('tests presence with Null', () => {
    const policy: IamPolicy = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 'false' } } }] };
    expect(decide(policy, { action: 's3:GetObject', resource: '*', context: { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' } })).toBe('allow');
    expect(decide(policy, { action: 's3:GetObject', resource: '*' })).toBe('implicit-deny');
  });

  it('matches ARNs part by part: a wildcard does not cross the first five colons', () => {
    expect(arnMatch('arn:aws:iam::*:role/example-*', 'arn:aws:iam::111122223333:role/example-app')).toBe(true);
    expect(arnMatch('arn:aws:iam::*:role/example-*', 'arn:aws:iam::111122223333:user/example-app')).toBe(false);
    expect(arnMatch('arn:aws:s3:::example*', 'arn:aws:s3:::example-bucket/key')).toBe(true);
    expect(arnMatch('arn:aws:*:us-east-1:*:*', 'arn:aws:sqs:us-east-1:111122223333:queue')).toBe(true);
    expect(arnMatch('arn:aws:*:us-east-1:*:*', 'arn:aws:sqs:eu-west-1:111122223333:queue')).toBe(false);
    const policy: IamPolicy = { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:eks:us-east-1:111122223333:cluster/*' } } }] };
    expect(decide(policy, { action: 'sts:AssumeRole', principal: { type: 'Service', id: 'x' }, context: { 'aws:SourceArn': 'arn:aws:eks:us-east-1:111122223333:cluster/a' } })).toBe('allow');
    expect(decide(policy, { action: 'sts:AssumeRole', principal: { type: 'Service', id: 'x' }, context: { 'aws:SourceArn': 'arn:aws:eks:us-west-2:111122223333:cluster/a' } })).toBe('implicit-deny');
  });

  it('treats ? as one character', () => {
    expect(globMatch('mxp-???-system', 'mxp-abc-system', false)).toBe(true);
    expect(globMatch('mxp-???-system', 'mxp-abcd-system', false)).toBe(false);
    expect(globMatch('a.b', 'aXb', false)).toBe(false);
  });
});

describe('IAM evaluator: refuses what it cannot evaluate exactly (failures)', () => {
  const request: IamRequest = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:username': 'x' } };
  const withCondition = (condition: Record<string, Record<string, unknown>>): IamPolicy => ({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }] });

  it('fails on set operators, numeric and date operators', () => {
    expect(() => decide(withCondition({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }), request)).toThrow(PolicyError);
    expect(() => decide(withCondition({ NumericLessThan: { 's3:max-keys': '10' } }), request)).toThrow(/NumericLessThan is not supported/);
    expect(() => decide(withCondition({ NullIfExists: { 'aws:username': 'true' } }), request)).toThrow(PolicyError);
  });

  it('fails on policy variables', () => {
    const policy: IamPolicy = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] };
    expect(() => decide(policy, request)).toThrow(/policy variable/);
  });

  it('fails on a malformed statement', () => {
    expect(() => decide({ Statement: [{ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }] }, request)).toThrow(/neither Allow nor Deny/);
    expect(() => decide({ Statement: [{ Effect: 'Allow', Resource: '*' }] }, request)).toThrow(/Action and NotAction/);
    expect(() => decide({ Statement: [{ Effect: 'Allow', Action: 'x', Principal: { Foo: 'bar' } }] }, { action: 'x', principal: { type: 'AWS', id: 'y' } })).toThrow(/principal type Foo/);
    expect(() => parsePolicy('{"Version":"2012-10-17"')).toThrow(PolicyError);
    expect(() => parsePolicy('{"Version":"2012-10-17"}')).toThrow(/no Statement/);
  });
});

/** An IAM policy document, as IAM reads it. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: { readonly [type: string]: string | readonly string[] };
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: { readonly [operator: string]: { readonly [key: string]: string | readonly string[] } };
}

/**
 * The compact JSON of a policy: what IAM measures against its size quotas.
 * Built as a string, not with `Fn.jsonencode`: a token used as an object key
 * there (an issuer from a data source) synthesizes as the text `undefined`,
 * while a token inside this string resolves to a Terraform interpolation.
 */
export function policyJson(document: PolicyDocument): string {
  return JSON.stringify(document);
}

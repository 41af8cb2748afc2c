/** Valid but risky AWS choices, as synth warnings. */
export function awsRiskWarnings(input: { namespacePattern?: string; allowDeleteObject?: boolean }): string[] {
  const warnings: string[] = [];
  if (input.namespacePattern !== undefined) {
    warnings.push(
      `namespacePattern "${input.namespacePattern}" trusts the vector service account of every matching namespace, including control planes created later; list the namespaces in controlPlaneNamespaces to trust only those`,
    );
  }
  if (input.allowDeleteObject) {
    warnings.push('allowDeleteObject: true grants s3:DeleteObject on the billing bucket; Vector only reads, writes and lists, so leave it off unless something else needs it');
  }
  return warnings;
}

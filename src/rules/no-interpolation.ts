import { Problem, joinField } from './problem';

// Terraform reads `${...}` and `%{...}` in any string of the synthesized JSON as a template, and
// cdktf reads `${TfToken[...]}` as one of its tokens; a config value holding one would be
// evaluated instead of used, and would slip past every rule (tokens are checked at apply time).
const INTERPOLATION = /\$\{|%\{|TfToken\[/;

/**
 * Config values are plain values: no string (and no map key) may hold a
 * Terraform interpolation or a cdktf token. Use the constructs for references.
 */
export function noInterpolationRule(field: string, value: unknown): Problem[] {
  if (typeof value === 'string') {
    return INTERPOLATION.test(value)
      ? [{ field: field || '(config)', value, rule: 'holds a Terraform interpolation or token ("${", "%{"): the config takes plain values; write "$" as a plain character only outside "${" and "%{", or use the constructs for references' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => noInterpolationRule(joinField(field, `[${i}]`), item));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const at = joinField(field, key);
      const keyProblems = INTERPOLATION.test(key) ? [{ field: at, value: key, rule: 'is a key that holds a Terraform interpolation or token: the config takes plain keys' }] : [];
      return [...keyProblems, ...noInterpolationRule(at, item)];
    });
  }
  return [];
}

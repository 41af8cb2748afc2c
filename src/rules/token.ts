import { Token } from 'cdktf';

/**
 * True when a value is (or holds) an unresolved token. Rules check plain
 * values only: a token is known at apply time, and Terraform or the cloud
 * checks it then.
 */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}

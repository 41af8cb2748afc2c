import { Problem } from './problem';
import { isToken } from './token';

const ROLE_ID = '[A-Za-z0-9_.]{3,64}';
const IAM_ROLE = new RegExp(
  `^(roles/[A-Za-z0-9_.]+|projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/roles/${ROLE_ID}|organizations/\\d{1,20}/roles/${ROLE_ID})$`,
);

/** A Google Cloud IAM role: predefined (`roles/...`) or custom (`projects/<id>/roles/...`, `organizations/<n>/roles/...`). */
export function gcpIamRoleRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string' || !IAM_ROLE.test(value)) {
    return [{ field, value, rule: 'is not an IAM role name: use roles/<role> (for example roles/storage.objectAdmin), projects/<projectId>/roles/<role> or organizations/<number>/roles/<role>' }];
  }
  return [];
}

import { z } from 'zod';
import { Problem } from '../../rules/problem';

export type Cloud = 'aws' | 'azure' | 'gcp';

/** A name that must be unique within a cloud scope (an IAM role name in one account). */
export interface AccountScopedName {
  readonly what: string;
  readonly scope: string;
  readonly name: string;
  /** The entry key the name comes from (or that defaults it). */
  readonly field: string;
  /** The cloud compares these names without regard to case (IAM role names, ARM names). */
  readonly caseInsensitive?: boolean;
}

/** One kind of stack entry: a cloud and an identity, its strict schema and its rules. */
export interface EntryKind<E> {
  readonly cloud: Cloud;
  readonly identity: string;
  readonly schema: z.ZodObject;
  /** The semantic rules, shared with the construct; `prefix` is the entry's field path. */
  readonly problems: (entry: E, prefix: string) => Problem[];
  /** Names that two stacks of one config must not both create. */
  readonly accountScopedNames: (entry: E) => AccountScopedName[];
}

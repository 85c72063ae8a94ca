import type { ContractChange } from './breaking-changes';

/** What follows a change's words in its message: the values (` from 'a' to 'b'`, ` to 5` after `set`, ` (was 4)`). */
const VALUES = / from .*|(?<= set) to .*| \(was .*/;

/** What a change did, in a few words, its values left out (`pattern changed`): to tell it apart from others of its subject. */
export function changeWithoutValues(change: ContractChange): string {
  return change.message.replace(VALUES, '');
}

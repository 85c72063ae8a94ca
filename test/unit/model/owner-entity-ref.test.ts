import { describe, expect, it } from 'vitest';
import { ownerEntityRef, readOwnerRef } from '../../../shared/model/owner-entity-ref';

describe('an owner as a Backstage entity reference', () => {
  it('normalises a user or group reference as the catalog compares them', () => {
    expect(ownerEntityRef(' Group:Default/dispatch ')).toBe('group:default/dispatch');
    expect(ownerEntityRef('user:jane.doe')).toBe('user:jane.doe');
  });

  it('takes a plain team name, an e-mail or another kind for no reference at all', () => {
    for (const owner of ['Collections Team', 'curators@museum.org', 'team:finance', 'component:gift-shop']) {
      expect(readOwnerRef(owner)).toEqual({ kind: 'not-a-ref' });
    }
  });

  it.each([
    ['group:museum/Collections Team', 'a name has no spaces'],
    ['Group:Museum_Shop/Retail', "a namespace has only letters, digits and '-'"],
    ['user:', 'no name follows the colon'],
    ['group:a/b/c', "a reference has one '/' at most, between namespace and name"],
    ['group:-retail', "a name has only letters, digits, '-', '_' and '.', and starts and ends with a letter or digit"],
    [`group:${'a'.repeat(64)}`, 'a namespace or name is at most 63 characters'],
  ])('says why %s looks like a reference but is not one', (owner, reason) => {
    expect(readOwnerRef(owner)).toEqual({ kind: 'malformed-ref', reason });
    expect(ownerEntityRef(owner)).toBeUndefined();
  });
});

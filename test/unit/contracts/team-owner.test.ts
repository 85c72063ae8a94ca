import { describe, expect, it } from 'vitest';
import { contractOwnerOf } from '../../../shared/contracts/team-owner';
import { aContract } from './builders';

/** A contract whose team is the list of members ODCS v3.0.x writes. */
const withTeam = (...members: Array<Record<string, string>>) => aContract({ extensions: { team: { members } } });
const TODAY = '2026-12-06';

describe('the owner an import reads from a v3.0.x team list', () => {
  it('skips an owner who has left and takes the one who replaced them', () => {
    const team = withTeam(
      { username: 'jmwangi', role: 'owner', dateOut: '2022-12-31', replacedByUsername: 'awanjiru' },
      { username: 'awanjiru', role: 'owner', dateIn: '2023-01-01' },
    );
    expect(contractOwnerOf(team, TODAY)).toEqual({ owner: 'awanjiru' });
  });

  it('follows replacedByUsername, also to a member the list does not hold and past one who left too', () => {
    expect(
      contractOwnerOf(
        withTeam({ username: 'a', role: 'owner', dateOut: '2020-01-01', replacedByUsername: 'b' }),
        TODAY,
      ),
    ).toEqual({ owner: 'b' });
    const chain = withTeam(
      { username: 'a', role: 'owner', dateOut: '2020-01-01', replacedByUsername: 'b' },
      { username: 'b', role: 'analyst', dateOut: '2021-01-01', replacedByUsername: 'c' },
    );
    expect(contractOwnerOf(chain, TODAY)).toEqual({ owner: 'c' });
  });

  it('keeps an owner whose dateOut is still to come', () => {
    expect(contractOwnerOf(withTeam({ username: 'a', role: 'owner', dateOut: '2030-01-01' }), TODAY)).toEqual({
      owner: 'a',
    });
  });

  it('says so when every owner has left and none was replaced', () => {
    expect(contractOwnerOf(withTeam({ username: 'a', role: 'owner', dateOut: '2020-01-01' }), TODAY)).toEqual({
      why: "the contract's team lists no member with role: owner who has not left (dateOut) nor a replacement",
    });
  });
});

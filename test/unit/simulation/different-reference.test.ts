import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { ValueGenerator } from '../../../shared/model/scenario';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { aMesh, aScenario, aSystem, rowsOf, simulate } from './builders';

/** A club whose games each name two players; `black_id` comes before `white_id`, so it is drawn after it only by choice. */
function clubMesh(): Mesh {
  return aMesh()
    .with(
      aSystem('club')
        .withTable('players', { player_id: 'integer', name: 'text' })
        .withTable('games', { game_id: 'integer', black_id: 'integer', white_id: 'integer' }),
    )
    .build();
}

const player = { kind: 'reference', table: 'players', column: 'player_id' } as const;

function clubScenario(players: number, games: Record<string, ValueGenerator>, seed = 7) {
  return aScenario()
    .withSeed(seed)
    .withData('club', 'players', players)
    .withData('club', 'games', 200, games)
    .withRate('club', 'games', { inserts: 5 })
    .build();
}

const pairing = { white_id: player, black_id: { ...player, differentFrom: 'white_id' } };

async function gamesAfterTicks(players: number, seed = 7) {
  const simulation = await simulate(clubMesh(), clubScenario(players, pairing, seed));
  const metrics = simulation.step(3);
  const games = rowsOf(simulation, 'club', 'SELECT game_id, white_id, black_id FROM games ORDER BY game_id');
  simulation.dispose();
  return { games, errors: metrics.errors.map((error) => error.message) };
}

describe('a reference that differs from another column of its row (differentFrom)', () => {
  it('never pairs a player with themself, in initial rows and inserted ones', async () => {
    const { games, errors } = await gamesAfterTicks(3);

    expect(errors).toEqual([]);
    expect(games).toHaveLength(215);
    expect(games.filter((game) => game.white_id === game.black_id)).toEqual([]);
    expect(new Set(games.map((game) => game.black_id)).size).toBe(3);
  });

  it('draws the same games from the same seed', async () => {
    expect(await gamesAfterTicks(3)).toEqual(await gamesAfterTicks(3));
    expect((await gamesAfterTicks(3, 8)).games).not.toEqual((await gamesAfterTicks(3)).games);
  });

  it('says that the referenced table has no other row when it has one', async () => {
    const { errors } = await gamesAfterTicks(1);

    expect(errors[0]).toBe(
      'black_id must differ from white_id (1), but no row of players has another player_id: give players more rows',
    );
  });

  it('is checked: the column it names exists, is another, does not differ back, and no update draws either alone', () => {
    const scenario = clubScenario(3, {
      white_id: { ...player, differentFrom: 'black_id' },
      black_id: { ...player, differentFrom: 'white_id' },
      game_id: { ...player, differentFrom: 'game_id' },
    });
    scenario.rates.push({
      systemId: 'club',
      table: 'games',
      insertsPerTick: 0,
      updatesPerTick: 1,
      deletesPerTick: 0,
      updateColumns: ['white_id'],
    });
    const messages = checkScenario(clubMesh(), scenario, 'scenario').filter((problem) =>
      /differ/.test(problem.message),
    );

    expect(messages).toEqual([
      {
        path: 'scenario.data[1].generators.white_id.differentFrom',
        message: 'white_id and black_id each differ from the other: keep differentFrom on one of them only',
      },
      {
        path: 'scenario.data[1].generators.black_id.differentFrom',
        message: 'black_id and white_id each differ from the other: keep differentFrom on one of them only',
      },
      {
        path: 'scenario.data[1].generators.game_id.differentFrom',
        message: 'a column cannot differ from itself: name another column of games',
      },
      {
        path: 'scenario.rates[1].updateColumns[0]',
        message:
          "an update draws white_id without reading the row's black_id, which must differ from it: leave it out of updateColumns",
      },
    ]);
  });

  it('is checked to name a column of its table', () => {
    const scenario = clubScenario(3, { black_id: { ...player, differentFrom: 'whiteid' } });

    expect(checkScenario(clubMesh(), scenario, 'scenario')).toEqual([
      { path: 'scenario.data[1].generators.black_id.differentFrom', message: "no column 'whiteid' in table 'games'" },
    ]);
  });
});

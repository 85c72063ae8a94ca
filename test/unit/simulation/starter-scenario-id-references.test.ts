import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { starterScenario } from '../../../shared/simulation/starter-scenario';
import { aContract, aMesh, aProduct, aSystem, rowsOf, simulate } from './builders';

/** A zoo as the app draws it: every table keyed by its default `id`, feedings naming their animal by `animal_id`. */
function aZoo(feedingsContract = aContract('feeding', 'entity', 'feedings').withKey('id', 'integer')): Mesh {
  return aMesh()
    .with(
      aSystem('zoo-keeper-app')
        .withTable('animals', { id: 'integer', name: 'text', species: 'text', enclosure: 'text', weight_kg: 'real' })
        .withCdcTopic('animals-cdc', 'animals')
        .withTable('feedings', {
          id: 'integer',
          animal_id: 'integer',
          food: 'text',
          grams: 'integer',
          fed_at: 'timestamp',
        })
        .withCdcTopic('feedings-cdc', 'feedings'),
      aProduct('animal-health').withInput('feedings-in').withOutput('feedings-out', 'feeding'),
      feedingsContract,
    )
    .withLink('zoo-keeper-app/feedings-cdc', 'animal-health/feedings-in')
    .build();
}

/** The zoo with animal-health reading the animals too, so its node holds both tables. */
function aZooReadingAnimals(): Mesh {
  const mesh = aZoo();
  mesh.products[0]?.inputPorts.push({
    id: 'animals-in',
    name: 'animals-in',
    description: '',
    direction: 'input',
    protocol: 'table',
  });
  mesh.links.push({
    id: 'animals-link',
    from: { nodeId: 'zoo-keeper-app', portId: 'animals-cdc' },
    to: { nodeId: 'animal-health', portId: 'animals-in' },
  });
  return mesh;
}

function generatorsOf(mesh: Mesh, table: string) {
  return starterScenario(mesh).data.find((entry) => entry.table === table)?.generators;
}

describe('a starter scenario on tables keyed by `id`', () => {
  it('refers feedings.animal_id to animals.id and never changes it in an update', () => {
    const mesh = aZoo();
    const scenario = starterScenario(mesh);

    expect(generatorsOf(mesh, 'feedings')?.animal_id).toEqual({ kind: 'reference', table: 'animals', column: 'id' });
    expect(scenario.rates.find((rate) => rate.table === 'feedings')?.updateColumns).toEqual([
      'food',
      'grams',
      'fed_at',
    ]);
    expect(checkScenario(mesh, scenario, 'scenarios[0]')).toEqual([]);
  });

  it('gives every feeding an existing animal after many ticks, so the obvious join finds them all', async () => {
    const mesh = aZoo();
    const simulation = await simulate(mesh, starterScenario(mesh));
    simulation.step(20);

    const animalIds = rowsOf(simulation, 'zoo-keeper-app', 'SELECT id FROM animals').map((row) => row.id);
    const feedings = rowsOf(simulation, 'zoo-keeper-app', 'SELECT animal_id FROM feedings');
    expect(feedings).toHaveLength(25);
    for (const feeding of feedings) expect(animalIds).toContain(feeding.animal_id);
    simulation.dispose();
  });

  it.each([
    ['animals_id', 'animals'],
    ['category_id', 'categories'],
    ['box_id', 'boxes'],
    ['animal_id', 'animals'],
  ])('reads %s as a reference to %s.id', (column, table) => {
    const mesh = aMesh()
      .with(
        aSystem('app')
          .withTable(table, { id: 'integer', label: 'text' })
          .withTable('notes', { id: 'integer', [column]: 'integer', body: 'text' }),
      )
      .build();

    expect(generatorsOf(mesh, 'notes')?.[column]).toEqual({ kind: 'reference', table, column: 'id' });
  });

  it('leaves a column whose name only looks like a table’s (`animalia_id`, `label`) to its type', () => {
    const mesh = aMesh()
      .with(
        aSystem('app')
          .withTable('animals', { id: 'integer', label: 'text' })
          .withTable('notes', { id: 'integer', animalia_id: 'integer', label: 'text' }),
      )
      .build();

    expect(generatorsOf(mesh, 'notes')?.animalia_id?.kind).not.toBe('reference');
  });

  it('refers to a table of its own system before another system’s', () => {
    const mesh = aMesh()
      .with(
        aSystem('shelter').withTable('animals', { id: 'integer', name: 'text' }),
        aSystem('zoo')
          .withTable('feedings', { id: 'integer', animal_id: 'integer' })
          .withTable('animal', { id: 'integer', name: 'text' }),
      )
      .build();
    const scenario = starterScenario(mesh);

    expect(generatorsOf(mesh, 'feedings')?.animal_id).toEqual({ kind: 'reference', table: 'animal', column: 'id' });
    expect(checkScenario(mesh, scenario, 'scenarios[0]')).toEqual([]);
  });

  it('follows a contract’s relationship over a name that suggests another table', () => {
    const keepers = aContract('feeding', 'entity', 'feedings')
      .withKey('id', 'integer')
      .withProperty('animal_id', 'integer', { nested: { relationships: [{ type: 'foreignKey', to: 'keepers.id' }] } });
    const mesh = aZoo(keepers);
    mesh.systems[0]?.database.tables.push({
      name: 'keepers',
      cdc: false,
      primaryKey: ['id'],
      columns: [{ name: 'id', type: 'integer', nullable: false }],
    });

    expect(generatorsOf(mesh, 'feedings')?.animal_id).toEqual({ kind: 'reference', table: 'keepers', column: 'id' });
  });

  it('draws a text column from the values a contract allows, and leaves it a word without them', () => {
    const allowingFoods = aContract('feeding', 'entity', 'feedings')
      .withKey('id', 'integer')
      .withProperty('food', 'string', { enum: ['hay', 'fish'] });

    expect(generatorsOf(aZoo(allowingFoods), 'feedings')?.food).toEqual({ kind: 'oneOf', values: ['hay', 'fish'] });
    expect(generatorsOf(aZoo(), 'feedings')?.food).toEqual({ kind: 'fake', what: 'word' });
  });

  it('indexes feedings.animal_id in a product that reads both tables, as a foreign key to animals.id', async () => {
    const mesh = aZooReadingAnimals();
    const simulation = await simulate(mesh, starterScenario(mesh));

    expect(rowsOf(simulation, 'animal-health', `SELECT name FROM pragma_index_list('feedings')`)).toContainEqual({
      name: 'feedings_animal_id',
    });
    simulation.dispose();
  });
});

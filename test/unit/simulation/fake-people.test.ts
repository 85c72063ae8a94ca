import { describe, expect, it } from 'vitest';
import type { FakeKind } from '../../../shared/simulation/fake-values';
import { aMesh, aScenario, aSystem, rowsOf, simulate } from './builders';

const fake = (what: FakeKind) => ({ kind: 'fake', what }) as const;
const PEOPLE = ['full_name', 'email', 'street', 'city', 'country', 'phone'] as const;

function crm() {
  return aMesh().with(
    aSystem('crm').withTable('people', {
      id: 'integer',
      full_name: 'text',
      email: 'text',
      street: 'text',
      city: 'text',
      country: 'text',
      phone: 'text',
    }),
  );
}

/** A person's fake columns: the row's name, contact and place. */
const PERSON = {
  full_name: fake('fullName'),
  email: fake('email'),
  street: fake('street'),
  city: fake('city'),
  country: fake('country'),
  phone: fake('phone'),
};

const scenario = aScenario()
  .withData('crm', 'people', 200, PERSON)
  .withRate('crm', 'people', { updates: 20, updateColumns: ['street', 'city', 'country'] })
  .build();

/** Each city's country and the phone code that goes with it, as the rows give them. */
function placesOf(rows: Record<string, unknown>[]) {
  const countryOf = new Map<unknown, Set<unknown>>();
  const codeOf = new Map<unknown, Set<unknown>>();
  for (const row of rows) {
    countryOf.set(row.city, new Set([...(countryOf.get(row.city) ?? []), row.country]));
    const code = String(row.phone).split(' ')[0];
    codeOf.set(row.country, new Set([...(codeOf.get(row.country) ?? []), code]));
  }
  return { countryOf, codeOf };
}

describe('the fake values of a row', () => {
  it('describe one person: the email is made of the name, the city lies in the country, the phone has its code', async () => {
    const simulation = await simulate(crm().build(), scenario);

    const rows = rowsOf(simulation, 'crm', `SELECT ${PEOPLE.join(', ')} FROM people`);

    expect(rows).toHaveLength(200);
    for (const row of rows) {
      const [first, ...last] = String(row.full_name).split(' ');
      expect(String(row.email)).toMatch(
        new RegExp(`^${first?.toLowerCase()}\\.${last.join('').toLowerCase()}\\d+@example\\.com$`),
      );
    }
    const { countryOf, codeOf } = placesOf(rows);
    expect([...countryOf.values()].every((countries) => countries.size === 1)).toBe(true);
    expect([...codeOf.values()].every((codes) => codes.size === 1)).toBe(true);
    expect(countryOf.size).toBeGreaterThan(5);
  });

  it('move a person as a whole: an update of street, city and country gives an address that agrees', async () => {
    const simulation = await simulate(crm().build(), scenario);
    simulation.step(10);

    const rows = rowsOf(simulation, 'crm', 'SELECT city, country, phone FROM people');
    const { countryOf } = placesOf(rows);

    expect([...countryOf.values()].every((countries) => countries.size === 1)).toBe(true);
  });
});

describe('a rate that updates some of a row’s fake values', () => {
  const updatingContacts = aScenario()
    .withData('crm', 'people', 100, PERSON)
    .withRate('crm', 'people', { updates: 20, updateColumns: ['email', 'phone', 'city'] })
    .build();

  it('keeps them the row’s person: a new email of its name, a phone and a city of its country', async () => {
    const simulation = await simulate(crm().build(), updatingContacts);
    simulation.step(10);

    const rows = rowsOf(simulation, 'crm', `SELECT ${PEOPLE.join(', ')} FROM people`);
    const { countryOf, codeOf } = placesOf(rows);
    for (const row of rows) {
      const [first, ...last] = String(row.full_name).split(' ');
      expect(String(row.email)).toMatch(
        new RegExp(`^${first?.toLowerCase()}\\.${last.join('').toLowerCase()}\\d+@example\\.com$`),
      );
    }
    expect([...countryOf.values()].every((countries) => countries.size === 1)).toBe(true);
    expect([...codeOf.values()].every((codes) => codes.size === 1)).toBe(true);
  });

  it('draws the same values for the same seed', async () => {
    const runs = await Promise.all([
      simulate(crm().build(), updatingContacts),
      simulate(crm().build(), updatingContacts),
    ]);
    const contacts = runs.map((simulation) => {
      simulation.step(5);
      return rowsOf(simulation, 'crm', 'SELECT id, email, phone, city FROM people ORDER BY id');
    });
    expect(contacts[0]).toEqual(contacts[1]);
  });
});

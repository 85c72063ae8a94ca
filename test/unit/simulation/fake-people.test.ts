import { describe, expect, it } from 'vitest';
import type { Mesh, Scenario } from '../../../shared/model';
import type { Simulation } from '../../../shared/simulation';
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

/** What `read` finds after five ticks of two runs of one scenario. */
async function twoRunsOf<T>(mesh: Mesh, scenario: Scenario, read: (simulation: Simulation) => T): Promise<T[]> {
  const runs = await Promise.all([simulate(mesh, scenario), simulate(structuredClone(mesh), scenario)]);
  return runs.map((simulation) => {
    simulation.step(5);
    return read(simulation);
  });
}

/** Whether an email is one made of this full name (`anna.devries12@example.com` of `Anna de Vries`). */
function isEmailOf(email: unknown, fullName: unknown): boolean {
  const [first, ...last] = String(fullName).split(' ');
  return new RegExp(`^${first?.toLowerCase()}\\.${last.join('').toLowerCase()}\\d+@example\\.com$`).test(String(email));
}

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
    for (const row of rows) expect(isEmailOf(row.email, row.full_name), JSON.stringify(row)).toBe(true);
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
    for (const row of rows) expect(isEmailOf(row.email, row.full_name), JSON.stringify(row)).toBe(true);
    expect([...countryOf.values()].every((countries) => countries.size === 1)).toBe(true);
    expect([...codeOf.values()].every((codes) => codes.size === 1)).toBe(true);
  });

  it('draws the same values for the same seed', async () => {
    const [first, second] = await twoRunsOf(crm().build(), updatingContacts, (simulation) =>
      rowsOf(simulation, 'crm', 'SELECT id, email, phone, city FROM people ORDER BY id'),
    );
    expect(first).toEqual(second);
  });
});

describe('two columns of one fake kind in a row', () => {
  const ferries = () =>
    aMesh().with(
      aSystem('ferries').withTable('routes', { id: 'integer', origin: 'text', destination: 'text' }),
      aSystem('mail').withTable('messages', {
        id: 'integer',
        sender: 'text',
        sender_email: 'text',
        recipient: 'text',
        recipient_email: 'text',
      }),
    );
  const MESSAGE = {
    sender: fake('fullName'),
    sender_email: fake('email'),
    recipient: fake('fullName'),
    recipient_email: fake('email'),
  };
  const routesAndMessages = aScenario()
    .withData('ferries', 'routes', 100, { origin: fake('city'), destination: fake('city') })
    .withData('mail', 'messages', 100, MESSAGE)
    .withRate('ferries', 'routes', { updates: 20, updateColumns: ['destination'] })
    .withRate('mail', 'messages', { updates: 20, updateColumns: ['recipient_email'] })
    .build();

  it('get values of their own: a route goes from one city to another', async () => {
    const simulation = await simulate(ferries().build(), routesAndMessages);

    const routes = rowsOf(simulation, 'ferries', 'SELECT origin, destination FROM routes');

    expect(routes.filter((route) => route.origin === route.destination)).toEqual([]);
    expect(new Set(routes.map((route) => route.destination)).size).toBeGreaterThan(5);
  });

  it('describe one person each: a sender and a recipient, each email made of its own name', async () => {
    const simulation = await simulate(ferries().build(), routesAndMessages);

    const messages = rowsOf(simulation, 'mail', `SELECT ${Object.keys(MESSAGE).join(', ')} FROM messages`);

    for (const message of messages) {
      expect(isEmailOf(message.sender_email, message.sender), JSON.stringify(message)).toBe(true);
      expect(isEmailOf(message.recipient_email, message.recipient), JSON.stringify(message)).toBe(true);
    }
    expect(messages.filter((message) => message.sender_email === message.recipient_email)).toEqual([]);
  });

  it('keep each person whole through an update: a new destination elsewhere, a new recipient email of the recipient', async () => {
    const simulation = await simulate(ferries().build(), routesAndMessages);
    simulation.step(10);

    const routes = rowsOf(simulation, 'ferries', 'SELECT origin, destination FROM routes');
    const messages = rowsOf(simulation, 'mail', `SELECT ${Object.keys(MESSAGE).join(', ')} FROM messages`);

    expect(routes.filter((route) => route.origin === route.destination)).toEqual([]);
    for (const message of messages) {
      expect(isEmailOf(message.sender_email, message.sender), JSON.stringify(message)).toBe(true);
      expect(isEmailOf(message.recipient_email, message.recipient), JSON.stringify(message)).toBe(true);
    }
  });

  it('draw the same values for the same seed', async () => {
    const [first, second] = await twoRunsOf(ferries().build(), routesAndMessages, (simulation) => [
      rowsOf(simulation, 'ferries', 'SELECT * FROM routes ORDER BY id'),
      rowsOf(simulation, 'mail', 'SELECT * FROM messages ORDER BY id'),
    ]);
    expect(first).toEqual(second);
  });
});

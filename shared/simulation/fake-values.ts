import type { ValueGenerator } from '../model/scenario';
import type { RandomStream } from './seeded-random';

export type FakeKind = Extract<ValueGenerator, { kind: 'fake' }>['what'];
/** The fake values that describe the row's person (a word or a sentence describes no one). */
export type PersonalFakeKind = Exclude<FakeKind, 'word' | 'sentence'>;

export function isPersonal(what: FakeKind): what is PersonalFakeKind {
  return what !== 'word' && what !== 'sentence';
}

export const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Chloe',
  'Daan',
  'Emma',
  'Finn',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Lena',
  'Milan',
  'Noor',
  'Oscar',
  'Sofie',
  'Timo',
];
export const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meyer',
  'Schmidt',
  'Dubois',
  'Martin',
  'Peeters',
  'Claes',
  'Mertens',
  'Fischer',
  'Weber',
  'Laurent',
  'Janssens',
];
/** Where a made-up person lives: streets of the city, and the country's calling code for a phone. */
export interface Place {
  city: string;
  country: string;
  callingCode: string;
  streets: readonly string[];
}

export const PLACES: readonly Place[] = [
  { city: 'Amsterdam', country: 'NL', callingCode: '+31', streets: ['Kerkstraat', 'Prinsengracht', 'Stationsplein'] },
  { city: 'Utrecht', country: 'NL', callingCode: '+31', streets: ['Oudegracht', 'Lindenlaan', 'Dorpsstraat'] },
  { city: 'Rotterdam', country: 'NL', callingCode: '+31', streets: ['Coolsingel', 'Molenweg', 'Hoofdweg'] },
  { city: 'Antwerpen', country: 'BE', callingCode: '+32', streets: ['Meir', 'Schoolstraat', 'Marktplein'] },
  { city: 'Gent', country: 'BE', callingCode: '+32', streets: ['Veldstraat', 'Kerkstraat', 'Korenmarkt'] },
  { city: 'Berlin', country: 'DE', callingCode: '+49', streets: ['Bahnhofstrasse', 'Lindenstrasse', 'Schulweg'] },
  {
    city: 'Hamburg',
    country: 'DE',
    callingCode: '+49',
    streets: ['Mönckebergstrasse', 'Hafenstrasse', 'Bahnhofstrasse'],
  },
  {
    city: 'Lyon',
    country: 'FR',
    callingCode: '+33',
    streets: ['Rue de la République', 'Rue Mercière', 'Quai Saint-Antoine'],
  },
  { city: 'Lille', country: 'FR', callingCode: '+33', streets: ['Rue de la Paix', 'Rue Nationale', 'Rue de Béthune'] },
  {
    city: 'Luxembourg',
    country: 'LU',
    callingCode: '+352',
    streets: ['Grand-Rue', 'Avenue de la Gare', 'Rue du Fort'],
  },
  { city: 'Wien', country: 'AT', callingCode: '+43', streets: ['Kärntner Strasse', 'Mariahilfer Strasse', 'Graben'] },
];
const WORDS = [
  'apple',
  'basket',
  'candle',
  'drum',
  'easel',
  'feather',
  'garden',
  'hammer',
  'island',
  'jacket',
  'kettle',
  'lantern',
  'mirror',
  'needle',
  'orange',
  'pillow',
  'quilt',
  'ribbon',
  'saddle',
  'teapot',
];

/**
 * One made-up person at one made-up address, drawn once for a row: its fake values agree with each
 * other (an email made of its name, a street in its city, a phone of its country).
 */
export interface FakePerson {
  firstName: string;
  lastName: string;
  place: Place;
  street: string;
  houseNumber: number;
  /** Tells apart the emails of people of one name. */
  emailNumber: number;
}

/** A person living elsewhere than `others` where a place is left (a route's two cities differ). */
function drawPerson(random: RandomStream, others: readonly FakePerson[]): FakePerson {
  const elsewhere = PLACES.filter((place) => !others.some((other) => other.place === place));
  const place = random.pick(elsewhere.length > 0 ? elsewhere : PLACES);
  return {
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
    place,
    street: random.pick(place.streets),
    houseNumber: random.integer(1, 250),
    emailNumber: random.integer(1, 999),
  };
}

/**
 * The people of the row being drawn, by their place in it (see `personOrdinals`): each drawn when
 * one of its values first asks for it, after those before it, and forgotten when the next row
 * starts, so that rows without fake values draw none.
 */
export interface RowPeople {
  person(ordinal: number): FakePerson;
  /** Starts the next row; `agreeing` makes each person drawn for it agree with what the row already says of them. */
  nextRow(agreeing?: (drawn: FakePerson, ordinal: number) => FakePerson): void;
}

export function rowPeople(random: RandomStream): RowPeople {
  let people: FakePerson[] = [];
  let agreeingWithRow: ((drawn: FakePerson, ordinal: number) => FakePerson) | undefined;
  return {
    person: (ordinal) => {
      while (people.length <= ordinal) {
        const drawn = drawPerson(random, people);
        people.push(agreeingWithRow ? agreeingWithRow(drawn, people.length) : drawn);
      }
      return people[ordinal] as FakePerson;
    },
    nextRow: (agreeing) => {
      people = [];
      agreeingWithRow = agreeing;
    },
  };
}

/**
 * Which of the row's people each column's fake value describes: a table's first column of each
 * personal kind describes its first person, so a name, an email and a city agree; a second column
 * of a kind (a route's destination, a message's recipient) describes a second person, and so on.
 */
export function personOrdinals(generators: readonly (ValueGenerator | undefined)[]): (number | undefined)[] {
  const counted = new Map<FakeKind, number>();
  return generators.map((generator) => {
    if (generator?.kind !== 'fake' || !isPersonal(generator.what)) return undefined;
    const ordinal = counted.get(generator.what) ?? 0;
    counted.set(generator.what, ordinal + 1);
    return ordinal;
  });
}

/** Plausible, deterministic sample values: enough to read like data, no faker needed. */
export function fakeValue(what: FakeKind, random: RandomStream, person: () => FakePerson): string {
  switch (what) {
    case 'fullName':
      return `${person().firstName} ${person().lastName}`;
    case 'email': {
      const { firstName, lastName, emailNumber } = person();
      return `${emailPart(firstName)}.${emailPart(lastName)}${emailNumber}@example.com`;
    }
    case 'street':
      return `${person().street} ${person().houseNumber}`;
    case 'city':
      return person().place.city;
    case 'country':
      return person().place.country;
    case 'phone':
      return `${person().place.callingCode} ${String(random.integer(0, 99_999_999)).padStart(8, '0')}`;
    case 'word':
      return random.pick(WORDS);
    case 'sentence': {
      const words = Array.from({ length: random.integer(4, 9) }, () => random.pick(WORDS));
      const sentence = words.join(' ');
      return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    }
  }
}

/** A name as an email's local part takes it: `de Vries` → `devries`. */
export function emailPart(name: string): string {
  return name.toLowerCase().replaceAll(' ', '');
}

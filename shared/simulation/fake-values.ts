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

function drawPerson(random: RandomStream): FakePerson {
  const place = random.pick(PLACES);
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
 * The person of the row being drawn: drawn when one of the row's fake values first asks for it,
 * forgotten when the next row starts, so that rows without fake values draw none.
 */
export interface RowPerson {
  current(): FakePerson;
  /** Starts the next row; `agreeing` makes the person drawn for it agree with what the row already says. */
  nextRow(agreeing?: (drawn: FakePerson) => FakePerson): void;
}

export function rowPerson(random: RandomStream): RowPerson {
  let person: FakePerson | undefined;
  let agreeingWithRow: ((drawn: FakePerson) => FakePerson) | undefined;
  return {
    current: () => {
      if (person) return person;
      const drawn = drawPerson(random);
      person = agreeingWithRow ? agreeingWithRow(drawn) : drawn;
      return person;
    },
    nextRow: (agreeing) => {
      person = undefined;
      agreeingWithRow = agreeing;
    },
  };
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

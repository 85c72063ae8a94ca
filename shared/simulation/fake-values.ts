import type { ValueGenerator } from '../model/scenario';
import type { RandomStream } from './seeded-random';

export type FakeKind = Extract<ValueGenerator, { kind: 'fake' }>['what'];

const FIRST_NAMES = [
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
const LAST_NAMES = [
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
const STREETS = [
  'Kerkstraat',
  'Hoofdweg',
  'Stationsplein',
  'Dorpsstraat',
  'Lindenlaan',
  'Bahnhofstrasse',
  'Rue de la Paix',
  'Marktplein',
  'Molenweg',
  'Schoolstraat',
];
const CITIES = [
  'Amsterdam',
  'Utrecht',
  'Rotterdam',
  'Antwerpen',
  'Gent',
  'Berlin',
  'Hamburg',
  'Lyon',
  'Lille',
  'Brussel',
];
const COUNTRIES = ['NL', 'BE', 'DE', 'FR', 'LU', 'AT'];
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

/** Plausible, deterministic sample values: enough to read like data, no faker needed. */
export function fakeValue(what: FakeKind, random: RandomStream): string {
  switch (what) {
    case 'fullName':
      return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    case 'email':
      return `${random.pick(FIRST_NAMES).toLowerCase()}.${random.integer(1, 9999)}@example.com`;
    case 'street':
      return `${random.pick(STREETS)} ${random.integer(1, 250)}`;
    case 'city':
      return random.pick(CITIES);
    case 'country':
      return random.pick(COUNTRIES);
    case 'phone':
      return `+31 6 ${String(random.integer(0, 99_999_999)).padStart(8, '0')}`;
    case 'word':
      return random.pick(WORDS);
    case 'sentence': {
      const words = Array.from({ length: random.integer(4, 9) }, () => random.pick(WORDS));
      const sentence = words.join(' ');
      return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    }
  }
}

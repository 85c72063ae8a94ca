import {
  emailPart,
  type FakePerson,
  FIRST_NAMES,
  LAST_NAMES,
  type PersonalFakeKind,
  PLACES,
  type Place,
} from './fake-values';
import type { RandomStream } from './seeded-random';

/** What a row already says about its person, by fake kind (the columns an update leaves alone). */
export type KnownFakeValues = Partial<Record<PersonalFakeKind, string>>;

/**
 * The person a row's known fake values describe, filled in from a freshly `drawn` one: so that an
 * update's new email is one of the row's name, its new city one of the row's country. A value the
 * fake lists do not hold (a step wrote it) is kept where it can be and otherwise left to the draw.
 */
export function personAgreeingWith(drawn: FakePerson, known: KnownFakeValues, random: RandomStream): FakePerson {
  const name = nameOf(known);
  const address = addressOf(known.street);
  const place = placeOf(drawn.place, known, address?.street, random);
  return {
    firstName: name.firstName ?? drawn.firstName,
    lastName: name.lastName ?? drawn.lastName,
    place,
    street: address?.street ?? (place === drawn.place ? drawn.street : random.pick(place.streets)),
    houseNumber: address?.houseNumber ?? drawn.houseNumber,
    emailNumber: name.emailNumber ?? drawn.emailNumber,
  };
}

/** The name a full name gives (`Anna de Vries`), or else the one an email is made of (`anna.devries12@`). */
function nameOf(known: KnownFakeValues): Partial<Pick<FakePerson, 'firstName' | 'lastName' | 'emailNumber'>> {
  const fromEmail = /^([^.@]+)\.([^@]*?)(\d*)@/.exec(known.email ?? '');
  const emailNumber = fromEmail?.[3] ? Number(fromEmail[3]) : undefined;
  if (known.fullName !== undefined) {
    const [firstName, ...lastName] = known.fullName.split(' ');
    return { firstName, lastName: lastName.length > 0 ? lastName.join(' ') : undefined, emailNumber };
  }
  if (!fromEmail) return {};
  const [, first = '', last = ''] = fromEmail;
  return {
    firstName: FIRST_NAMES.find((name) => emailPart(name) === first) ?? first,
    lastName: LAST_NAMES.find((name) => emailPart(name) === last) ?? last,
    emailNumber,
  };
}

function addressOf(street: string | undefined): { street: string; houseNumber: number } | undefined {
  const parts = /^(.+) (\d+)$/.exec(street ?? '');
  return parts ? { street: parts[1] as string, houseNumber: Number(parts[2]) } : undefined;
}

/**
 * A place that agrees with the known city, street, country and phone, the most telling first; a
 * value no place has is passed over. The drawn place where it agrees, else one of those that do.
 */
function placeOf(drawn: Place, known: KnownFakeValues, street: string | undefined, random: RandomStream): Place {
  const callingCode = known.phone?.split(' ')[0];
  const agreements: ((place: Place) => boolean)[] = [
    (place) => known.city === undefined || place.city === known.city,
    (place) => street === undefined || place.streets.includes(street),
    (place) => known.country === undefined || place.country === known.country,
    (place) => callingCode === undefined || place.callingCode === callingCode,
  ];
  let candidates = PLACES;
  for (const agrees of agreements) {
    const narrowed = candidates.filter(agrees);
    if (narrowed.length > 0) candidates = narrowed;
  }
  return candidates.includes(drawn) ? drawn : random.pick(candidates);
}

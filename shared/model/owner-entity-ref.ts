import { quoted } from './isolated-names';

/** What an owner reads as in Backstage's `spec.owner`: a user or group reference, something that only looks like one, or a team's name. */
export type OwnerRefReading =
  | { kind: 'ref'; ref: string }
  | { kind: 'malformed-ref'; reason: string }
  | { kind: 'not-a-ref' };

/** `user:` or `group:`, the kinds an owner may be: what follows is meant as `[namespace/]name`. */
const REF_KIND = /^(user|group):(.*)$/is;
/** Backstage's rules for a namespace (a DNS label) and an entity name, each at most 63 characters. */
const NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAME = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const MAX_PART_LENGTH = 63;

/**
 * An owner written as a Backstage user or group reference (`user:jane.doe`, `Group:Default/dispatch`),
 * normalised as the catalog compares refs (kind and namespace in lower case: `group:default/dispatch`);
 * one that starts like a reference but breaks its rules, with why (`group:museum/Collections Team`:
 * a name has no spaces); anything else, such as a team's name, is none.
 */
export function readOwnerRef(owner: string): OwnerRefReading {
  const [, kind, rest] = REF_KIND.exec(owner.trim()) ?? [];
  if (kind === undefined || rest === undefined) return { kind: 'not-a-ref' };
  const parts = rest.split('/');
  const [namespace, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  const reason = whyNotARef(parts.length, namespace?.toLowerCase(), name ?? '');
  if (reason) return { kind: 'malformed-ref', reason };
  const lowerKind = kind.toLowerCase();
  return {
    kind: 'ref',
    ref: namespace === undefined ? `${lowerKind}:${name}` : `${lowerKind}:${namespace.toLowerCase()}/${name}`,
  };
}

/** An owner already written as a Backstage user or group reference, normalised; undefined for anything else. */
export function ownerEntityRef(owner: string): string | undefined {
  const reading = readOwnerRef(owner);
  return reading.kind === 'ref' ? reading.ref : undefined;
}

/** The name of a group of Backstage's default namespace an owner references (`group:default/dispatch`, `group:dispatch`). */
export function defaultGroupName(owner: string): string | undefined {
  const [, name] = /^group:(?:default\/)?([^/]+)$/.exec(ownerEntityRef(owner) ?? '') ?? [];
  return name;
}

/**
 * Whether two owners name one team: alike but for capitals and surrounding spaces, or one a
 * team's name and the other the reference to the group of that name (`group:default/laundry-ops`).
 */
export function namesSameTeam(owner: string, other: string): boolean {
  return teamKey(owner) === teamKey(other);
}

/** One key for every way of writing a team's name (see `namesSameTeam`). */
export function teamKey(owner: string): string {
  return (defaultGroupName(owner) ?? owner).trim().toLowerCase();
}

/**
 * Why Backstage would not read `owner` as the reference it looks like, for `named` (`Domain "Gate"`),
 * as `validate` and the Backstage export both say it; undefined for a reference or a team's name.
 */
export function malformedOwnerRefMessage(named: string, owner: string): string | undefined {
  const reading = readOwnerRef(owner);
  if (reading.kind !== 'malformed-ref') return undefined;
  return `${named} has the owner ${quoted(owner)}, which looks like a Backstage reference but is not one (${reading.reason}): the Backstage export takes it for a team's name.`;
}

function whyNotARef(partCount: number, namespace: string | undefined, name: string): string | undefined {
  if (partCount > 2) return "a reference has one '/' at most, between namespace and name";
  if (name === '') return 'no name follows the colon';
  if (name.length > MAX_PART_LENGTH || (namespace?.length ?? 0) > MAX_PART_LENGTH) {
    return 'a namespace or name is at most 63 characters';
  }
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    return /\s/.test(namespace) ? 'a namespace has no spaces' : "a namespace has only letters, digits and '-'";
  }
  if (!NAME.test(name)) {
    return /\s/.test(name)
      ? 'a name has no spaces'
      : "a name has only letters, digits, '-', '_' and '.', and starts and ends with a letter or digit";
  }
  return undefined;
}

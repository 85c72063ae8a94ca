import { isDeepEqual } from '../model/deep-equal';
import { pairEntries } from './entry-pairing';
import { asArray, isJsonObject } from './odcs-document';
import type { PathSegment } from './path-problem';
import { shownValue } from './shown-value';

/** One change of a contract's `servers`, and the contract-level field it is at (`['servers', 'kafka-prod', 'format']`). */
export interface ServerChange {
  isBreaking: boolean;
  message: string;
  field: PathSegment[];
}

/**
 * What a server's fields only document: they name or describe it without changing where or
 * how consumers read (the server's roles are compared on their own: one removed takes access away).
 * Every other field (type, format, host, port, database, schema, topic, location, path…) is how
 * consumers connect to and read the data, so changing or removing it breaks them, and so does
 * one added: the server now asks something of its readers it did not.
 */
const DOCUMENTING_FIELDS = new Set(['id', 'description', 'environment', 'customProperties']);

/**
 * Fields whose value names something readers match ignoring capitals: ODCS's `format` (`avro`,
 * `parquet`…) is a format's name, which Kafka's serdes, Spark and the like read so.
 */
const CASE_INSENSITIVE_FIELDS = new Set(['format']);

type Server = Record<string, unknown>;

/**
 * The changes of ODCS v3 `servers` (a list, each entry named by `server`), server by server and
 * field by field: a server removed breaks its readers, one added does not.
 */
export function serverChanges(previous: unknown, next: unknown): ServerChange[] {
  const { pairs, removed, added } = pairEntries(
    serversOf(previous),
    serversOf(next),
    (was, is) => was.name === is.name,
  );
  return [
    ...removed.map(({ name }) => ({
      isBreaking: true,
      message: `server '${name}' removed`,
      field: ['servers', name],
    })),
    ...pairs.flatMap(([was, is]) => fieldChanges(is.name, was.server, is.server)),
    ...added.map(({ name }) => ({ isBreaking: false, message: `server '${name}' added`, field: ['servers', name] })),
  ];
}

/** Each server with its name: its `server`, or its place in the list where it has none. */
function serversOf(section: unknown): { name: string; server: Server }[] {
  return asArray(section).map((entry, index) => {
    const server = isJsonObject(entry) ? entry : {};
    return { name: typeof server.server === 'string' ? server.server : `#${index + 1}`, server };
  });
}

function fieldChanges(name: string, previous: Server, next: Server): ServerChange[] {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  return keys.flatMap((key) => {
    const was = previous[key];
    const is = next[key];
    if (isDeepEqual(was, is)) return [];
    // A removed field has no line of its own in the new text: the server's entry shows it went.
    const field = is === undefined ? ['servers', name] : ['servers', name, key];
    const message = `server '${name}': ${describeFieldChange(key, was, is, DOCUMENTING_FIELDS.has(key) ? shownValue : shown)}`;
    if (key === 'roles') return [{ isBreaking: rolesRemoved(was, is).length > 0, message, field }];
    if (CASE_INSENSITIVE_FIELDS.has(key) && isSameIgnoringCapitals(was, is)) {
      return [{ isBreaking: false, message: `${message} (the same ${key}, in other capitals)`, field }];
    }
    return [{ isBreaking: !DOCUMENTING_FIELDS.has(key), message, field }];
  });
}

function isSameIgnoringCapitals(was: unknown, is: unknown): boolean {
  return typeof was === 'string' && typeof is === 'string' && was.toLowerCase() === is.toLowerCase();
}

/** The roles given access before and no longer. */
function rolesRemoved(previous: unknown, next: unknown): string[] {
  const roleNames = (roles: unknown) =>
    asArray(roles).map((role) => (isJsonObject(role) ? String(role.role) : String(role)));
  const kept = new Set(roleNames(next));
  return roleNames(previous).filter((role) => !kept.has(role));
}

function describeFieldChange(key: string, was: unknown, is: unknown, shown: (value: unknown) => string): string {
  if (was === undefined) return `${key} set to ${shown(is)}`;
  if (is === undefined) return `${key} removed (was ${shown(was)})`;
  return `${key} ${shown(was)} → ${shown(is)}`;
}

/** Connection settings read as written (`format avro → json`); free text is quoted. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : shownValue(value);
}

import { newDataProduct } from './data-product';
import { domainColorAt } from './domain';
import { newPort, type PortDirection } from './port';

/** Where in the file a set of omittable fields sits: field names, and EACH for every element of a list. */
export const EACH = Symbol('each element');
type Segment = string | typeof EACH;

interface OmittedFields {
  readonly at: readonly Segment[];
  /** The fields the object at `at` may leave out, with the value each then reads as (`index`: its place in its list). */
  readonly valuesOf: (object: Record<string, unknown>, index: number) => Record<string, unknown>;
}

/** The fields a port may leave out: as the app adds a port to its list. */
function portFields(direction: PortDirection): () => Record<string, unknown> {
  const { id: _id, name: _name, ...defaults } = newPort('', '', direction);
  return () => defaults;
}

/** The fields a product may leave out: as a new product has them, its core empty. */
function productFields(): Record<string, unknown> {
  const { id: _id, domainId: _domainId, name: _name, ...defaults } = newDataProduct({ id: '', domainId: '', name: '' });
  return defaults;
}

/** Outer objects before inner ones, so that a default filled in (a product's discovery port) is complete. */
const OMITTED_FIELDS: readonly OmittedFields[] = [
  {
    at: [],
    valuesOf: () => ({
      description: '',
      links: [],
      contracts: [],
      layout: { nodes: {} },
      scenarios: [],
      policies: { rules: {} },
    }),
  },
  // No positions: the app lays the design out on open.
  { at: ['layout'], valuesOf: () => ({ nodes: {} }) },
  // By place in the list, as the app colours domains as they are added, so the colour is the same on every open.
  {
    at: ['domains', EACH],
    valuesOf: (_domain, index) => ({ description: '', owner: '', color: domainColorAt(index) }),
  },
  { at: ['products', EACH], valuesOf: productFields },
  { at: ['products', EACH, 'inputPorts', EACH], valuesOf: portFields('input') },
  { at: ['products', EACH, 'outputPorts', EACH], valuesOf: portFields('output') },
  { at: ['products', EACH, 'discoveryPort'], valuesOf: portFields('discovery') },
  // A new system's service is named after the system, as the app names it (see newSystem).
  {
    at: ['systems', EACH],
    valuesOf: (system) => ({
      description: '',
      publishes: [],
      ...(typeof system.name === 'string' && system.name !== '' && { service: { name: system.name } }),
    }),
  },
  { at: ['scenarios', EACH], valuesOf: scenarioFields },
];

/** A scenario's seed and clock set what a run does, so only what the app leaves empty may be left out. */
function scenarioFields(): Record<string, unknown> {
  return { description: '', data: [], rates: [], steps: [] };
}

/** The fields a scenario may leave out, in the file and in the scenario editor alike. */
export const OMITTABLE_SCENARIO_FIELDS: readonly string[] = Object.keys(scenarioFields());

/** A scenario written without the fields it may leave out, read as the file reads it (see `withOmittedEmptyFields`). */
export function withOmittedScenarioFields(scenario: unknown): unknown {
  return withFieldsFilledAt(scenario, [], scenarioFields, 0);
}

/** The fields each object of the file may leave out, by where it sits (what the published JSON Schema does not require). */
export const OMITTABLE_FIELDS: readonly { readonly at: readonly Segment[]; readonly fields: readonly string[] }[] =
  OMITTED_FIELDS.map(({ at, valuesOf }) => ({
    at,
    // The object is named here, as the schema asks, so that a system's service counts as omittable.
    fields: Object.keys(valuesOf({ name: 'named' }, 0)),
  }));

/**
 * A design written by hand or by a script, with the fields it left out read as the value the app
 * gives them: "", an empty list, a pipeline without stages, a new product's discovery port, a
 * domain's colour. Fields that identify or name something (ids, names) are left missing, for the
 * schema to ask for.
 */
export function withOmittedEmptyFields(document: unknown): unknown {
  return OMITTED_FIELDS.reduce((filled, { at, valuesOf }) => withFieldsFilledAt(filled, at, valuesOf, 0), document);
}

function withFieldsFilledAt(
  value: unknown,
  at: readonly Segment[],
  valuesOf: OmittedFields['valuesOf'],
  index: number,
): unknown {
  const [segment, ...rest] = at;
  if (segment === undefined) return isRecord(value) ? { ...valuesOf(value, index), ...value } : value;
  if (segment === EACH) {
    return Array.isArray(value)
      ? value.map((element, position) => withFieldsFilledAt(element, rest, valuesOf, position))
      : value;
  }
  if (!isRecord(value) || !(segment in value)) return value;
  return { ...value, [segment]: withFieldsFilledAt(value[segment], rest, valuesOf, index) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each element list of the file, and the fields its elements may leave out, with the empty value they then read as. */
const OMITTED_ELEMENT_FIELDS: Readonly<Record<string, (element: Record<string, unknown>) => Record<string, unknown>>> =
  {
    domains: () => ({ description: '', owner: '' }),
    products: () => ({
      description: '',
      owner: '',
      inputPorts: [],
      outputPorts: [],
      transformations: [],
      documentation: '',
      tests: [],
      observability: { slos: [] },
      pipeline: { stages: [] },
    }),
    // A new system's service is named after the system, as the app names it (see newSystem).
    systems: (system) => ({
      description: '',
      publishes: [],
      ...(typeof system.name === 'string' && system.name !== '' && { service: { name: system.name } }),
    }),
  };

const OMITTED_DESIGN_FIELDS = (): Record<string, unknown> => ({
  description: '',
  links: [],
  contracts: [],
  layout: { nodes: {} },
  scenarios: [],
  policies: { rules: {} },
});

/** The fields a design, and the elements of each of its lists, may leave out (what the published JSON Schema does not require). */
export const OMITTABLE_FIELDS: {
  readonly design: readonly string[];
  readonly elements: Readonly<Record<string, readonly string[]>>;
} = {
  design: Object.keys(OMITTED_DESIGN_FIELDS()),
  // An element is named here, as the schema asks, so that a system's service counts as omittable.
  elements: Object.fromEntries(
    Object.entries(OMITTED_ELEMENT_FIELDS).map(([list, emptyFieldsOf]) => [
      list,
      Object.keys(emptyFieldsOf({ name: 'named' })),
    ]),
  ),
};

/**
 * A design written by hand or by a script, with the fields it left out whose empty value means
 * nothing ("", an empty list, a pipeline without stages) read as that value. Fields that identify
 * or name something (ids, names, kinds) are left missing, for the schema to ask for.
 */
export function withOmittedEmptyFields(document: unknown): unknown {
  if (!isRecord(document)) return document;
  const filled: Record<string, unknown> = { ...OMITTED_DESIGN_FIELDS(), ...document };
  for (const [list, emptyFieldsOf] of Object.entries(OMITTED_ELEMENT_FIELDS)) {
    const elements = filled[list];
    if (!Array.isArray(elements)) continue;
    filled[list] = elements.map((element) => (isRecord(element) ? { ...emptyFieldsOf(element), ...element } : element));
  }
  return filled;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

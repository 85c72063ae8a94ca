import { publishedSchemaObject } from '../contracts/link-dataset';
import type { Mesh, Problem } from '../model';
import type { ContractViolations, PortMetrics } from './simulation-metrics';

/** One rule's quarantine at a port, as the CLI's summary and the run's problems say it: `required on fare: 45×, first at tick 8: fare is required`. */
export function violationText(violation: ContractViolations): string {
  const on = violation.property ? ` on ${violation.property}` : '';
  return `${violation.rule}${on}: ${violation.count}×, first at tick ${violation.first.tick}: ${violation.first.message}`;
}

/** What the run quarantined, one problem per port, rule and property, at the output port (`<productId>/<portId>`). */
export function quarantineProblems(mesh: Mesh, ports: Readonly<Record<string, PortMetrics>>): Problem[] {
  return Object.entries(ports).flatMap(([key, { violations }]) => {
    const path = outputPortPath(mesh, key);
    return violations.map((violation) => ({ path, message: `quarantined ${violationText(violation)}` }));
  });
}

function outputPortPath(mesh: Mesh, key: string): string {
  const [productId, portId] = key.split('/');
  const productIndex = mesh.products.findIndex((product) => product.id === productId);
  const portIndex = mesh.products[productIndex]?.outputPorts.findIndex((port) => port.id === portId) ?? -1;
  return portIndex < 0 ? key : `products[${productIndex}].outputPorts[${portIndex}]`;
}

/** The field of a property a rule checks, where the contract's model writes one (`enum[0]`: its first allowed value). */
const CHECKED_FIELD: Partial<Record<string, string>> = {
  required: 'required',
  type: 'logicalType',
  enum: 'enum[0]',
  classification: 'classification',
  unique: 'unique',
};

/**
 * Where the check that quarantined records at a port (`<productId>/<portId>`) is written in the
 * design: the property's field in the port's contract (`contracts[0].schema[0].properties[4].enum[0]`),
 * the property where no field says the rule, the contract where no property does; none for a port
 * the design has not.
 */
export function quarantineCheckPath(
  mesh: Mesh,
  portKey: string,
  { rule, property }: Pick<ContractViolations, 'rule' | 'property'>,
): string | undefined {
  const [productId, portId] = portKey.split('/');
  const product = mesh.products.find((candidate) => candidate.id === productId);
  const port = product?.outputPorts.find((candidate) => candidate.id === portId);
  const contract = mesh.contracts.find((candidate) => candidate.id === port?.contractId);
  // The contract's own object, measures and all: the published table leaves them out (see `linkDataset`).
  const schema = contract && publishedSchemaObject(contract);
  if (!contract || !schema) return undefined;
  const contractPath = `contracts[${mesh.contracts.indexOf(contract)}]`;
  const objectIndex = contract.schema.indexOf(schema);
  // A nested field (`size.system`, `photos[2].url`) is checked by what its top property says.
  const propertyName = property?.split(/[.[]/)[0];
  const propertyIndex = schema.properties.findIndex((candidate) => candidate.name === propertyName);
  if (propertyIndex < 0) return contractPath;
  const propertyPath = `${contractPath}.schema[${objectIndex}].properties[${propertyIndex}]`;
  const field = CHECKED_FIELD[rule];
  const hasField =
    field !== undefined && (field !== 'enum[0]' || (schema.properties[propertyIndex]?.enum?.length ?? 0) > 0);
  return hasField ? `${propertyPath}.${field}` : propertyPath;
}

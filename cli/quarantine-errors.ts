import type { Mesh } from '../shared/model';
import { counted } from '../shared/model/word-list';
import { exactJsonText } from '../shared/simulation/exact-json';
import { quarantineCheckPath, violationText } from '../shared/simulation/quarantine-problems';
import type { ContractViolations, PortMetrics } from '../shared/simulation/simulation-metrics';
import { contractTextPlaceOf } from '../shared/validation/contract-text-places';
import type { DesignFilePlacer } from '../shared/validation/design-file-places';
import { type FileProblem, formatProblemInFile, placedInDesign } from './problem-line';

/** A run's records quarantined at a port by one rule and property: an error of the design, at the check that quarantined them. */
export interface QuarantineError extends FileProblem {
  severity: 'error';
  rule: 'quarantine';
  /** The output port, `<productId>/<portId>`. */
  port: string;
  count: number;
  first: ContractViolations['first'];
}

/** Every port's quarantined records, one error per rule and property, placed in the design file. */
export function quarantineErrors(
  mesh: Mesh,
  ports: Readonly<Record<string, PortMetrics>>,
  placer: DesignFilePlacer,
): QuarantineError[] {
  return Object.entries(ports).flatMap(([port, { violations }]) =>
    violations.map((violation) => {
      const path = quarantineCheckPath(mesh, port, violation) ?? port;
      const contractText = contractTextPlaceOf(mesh.contracts, path);
      const error: QuarantineError = {
        severity: 'error',
        path,
        message: `quarantined at ${port}: ${violationText(violation)}`,
        rule: 'quarantine',
        port,
        count: violation.count,
        first: violation.first,
        ...(contractText && { contractText }),
      };
      return placedInDesign(placer, error);
    }),
  );
}

/** An error as stderr says it, with the first record quarantined: `shop.mesh.json:31:15: contracts[0]…: quarantined at …; record {…}`. */
export function quarantineErrorLine(file: string, error: QuarantineError): string {
  const withRecord = { ...error, message: `${error.message}; record ${exactJsonText(error.first.record)}` };
  return formatProblemInFile(file, withRecord);
}

/** Why the run failed for its quarantines, as its last line says: `6 records quarantined at rx/rx-out (shop.mesh.json:31:15)`. */
export function quarantineVerdicts(file: string, errors: readonly QuarantineError[]): string[] {
  return errors.map((error) => {
    const place = error.line === undefined ? '' : ` (${file}:${error.line}:${error.column})`;
    return `${counted(error.count, 'record')} quarantined at ${error.port}${place}`;
  });
}

import { readOdcsDocument, validateOdcsDocument } from '../../contracts';
import { withContractIdentity } from '../../contracts/contract-edits';
import { isKnownSchemaValid } from '../../contracts/schema-valid-texts';
import { quotedForYaml11 } from '../../contracts/yaml11-quoting';
import { type ServingContradiction, servingContradictions, servingCorrections } from '../../editing/contract-serving';
import { type TeamContradiction, teamContradictions } from '../../editing/contract-team';
import { Memo } from '../../lineage/memo';
import type { Contract } from '../../model/contract';
import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import { formatPath, type Problem } from '../../model/problem';
import { defineTarget, type ExportFile } from '../export-target';

export const odcsTarget = defineTarget({
  id: 'odcs',
  label: 'ODCS data contracts',
  readBy: 'datacontract-cli, the Data Contract Editor and other ODCS v3 tools',
  write({ mesh, scoped, nameFilesOf }) {
    const nameFile = nameFilesOf(scoped.contracts);
    const files: ExportFile[] = [];
    const errors: Problem[] = [];
    const indexOf = new Map(mesh.contracts.map((contract, index) => [contract, index]));
    for (const contract of scoped.contracts) {
      const problems = odcsProblems(contract, `contracts[${indexOf.get(contract)}]`);
      if (problems.length > 0) errors.push(...problems);
      else
        files.push({
          path: nameFile(contract, '.odcs.yaml'),
          content: servedOdcsYaml(mesh, contract),
          about: `contract ${contract.name} ${contract.version}`,
        });
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: files };
  },
});

// Contracts are immutable values: each is checked once, however many formats (ODCS files,
// Backstage API definitions) and exports ask for it; a text the schema accepted when the
// design was read is not checked again.
const checked = new WeakMap<Contract, ReturnType<typeof validateOdcsDocument>>();

const yaml11Safe = new WeakMap<Contract, string>();

/**
 * The contract's own text (comments, order and ODCS version as its author wrote them), with
 * only the plain values a YAML 1.1 reader would misread quoted.
 */
export function odcsYaml(contract: Contract): string {
  let text = yaml11Safe.get(contract);
  if (text === undefined) {
    text = quotedForYaml11(contract.odcs);
    yaml11Safe.set(contract, text);
  }
  return text;
}

const servingContradictionsOf = new Memo<Mesh, Map<string, ServingContradiction>>();
const teamContradictionsOf = new Memo<Mesh, Map<string, TeamContradiction>>();

/**
 * The contract's text as exported: `odcsYaml`, but naming the domain and data product serving
 * it where it names others (the `contract-serving` rule warns of it), and the serving product's
 * owner as its team where it names another (`contract-team`), so the file agrees with the
 * product's ODPS descriptor and Backstage entry, and importing it finds the product the design
 * serves it from.
 */
export function servedOdcsYaml(mesh: Mesh, contract: Contract): string {
  const serving = servingContradictionsOf.get(mesh, [], () => servingContradictions(mesh)).get(contract.id);
  const team = teamContradictionsOf.get(mesh, [], () => teamContradictions(mesh)).get(contract.id)?.correction;
  if (!serving && team === undefined) return odcsYaml(contract);
  return odcsYaml(
    withContractIdentity(contract, {
      id: contract.id,
      ...(serving && servingCorrections(serving)),
      ...(team !== undefined && { team }),
    }),
  );
}

/** What the official schema refuses in the contract as written, so no invalid file leaves the app. */
export function odcsProblems(contract: Contract, at: string): Problem[] {
  let problems = checked.get(contract);
  if (problems === undefined) {
    problems = isKnownSchemaValid(contract.odcs) ? [] : validateOdcsDocument(readOdcsDocument(contract.odcs));
    checked.set(contract, problems);
  }
  return problems.map((problem) => ({
    path: at,
    message: `contract ${quoted(contract.name)} would not be valid ODCS: ${formatPath(problem.path)}: ${problem.message}`,
  }));
}

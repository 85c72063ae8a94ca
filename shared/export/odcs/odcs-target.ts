import { contractToOdcs, serializeOdcsYaml, validateOdcsDocument } from '../../contracts';
import type { Contract } from '../../model/contract';
import { formatPath, type Problem } from '../../model/problem';
import { defineTarget, type ExportFile } from '../export-target';

export const odcsTarget = defineTarget({
  id: 'odcs',
  label: 'ODCS data contracts',
  readBy: 'datacontract-cli, the Data Contract Editor and other ODCS v3 tools',
  write({ mesh, scoped, nameFile }) {
    const files: ExportFile[] = [];
    const errors: Problem[] = [];
    for (const contract of scoped.contracts) {
      const problems = odcsProblems(contract, `contracts[${mesh.contracts.indexOf(contract)}]`);
      if (problems.length > 0) errors.push(...problems);
      else files.push(odcsFile(contract, nameFile([contract.name, contract.id], '.odcs.yaml')));
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: files };
  },
});

function odcsFile(contract: Contract, path: string): ExportFile {
  return { path, content: serializeOdcsYaml(contract), about: `contract ${contract.name} ${contract.version}` };
}

/** What the official schema refuses in the contract as written, so no invalid file leaves the app. */
export function odcsProblems(contract: Contract, at: string): Problem[] {
  return validateOdcsDocument(contractToOdcs(contract)).map((problem) => ({
    path: at,
    message: `contract '${contract.name}' would not be valid ODCS: ${formatPath(problem.path)}: ${problem.message}`,
  }));
}

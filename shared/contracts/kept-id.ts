import type { Contract } from '../model/contract';
import { parseOdcsSource } from './odcs-yaml';
import { type LocatedProblem, type LocatedResult, locateProblem, readYamlSource, type YamlSource } from './yaml-source';

/** Other parts of the design refer to a contract by its id, so an edit of its text must keep it. */
export function changedIdProblem(source: YamlSource, contract: Contract, keptId: string): LocatedProblem | undefined {
  if (contract.id === keptId) return undefined;
  return locateProblem(source, {
    path: ['id'],
    message: `the id must stay '${keptId}': other parts of the design refer to it`,
  });
}

/** The contract an edit of contract `keptId`'s text reads as, or its problems (a changed id among them). */
export function parseContractKeepingId(text: string, keptId: string): LocatedResult<Contract> {
  const source = readYamlSource(text);
  const parsed = parseOdcsSource(source);
  if (!parsed.ok) return parsed;
  const problem = changedIdProblem(source, parsed.value, keptId);
  return problem ? { ok: false, errors: [problem] } : parsed;
}

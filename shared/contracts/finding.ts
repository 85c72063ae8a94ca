import type { Problem } from '../model/problem';
import type { ProblemRepair } from './problem-repair';
import type { TextRange } from './yaml-source';

/** `info` for what is worth knowing but fine as it is (a value only some YAML 1.1 readers read otherwise). */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** Something to tell the author of a contract, at a path of the contract. */
export interface ContractFinding extends Problem {
  severity: FindingSeverity;
  /** How to fix it, where the check knows (`Lower minLength or raise maxLength.`). */
  fixHint?: string;
}

/** A finding placed in the contract's YAML text, ready to become an editor marker. */
export interface LocatedFinding extends ContractFinding, TextRange {
  repair?: ProblemRepair;
  /** The governance rule it is a finding of (`contract-semantics`); none for what makes the text no valid contract (its YAML, the ODCS schema). */
  ruleId?: string;
}

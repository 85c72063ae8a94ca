import type { Contract } from './contract';
import type { Result } from './problem';

/**
 * How the mesh file's contracts, stored as ODCS YAML text, become model values and back.
 * shared/contracts supplies it (`contractTextCodec`): the model layer does not read ODCS.
 */
export interface ContractTextCodec {
  /** The one validated entry: what the text reads as, or its problems, each with its path in the ODCS document and its `contractText` place. */
  read(text: string): Result<Contract>;
  /** The id a text names even when it does not read as a contract, so that references to it are not taken for broken ones. */
  declaredId(text: string): string | undefined;
  /** A contract as file format 1 stored it (the model's fields), written as ODCS text. */
  writeLegacy(contract: unknown): Result<string>;
}

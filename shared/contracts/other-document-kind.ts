import { nearMiss } from '../model/near-miss';
import { isJsonObject } from './odcs-document';
import type { PathProblem } from './path-problem';

/*
 * A YAML file of another standard (an ODPS data product the export writes beside the contracts, a
 * Backstage entity) read as a contract: its apiVersion is its own standard's, so what to say is
 * that the document is no data contract, not that ODCS has no such version.
 */

const CONTRACT_KIND = 'DataContract';

/** What the kinds of the formats exported beside the contracts are, as a user would know them. */
const KNOWN_KINDS: Record<string, string> = {
  DataProduct: 'an ODPS data product',
};

/**
 * The one problem of a document whose kind says it is no data contract; undefined when it says it
 * is one, says nothing, or misspells DataContract (a contract, for the schema to correct).
 */
export function otherDocumentKindProblem(document: unknown): PathProblem | undefined {
  const kind = isJsonObject(document) ? document.kind : undefined;
  if (typeof kind !== 'string' || kind === CONTRACT_KIND || nearMiss(kind, [CONTRACT_KIND])) return undefined;
  const known = Object.hasOwn(KNOWN_KINDS, kind) ? KNOWN_KINDS[kind] : undefined;
  const what = known ? `this is ${known}, not an ODCS data contract` : 'this is no ODCS data contract';
  return {
    path: ['kind'],
    message: `unknown kind ${JSON.stringify(kind)}; expected one of: ${CONTRACT_KIND} (${what})`,
  };
}

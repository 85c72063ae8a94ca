/** What a JSON Schema exported from a contract's schema object names in its `$id`. */
export interface ContractUrn {
  contractId: string;
  version: string;
  objectName: string;
}

const PREFIX = 'urn:data-contract:';

/** `urn:data-contract:<contract id>:<version>:<schema object>`, each part URI-encoded: the `$id` of an exported record schema. */
export function contractUrn({ contractId, version, objectName }: ContractUrn): string {
  return `${PREFIX}${[contractId, version, objectName].map(encodeURIComponent).join(':')}`;
}

/** The contract, version and schema object a `$id` written by `contractUrn` names; undefined for any other text. */
export function readContractUrn(id: unknown): ContractUrn | undefined {
  if (typeof id !== 'string' || !id.startsWith(PREFIX)) return undefined;
  const parts = id.slice(PREFIX.length).split(':');
  if (parts.length !== 3 || parts.some((part) => part === '')) return undefined;
  try {
    const [contractId, version, objectName] = parts.map(decodeURIComponent) as [string, string, string];
    return { contractId, version, objectName };
  } catch {
    return undefined;
  }
}

import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { MonacoApi } from './load-monaco';

/** The scheme of contract models, so the ODCS language features apply to contracts and nothing else. */
export const CONTRACT_URI_SCHEME = 'contract';

/** The address of the text model of a contract. */
export function contractUri(monaco: MonacoApi, id: string): Monaco.Uri {
  return monaco.Uri.from({ scheme: CONTRACT_URI_SCHEME, path: `/${id}.odcs.yaml` });
}

/** The id of the contract a text model holds. */
export function contractIdOfUri(uri: Monaco.Uri): string | undefined {
  return /^\/(.*)\.odcs\.yaml$/.exec(uri.path)?.[1];
}

import { savedFileName } from '../files/saved-file-name';
import { slugify } from '../model/ids';
import { clearOfWindowsReservedNames } from '../model/windows-reserved-names';

/** A contract saved on its own: `orders.odcs.yaml`. */
export const CONTRACT_FILE_EXTENSION = '.odcs.yaml';

/** A YAML extension already on a suggested name, so `orders.yaml` does not become `orders-yaml.odcs.yaml`. */
const YAML_EXTENSION = /(\.odcs)?\.ya?ml$/i;

/**
 * The file name a contract is offered under: a slug of `name` with the contract extension. Only
 * letters, digits and `-` survive, so a name like `../../etc` cannot point outside the folder,
 * and `-2` follows a name Windows reserves (`CON` → `con-2.odcs.yaml`).
 */
export function contractFileName(name: string): string {
  return `${clearOfWindowsReservedNames(slugify(name.replace(YAML_EXTENSION, '')))}${CONTRACT_FILE_EXTENSION}`;
}

/** `orders`, `orders.yaml` and `orders.odcs` all become `orders.odcs.yaml`, as a save dialog's answer. */
export function savedContractFileName(fileName: string): string {
  return savedFileName(fileName, { extension: CONTRACT_FILE_EXTENSION, addedByDialog: /\.ya?ml$/i });
}

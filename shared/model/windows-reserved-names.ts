/** Names Windows keeps for devices: no file may be called so, with any extension, in any case. */
const RESERVED_STEMS = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Whether Windows refuses `name` as a file name: `CON`, `nul.txt`, `Lpt1.mesh.json`. */
export function isWindowsReservedName(name: string): boolean {
  return RESERVED_STEMS.test(name.split('.')[0] ?? '');
}

/** A file name stem Windows accepts: `-2` follows one it reserves (`CON` → `con-2`), as a second file of that name would. */
export function clearOfWindowsReservedNames(stem: string): string {
  return isWindowsReservedName(stem) ? `${stem}-2` : stem;
}

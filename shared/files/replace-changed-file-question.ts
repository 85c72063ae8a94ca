/** A design file, which Reload reads again, or a contract file, which Reload contract reads again. */
export type ChangedFileKind = 'design' | 'contract';

/** What keeps the other program's version, and what the user can do then, by kind of file. */
const AFTER_CANCEL: Readonly<Record<ChangedFileKind, string>> = {
  design: 'Cancel keeps them, and Reload shows them.',
  contract: 'Cancel keeps them, and Reload contract shows them.',
};

/** What to ask before a save in place replaces what another program wrote to the file since the app read it. */
export function replaceChangedFileQuestion(
  fileName: string,
  where: string,
  kind: ChangedFileKind,
): { message: string; detail: string } {
  return {
    message: `${fileName} was changed by another program. Replace that version with yours?`,
    detail: `${where} is no longer the version you opened or saved. Replacing it loses the other program’s changes; ${AFTER_CANCEL[kind]}`,
  };
}

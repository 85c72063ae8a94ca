/** What to ask before a save in place replaces what another program wrote to the file since the app read it. */
export function replaceChangedFileQuestion(fileName: string, where: string): { message: string; detail: string } {
  return {
    message: `${fileName} was changed by another program. Replace that version with yours?`,
    detail: `${where} is no longer the version you opened or saved. Replacing it loses the other program’s changes; Cancel keeps them, and Reload shows them.`,
  };
}

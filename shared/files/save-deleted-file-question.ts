/** What the user chose on saving in place a file another program deleted or moved: save it there again, elsewhere, or not at all. */
export type DeletedFileAnswer = 'save' | 'save-as' | 'cancel';

/** The buttons of the question, in the order of their answers. */
export const DELETED_FILE_CHOICES: ReadonlyArray<{ answer: DeletedFileAnswer; label: string }> = [
  { answer: 'save', label: 'Save' },
  { answer: 'save-as', label: 'Save As…' },
  { answer: 'cancel', label: 'Cancel' },
];

/** What to ask before a save in place writes again a file that is gone since the app read or wrote it. */
export function saveDeletedFileQuestion(fileName: string, where: string): { message: string; detail: string } {
  return {
    message: `${fileName} was deleted or moved by another program (for example a git checkout). Save it there again?`,
    detail: `${where} is no longer there. Save writes the file there again; Save As… puts it elsewhere; Cancel saves nothing.`,
  };
}

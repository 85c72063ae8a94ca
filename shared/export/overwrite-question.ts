/** What to ask before writing an export into a folder that is already there. */
export function overwriteQuestion(folder: string): { message: string; detail: string } {
  return {
    message: `The folder ${folder} already exists. Export into it?`,
    detail:
      'Files of the same name in it are replaced, and the files the previous export wrote that this one does not are removed; other files are left as they are.',
  };
}

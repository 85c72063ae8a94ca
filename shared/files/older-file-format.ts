import { CURRENT_SCHEMA_VERSION } from '../model/mesh-file-format';

/** What the user chose on saving over a file an older version wrote: in the new format, as a copy, or not at all. */
export type OlderFormatAnswer = 'save' | 'save-as' | 'cancel';

/** The buttons of the question, in the order of their answers. */
export const OLDER_FORMAT_CHOICES: ReadonlyArray<{ answer: OlderFormatAnswer; label: string }> = [
  { answer: 'save', label: 'Save in the New Format' },
  { answer: 'save-as', label: 'Save as a Copy…' },
  { answer: 'cancel', label: 'Cancel' },
];

/** Whether a file of `fileFormat` is one a save would turn into a format the version that wrote it cannot open. */
export const isOlderFormat = (fileFormat: number) => fileFormat < CURRENT_SCHEMA_VERSION;

/** How the notice after opening such a file begins and the sentence it ends with: saving it shuts out older versions. */
export function openedOlderFormatWords(fileName: string, fileFormat: number): { opening: string; closing: string } {
  return {
    opening: `Opened ${fileName}, written by an older version (format ${fileFormat})`,
    closing: `Saving writes format ${CURRENT_SCHEMA_VERSION}, which older versions cannot open.`,
  };
}

/** What to ask before the first save over a file an older version wrote. */
export function saveInNewFormatQuestion(fileName: string, fileFormat: number): { message: string; detail: string } {
  return {
    message: `${fileName} was written by an older version (format ${fileFormat}). Save it in format ${CURRENT_SCHEMA_VERSION}?`,
    detail: `Older versions cannot open format ${CURRENT_SCHEMA_VERSION}: anyone sharing the file on one loses access. Save as a Copy… leaves the file as it is and saves your design elsewhere; Cancel saves nothing.`,
  };
}

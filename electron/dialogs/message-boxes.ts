import type { MessageBoxOptions } from 'electron';
import { overwriteQuestion } from '../../shared/export/overwrite-question';
import {
  OLDER_FORMAT_CHOICES,
  type OlderFormatAnswer,
  saveInNewFormatQuestion,
} from '../../shared/files/older-file-format';
import { type ChangedFileKind, replaceChangedFileQuestion } from '../../shared/files/replace-changed-file-question';
import {
  DELETED_FILE_CHOICES,
  type DeletedFileAnswer,
  saveDeletedFileQuestion,
} from '../../shared/files/save-deleted-file-question';
import type { UnsavedChangesChoice } from '../../shared/ipc';

/**
 * The native message boxes, worded here in main. The renderer only ever supplies the name of
 * what a question is about (checked short and on one line by shared/ipc.ts), never the wording.
 */
export interface MessageBox<Answer> {
  options: MessageBoxOptions;
  /** The answer for the button clicked (Electron's `response` index). */
  answerFor(response: number): Answer;
}

const UNSAVED_CHANGES_ANSWERS: readonly UnsavedChangesChoice[] = ['save', 'discard', 'cancel'];

export function unsavedChangesBox(documentName: string): MessageBox<UnsavedChangesChoice> {
  return {
    options: {
      type: 'warning',
      message: `Do you want to save the changes you made to “${documentName}”?`,
      detail: 'Your changes will be lost if you don’t save them.',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    },
    answerFor: (response) => UNSAVED_CHANGES_ANSWERS[response] ?? 'cancel',
  };
}

/** Before the first save over a file an older version wrote: saving it in the new format shuts that version out. */
export function saveInNewFormatBox(fileName: string, fileFormat: number): MessageBox<OlderFormatAnswer> {
  const { message, detail } = saveInNewFormatQuestion(fileName, fileFormat);
  const cancelId = OLDER_FORMAT_CHOICES.findIndex((choice) => choice.answer === 'cancel');
  return {
    options: {
      type: 'warning',
      message,
      detail,
      buttons: OLDER_FORMAT_CHOICES.map((choice) => choice.label),
      defaultId: cancelId,
      cancelId,
      noLink: true,
    },
    answerFor: (response) => OLDER_FORMAT_CHOICES[response]?.answer ?? 'cancel',
  };
}

/** When the page still holds work main was not told about (it held the close back itself). */
export function leavePageBox(): MessageBox<boolean> {
  return {
    options: {
      type: 'warning',
      message: 'Close the window and lose the work that is not saved?',
      detail: 'The design has changes or contract text that no file holds. Cancel to go back and save or fix them.',
      buttons: ['Close Without Saving', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
    answerFor: (response) => response === 0,
  };
}

/** When quitting could not wait any longer for saves still being written: their files may hold the old version. */
export function unfinishedWritesBox(paths: readonly string[], waitedSeconds: number): MessageBox<null> {
  const files = paths.join('\n');
  return {
    options: {
      type: 'warning',
      message: paths.length === 1 ? 'A save may not have finished.' : 'Some saves may not have finished.',
      detail: `After ${waitedSeconds} seconds the app quit while still writing:\n${files}\nOpen ${paths.length === 1 ? 'it' : 'them'} again to check, and save again if the changes are missing.`,
      buttons: ['OK'],
      noLink: true,
    },
    answerFor: () => null,
  };
}

/** After the page's process died: the window is blank until it reloads. */
export function crashedPageBox(): MessageBox<'reload' | 'close'> {
  return {
    options: {
      type: 'error',
      message: 'The window stopped working.',
      detail:
        'Reload it to go on: unsaved changes were autosaved a second after your last change (every five seconds while you kept on typing), and the start screen offers them back.',
      buttons: ['Reload', 'Close Window'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    },
    answerFor: (response) => (response === 0 ? 'reload' : 'close'),
  };
}

export function replaceFileBox(path: string, fileName: string): MessageBox<boolean> {
  return {
    options: {
      type: 'question',
      message: `Replace ${fileName}?`,
      detail: `${path} already exists.`,
      buttons: ['Replace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
    answerFor: (response) => response === 0,
  };
}

/** Before a save in place replaces what another program wrote to the file since the app read it. */
export function replaceChangedFileBox(path: string, fileName: string, kind: ChangedFileKind): MessageBox<boolean> {
  const { message, detail } = replaceChangedFileQuestion(fileName, path, kind);
  return {
    options: {
      type: 'warning',
      message,
      detail,
      buttons: ['Replace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
    answerFor: (response) => response === 0,
  };
}

/** Before a save in place writes again a file another program deleted or moved since the app read it. */
export function saveDeletedFileBox(path: string, fileName: string): MessageBox<DeletedFileAnswer> {
  const { message, detail } = saveDeletedFileQuestion(fileName, path);
  const cancelId = DELETED_FILE_CHOICES.findIndex((choice) => choice.answer === 'cancel');
  return {
    options: {
      type: 'warning',
      message,
      detail,
      buttons: DELETED_FILE_CHOICES.map((choice) => choice.label),
      defaultId: cancelId,
      cancelId,
      noLink: true,
    },
    answerFor: (response) => DELETED_FILE_CHOICES[response]?.answer ?? 'cancel',
  };
}

/** Before an export writes into a folder that is already there. */
export function exportIntoFolderBox(folder: string): MessageBox<boolean> {
  const { message, detail } = overwriteQuestion(folder);
  return {
    options: {
      type: 'question',
      message,
      detail,
      buttons: ['Export Into It', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
    answerFor: (response) => response === 0,
  };
}

/** Before a link leaves the app for the browser: the full address, so a disguised link shows what it is. */
export function openLinkBox(url: string): MessageBox<boolean> {
  return {
    options: {
      type: 'question',
      message: 'Open this link in your browser?',
      detail: url,
      buttons: ['Open Link', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
    answerFor: (response) => response === 0,
  };
}

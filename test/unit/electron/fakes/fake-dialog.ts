import type { FileDialog } from '../../../../electron/dialogs/file-dialog';
import type { DeletedFileAnswer } from '../../../../shared/files/save-deleted-file-question';

export interface DialogAnswers {
  fileToOpen: string | null;
  savePath: string | null;
  exportFolder: string | null;
  exportFilePath: string | null;
  contractFiles: string[] | null;
  contractFileToOpen: string | null;
  contractSavePath: string | null;
  confirms: boolean;
  /** The answer to saving in place a file another program deleted. */
  deletedFileAnswer: DeletedFileAnswer;
}

/** Answers each native dialog with a prepared value (null is "cancel") and remembers what it was asked. */
export class FakeDialog implements FileDialog {
  readonly answers: DialogAnswers;
  readonly suggestedSaveNames: string[] = [];
  /** The files a save asked about replacing. */
  readonly replaceQuestions: string[] = [];
  /** The files a save in place asked about replacing, another program having changed them. */
  readonly changedFileQuestions: string[] = [];
  /** The files a save in place asked about writing again, another program having deleted them. */
  readonly deletedFileQuestions: string[] = [];
  /** The folders an export asked about writing into. */
  readonly exportFolderQuestions: string[] = [];
  private isHoldingNextSaveDialog = false;
  /** Answers the save dialog held open, when one is. */
  private answerHeldSaveDialog: ((path: string | null) => void) | null = null;

  constructor(answers: Partial<DialogAnswers> = {}) {
    this.answers = {
      fileToOpen: null,
      savePath: null,
      exportFolder: null,
      exportFilePath: null,
      contractFiles: null,
      contractFileToOpen: null,
      contractSavePath: null,
      confirms: true,
      deletedFileAnswer: 'save',
      ...answers,
    };
  }

  async chooseMeshFileToOpen(): Promise<string | null> {
    return this.answers.fileToOpen;
  }

  /** Keeps the next save dialog open until the test answers it, as a user who has not chosen yet. */
  holdNextSaveDialog(): void {
    this.isHoldingNextSaveDialog = true;
  }

  /** Answers the save dialog held open (null is "cancel"); throws when none is. */
  answerSaveDialog(path: string | null): void {
    if (!this.answerHeldSaveDialog) throw new Error('no save dialog is open');
    this.answerHeldSaveDialog(path);
    this.answerHeldSaveDialog = null;
  }

  async chooseSavePath(suggestedName: string): Promise<string | null> {
    this.suggestedSaveNames.push(suggestedName);
    if (!this.isHoldingNextSaveDialog) return this.answers.savePath;
    this.isHoldingNextSaveDialog = false;
    return new Promise((resolve) => {
      this.answerHeldSaveDialog = resolve;
    });
  }

  async chooseExportFolder(): Promise<string | null> {
    return this.answers.exportFolder;
  }

  async chooseExportFilePath(suggestedName: string): Promise<string | null> {
    this.suggestedSaveNames.push(suggestedName);
    return this.answers.exportFilePath;
  }

  async chooseContractFiles(): Promise<string[] | null> {
    return this.answers.contractFiles;
  }

  async chooseContractFileToOpen(): Promise<string | null> {
    return this.answers.contractFileToOpen;
  }

  async chooseContractSavePath(suggestedName: string): Promise<string | null> {
    this.suggestedSaveNames.push(suggestedName);
    return this.answers.contractSavePath;
  }

  async confirmReplace(path: string): Promise<boolean> {
    this.replaceQuestions.push(path);
    return this.answers.confirms;
  }

  async confirmReplaceChangedFile(path: string): Promise<boolean> {
    this.changedFileQuestions.push(path);
    return this.answers.confirms;
  }

  async askSaveDeletedFile(path: string): Promise<DeletedFileAnswer> {
    this.deletedFileQuestions.push(path);
    return this.answers.deletedFileAnswer;
  }

  async confirmExportInto(folder: string): Promise<boolean> {
    this.exportFolderQuestions.push(folder);
    return this.answers.confirms;
  }
}

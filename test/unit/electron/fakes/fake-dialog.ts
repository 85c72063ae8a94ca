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

  async chooseSavePath(suggestedName: string): Promise<string | null> {
    this.suggestedSaveNames.push(suggestedName);
    return this.answers.savePath;
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

import type { ChangedFileKind } from '../../shared/files/replace-changed-file-question';
import type { DeletedFileAnswer } from '../../shared/files/save-deleted-file-question';

/** The questions main asks the user; each answer is null when they cancel. */
export interface FileDialog {
  chooseMeshFileToOpen(): Promise<string | null>;
  chooseSavePath(suggestedName: string): Promise<string | null>;
  chooseExportFolder(): Promise<string | null>;
  /** Where to save one exported file (a diagram, an image), offered under `suggestedName`. */
  chooseExportFilePath(suggestedName: string): Promise<string | null>;
  chooseContractFiles(): Promise<string[] | null>;
  /** One contract file to open and edit on its own. */
  chooseContractFileToOpen(): Promise<string | null>;
  /** Where to save one contract on its own, offered under `suggestedName` (`orders.odcs.yaml`). */
  chooseContractSavePath(suggestedName: string): Promise<string | null>;
  /** Asks before a save replaces another file (the dialog added `.mesh.json` to the name typed). */
  confirmReplace(path: string): Promise<boolean>;
  /** Asks before a save in place replaces a version of the file another program wrote since the app read it. */
  confirmReplaceChangedFile(path: string, kind: ChangedFileKind): Promise<boolean>;
  /** Asks before a save in place writes again a file another program deleted or moved since the app read it. */
  askSaveDeletedFile(path: string): Promise<DeletedFileAnswer>;
  /** Asks before an export writes into a folder that is already there. */
  confirmExportInto(folder: string): Promise<boolean>;
}

import type { TextEdit } from '../../../renderer/commands/command-routing';
import type {
  AutosaveSlot,
  DestructiveQuestion,
  FileRef,
  Host,
  OlderFormatAnswer,
  OpenedFile,
  UnsavedChangesChoice,
} from '../../../renderer/host/host';

/** A promise and the functions that settle it, for holding a host call open while a test acts. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A Host in memory: files by path, autosave slots by key, and prepared answers to its questions.
 * It records what the app asked and wrote. `saveFile` can be held open to act during a save.
 */
export class FakeHost implements Host {
  readonly kind = 'browser' as const;
  readonly files = new Map<string, string>();
  readonly slots = new Map<string, AutosaveSlot>();
  readonly savedTexts: string[] = [];
  /** The file name each save offered. */
  readonly suggestedNames: string[] = [];
  /** Each single exported file saved, by the name offered for it. */
  readonly savedExports = new Map<string, string | Uint8Array>();
  /** The files listed under Open Recent, most recent first. */
  readonly recentDesigns: FileRef[] = [];
  readonly questions: string[] = [];
  /** What the autosave slots held when each question was asked. */
  readonly slotsWhenAsked: Map<string, AutosaveSlot>[] = [];
  unsavedChangesAnswer: UnsavedChangesChoice = 'cancel';
  olderFormatAnswer: OlderFormatAnswer = 'cancel';
  confirmAnswer = true;
  saveTarget: FileRef | null = { name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' };
  fileToOpen: OpenedFile | null = null;
  failAutosaveWith: string | null = null;
  /** The reason the next saves are refused with, as a host words it. */
  failSaveWith: string | null = null;
  failQuestionWith: string | null = null;
  /** Slots another tab keeps: this one may not claim them. */
  readonly slotsKeptElsewhere = new Set<string>();
  /** Slots this tab claimed. */
  readonly claimedSlots = new Set<string>();
  private heldSave: ReturnType<typeof deferred<void>> | null = null;

  /** The next save waits until `release` is called. */
  holdNextSave(): { release: () => void } {
    this.heldSave = deferred<void>();
    const held = this.heldSave;
    return { release: () => held.resolve() };
  }

  async openFile() {
    return this.fileToOpen;
  }
  async openRecent(file: FileRef): Promise<OpenedFile> {
    const text = file.path ? this.files.get(file.path) : undefined;
    if (text === undefined) throw new Error(`no file ${file.path}`);
    return { file, text };
  }
  async saveFile(file: FileRef | null, suggestedName: string, text: string) {
    this.suggestedNames.push(suggestedName);
    if (this.failSaveWith) throw new Error(this.failSaveWith);
    const held = this.heldSave;
    this.heldSave = null;
    if (held) await held.promise;
    const target = file ?? this.saveTarget;
    if (!target) return null;
    this.files.set(target.path ?? target.name, text);
    this.savedTexts.push(text);
    return target;
  }
  async exportFiles() {
    return null;
  }
  async saveExport(suggestedName: string, content: string | Uint8Array) {
    this.savedExports.set(suggestedName, content);
    return suggestedName;
  }
  async recentFiles() {
    return [...this.recentDesigns];
  }
  async rememberOpenedDesign(file: FileRef) {
    this.recentDesigns.unshift(file);
  }
  async confirm({ message }: DestructiveQuestion) {
    this.questions.push(message);
    return this.confirmAnswer;
  }
  async askToSaveChanges(documentName: string) {
    if (this.failQuestionWith) throw new Error(this.failQuestionWith);
    this.questions.push(`save changes to ${documentName}?`);
    this.slotsWhenAsked.push(new Map(this.slots));
    return this.unsavedChangesAnswer;
  }
  async askToSaveInNewFormat(fileName: string, fileFormat: number) {
    this.questions.push(`save ${fileName}, of format ${fileFormat}, in the new format?`);
    return this.olderFormatAnswer;
  }
  async autosave(slot: AutosaveSlot) {
    if (this.failAutosaveWith) throw new Error(this.failAutosaveWith);
    this.slots.set(slot.key, slot);
  }
  async autosavedDocuments() {
    return [...this.slots.values()];
  }
  async clearAutosave(key: string) {
    this.slots.delete(key);
    this.claimedSlots.delete(key);
  }
  async claimAutosave(key: string) {
    if (this.slotsKeptElsewhere.has(key)) return false;
    this.claimedSlots.add(key);
    return true;
  }
  async chooseContractFiles() {
    return null;
  }
  async openContractFile() {
    return null;
  }
  async saveContractFile() {
    return null;
  }
  async readContractFile(file: FileRef): Promise<OpenedFile> {
    throw new Error(`no ${file.name} here`);
  }
  async adoptContractFile() {}
  async readClipboardText() {
    return '';
  }
  /** The text edits (Undo, Copy) the app left to the page's focused text, in order. */
  readonly textEdits: TextEdit[] = [];
  async editText(edit: TextEdit) {
    this.textEdits.push(edit);
  }
  onMenuCommand() {
    return () => {};
  }
  onOpenFileRequest() {
    return () => {};
  }
  onCloseRequest() {
    return () => {};
  }
  readonly closeAnswers: boolean[] = [];
  async answerCloseRequest(mayClose: boolean) {
    this.closeAnswers.push(mayClose);
  }
  showDocumentState() {}
  async takeLaunchFiles() {
    return [];
  }
  async openDroppedFile() {
    return null;
  }
  onFileChanged() {
    return () => {};
  }
}

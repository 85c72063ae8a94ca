import { parseMeshFileRepairingSizes } from '../../shared/contracts';
import {
  type LayoutClash,
  layoutClashes,
  layoutClashesSummary,
  layoutClashMessage,
  movedAsideSummary,
} from '../../shared/editing/layout-clashes';
import { withLayoutApplied } from '../../shared/editing/layout-edits';
import { isWithoutLayout, withUnplacedNodesPlaced } from '../../shared/editing/unplaced-nodes';
import { designFileStem } from '../../shared/export/file-names';
import { copyMeshFileName } from '../../shared/files/copy-mesh-file-name';
import { isOlderFormat, openedOlderFormatWords } from '../../shared/files/older-file-format';
import {
  counted,
  designOutlineOf,
  emptyMesh,
  endedAsSentence,
  formatProblem,
  isMeshFileName,
  type Mesh,
  NEW_DESIGN_NAME,
  type NodeLayout,
  namesOfCopy,
  problemTotal,
  serializeMeshFile,
  shownName,
} from '../../shared/model';
import { canvasCommands } from '../canvas/canvas-commands';
import { focusCanvas } from '../canvas/canvas-element-focus';
import { unappliedDraftNames, useContractDrafts } from '../contracts/contract-drafts';
import { useContractTabs } from '../contracts/contract-tabs-store';
import { importReadFiles } from '../contracts/import/import-contract-files';
import { applyPendingContractEdits } from '../contracts/pending-contract-edits';
import { readRecoveredContractDrafts } from '../contracts/recovered-contract-drafts';
import { type AutosaveSlot, type FileRef, type Host, type OpenedFile, UnreadableFileError } from '../host/host';
import { unappliedScenarioNames } from '../simulation/scenario-drafts';
import {
  type OpenOptions,
  selectDocumentName,
  selectFileNameToOffer,
  selectIsDirty,
  useDocumentStore,
} from '../store/document-store';
import { type NoticeAction, noticesToldMark, type ShowOptions, useNoticeStore } from '../store/notice-store';
import { useUiStore } from '../store/ui-store';
import { failureText } from './failure-text';
import { autosave } from './use-autosave';

const notify = useNoticeStore.getState().show;
const documentState = () => useDocumentStore.getState();

/**
 * How the notices after an open begin ("Opened orders.mesh.json"), and a sentence they end with, if any;
 * what the notice of a text that does not open offers besides.
 */
interface OpenedWords {
  opening: string;
  closing?: string;
  actionsIfUnread?: NoticeAction[];
}

/** Says how an opened design's elements without a position were placed, and what in its layout clashes. */
type AnnounceLayout = (mesh: Mesh, howPlaced: string, options?: { clashes?: LayoutClash[] } & ShowOptions) => void;

/** Opens text as a mesh; on failure keeps the current document and lists every located problem. */
export function openMeshText(
  text: string,
  file: FileRef | null,
  sourceName: string,
  options?: OpenOptions,
  words: OpenedWords = { opening: `Opened ${sourceName}` },
): boolean {
  const parsed = parseMeshFileRepairingSizes(text);
  if (!parsed.ok) {
    notify({
      tone: 'error',
      text: `Could not open ${sourceName}: ${counted(problemTotal(parsed.errors), 'problem')}. Nothing was changed.`,
      details: parsed.errors.map(formatProblem),
      ...(words.actionsIfUnread && { actions: words.actionsIfUnread }),
    });
    return false;
  }
  const { droppedSizes, fileFormat } = parsed;
  // Only a file is saved over: a sample or a recovered copy in an older format is saved elsewhere, as it is new.
  const olderFileFormat = file && isOlderFormat(fileFormat) ? fileFormat : undefined;
  const { opening, closing } =
    olderFileFormat === undefined ? words : openedOlderFormatWords(sourceName, olderFileFormat);
  const said = (notice: string) => (closing ? `${endedAsSentence(notice)} ${closing}` : notice);
  const opened = { ...options, ...(olderFileFormat !== undefined && { olderFileFormat }) };
  // A repaired design is not what the file holds: it stays unsaved until saved.
  documentState().open(parsed.value, file, droppedSizes.length > 0 ? { ...opened, isUnsaved: true } : opened);
  const { mesh: placed, placedIds, movedAsideIds } = withUnplacedNodesPlaced(parsed.value);
  /** Says how the elements without a position were placed, and what in the layout clashes, offering Auto-layout; silent when neither. */
  const announceLayout: AnnounceLayout = (mesh, howPlaced, { clashes = layoutClashes(mesh), ...shown } = {}) => {
    const layoutNotes = [
      ...(placedIds.length > 0
        ? [`${counted(placedIds.length, 'element')} without a position in the file ${howPlaced}`]
        : []),
      ...movedAsideSummary(mesh, movedAsideIds),
      ...layoutClashesSummary(mesh, clashes),
    ];
    if (layoutNotes.length === 0) return;
    notify(
      {
        tone: 'info',
        text: said(`${opening}: ${layoutNotes.join('; ')}`),
        ...(clashes.length > 0 && { details: clashes.map((clash) => layoutClashMessage(mesh, clash)) }),
        actions: [{ label: 'Auto-layout', run: () => void canvasCommands.autoLayout() }],
      },
      shown,
    );
  };
  const clashesOnOpen = layoutClashes(placed);
  if (droppedSizes.length > 0) {
    notify({
      tone: 'info',
      text: said(
        `${opening}, repaired: ${counted(droppedSizes.length, 'size')} of 0 or less, drawn at the default size instead. Save to keep the repair.`,
      ),
      details: droppedSizes,
    });
  } else if (placedIds.length === 0 && clashesOnOpen.length === 0) {
    notify({ tone: 'info', text: said(opening) });
  }
  const hasNoLayout = isWithoutLayout(parsed.value);
  if (placedIds.length > 0) documentState().placeAsOpened(() => placed);
  if (hasNoLayout) void layOutByDataFlowOnOpen(placed, announceLayout);
  else announceLayout(placed, 'placed on a grid', { clashes: clashesOnOpen });
  return true;
}

/**
 * Lays a design opened without any layout out by data flow, as auto-layout does, in place of the
 * grids it was first placed on, as the view of the file opened. The grids stay if the design was
 * edited or saved meanwhile; nothing is said once another design has been opened in its place, nor
 * once the design was saved (its positions are then in its file). An auto-layout asked for
 * meanwhile lays the design out itself: this gives way to it.
 */
async function layOutByDataFlowOnOpen(placed: Mesh, announceLayout: AnnounceLayout) {
  const { documentKey } = documentState();
  // The grids are what the user sees meanwhile: saying so late must not cover what their edits said since.
  const toldMark = noticesToldMark();
  const announceGrids = () => announceLayout(placed, 'placed on a grid', { unlessToldSince: toldMark });
  const isStillOpen = () => documentState().documentKey === documentKey;
  let isAutoLayoutAsked = useUiStore.getState().isLayingOut;
  const stopWatching = useUiStore.subscribe((state) => {
    if (state.isLayingOut) isAutoLayoutAsked = true;
  });
  let layout: Record<string, NodeLayout>;
  try {
    // Loaded when needed: ELK's worker is for auto-layout and for the rare design opened without a layout.
    const { layoutByDataFlow } = await import('../canvas/auto-layout/layout-by-data-flow');
    layout = await layoutByDataFlow(placed, viewAspectRatio());
  } catch (error) {
    if (isStillOpen()) announceGrids();
    throw error;
  } finally {
    stopWatching();
  }
  if (!isStillOpen()) return;
  // Saved meanwhile, the file holds the grids: laying it out now would show what the file does not hold.
  if (documentState().isSavedSinceOpened) return;
  // Moving the nodes now would make the running auto-layout find the design changed and move nothing;
  // once it is done, its own notice says what it laid out.
  if (isAutoLayoutAsked) {
    if (useUiStore.getState().isLayingOut) announceGrids();
    return;
  }
  if (documentState().mesh !== placed) return announceGrids();
  documentState().placeAsOpened((mesh) => withLayoutApplied(mesh, layout));
  canvasCommands.fitView();
  announceLayout(documentState().mesh ?? placed, 'laid out by data flow');
}

/** The shape of the view a design opened is laid out for: the window's, or ELK's usual 1.6 where there is none (Node). */
function viewAspectRatio(): number {
  const view = globalThis.window;
  return view ? view.innerWidth / Math.max(1, view.innerHeight) : 1.6;
}

/**
 * Before the open document is replaced or left (New, Open, Close, Reload, closing the window):
 * when it has unsaved changes, keeps their autosaved copy up to date and asks Save / Don't Save
 * / Cancel. Resolves true when it may go: saved, or its changes (and their copy) discarded.
 */
export async function settleUnsavedChanges(host: Host): Promise<boolean> {
  const leaving = await askBeforeLeaving(host);
  if (!leaving) return false;
  await leaving.hasLeft();
  return true;
}

/** What the user agreed to when leaving the open document; null when they stay. */
interface Leaving {
  /** The document is gone: drops the recovery copy of the changes the user chose not to save. */
  hasLeft(): Promise<void>;
}

async function askBeforeLeaving(host: Host): Promise<Leaving | null> {
  // The desktop's close and open requests come with the focus still in the YAML editor.
  applyPendingContractEdits();
  const { documentKey } = documentState();
  const dropCopy: Leaving = { hasLeft: () => autosave.discard(documentKey) };
  const hadDrafts = unappliedDraftNames().length > 0;
  if (!(await settleTextInNoFile(host))) return null;
  // The copy kept the drafts the user agreed to discard: it goes with them.
  const nothingToDrop: Leaving = hadDrafts ? dropCopy : { hasLeft: async () => {} };
  if (!selectIsDirty(documentState())) return nothingToDrop;
  await autosave.flush();
  const choice = await host.askToSaveChanges(selectDocumentName(documentState()));
  if (choice === 'cancel') return null;
  if (choice === 'save') {
    const isSaved = (await saveFile(host, { saveAs: false })) && !selectIsDirty(documentState());
    return isSaved ? nothingToDrop : null;
  }
  return dropCopy;
}

/**
 * Settles unsaved changes, then runs `open`. The recovery copy of changes the user chose not to
 * save is dropped only once `open` replaced the design: when it fails or is cancelled, the
 * unsaved design stays open and must stay recoverable.
 */
async function replaceDesign(host: Host, open: () => Promise<boolean>): Promise<boolean> {
  const leaving = await askBeforeLeaving(host);
  if (!leaving) return false;
  const opener = globalThis.document?.activeElement;
  const hasOpened = await open();
  if (!hasOpened) return false;
  await leaving.hasLeft();
  // The keys go to the design just opened, not to the button that opened it; unless the user went on elsewhere meanwhile (a dialog).
  const focused = globalThis.document?.activeElement;
  if (focused === opener || focused === globalThis.document?.body) focusCanvas();
  return true;
}

/** Says what a save did not keep: contract text with problems is never in the design. */
function savedNotice(fileName: string) {
  const drafts = quotedNames(unappliedDraftNames());
  return drafts
    ? {
        tone: 'error' as const,
        text: `Saved ${shownName(fileName)} without the text with problems in ${drafts}: it was never applied`,
      }
    : { tone: 'info' as const, text: `Saved ${shownName(fileName)}` };
}

const quotedNames = (names: string[]) => names.map((name) => `‘${name}’`).join(', ');

/** Contract text with problems and scenario text not applied may go once the user agrees: no file holds them. */
async function settleTextInNoFile(host: Host): Promise<boolean> {
  return (await settleUnappliedDrafts(host)) && (await settleUnappliedScenarios(host));
}

/** Contract text with problems is in no file, only in the recovery copy: leaving the design loses it, so ask first. */
function settleUnappliedDrafts(host: Host): Promise<boolean> {
  return confirmDiscarding(host, unappliedDraftNames(), {
    message: (names) => `Discard the text with problems in ${names}?`,
    detail:
      'This contract draft never read as a valid contract, so it is not in the design and saving cannot keep it: it would be lost. Cancel to fix it or copy it first.',
  });
}

/** Scenario text not applied is only in the editor: neither a save nor the recovery copy holds it. */
function settleUnappliedScenarios(host: Host): Promise<boolean> {
  return confirmDiscarding(host, unappliedScenarioNames(), {
    message: (names) => `Discard the scenario text not applied in ${names}?`,
    detail:
      'Only Apply (in Simulate, Scenario tab) puts it in the design, so saving cannot keep it: it would be lost. Cancel to apply it or copy it first.',
  });
}

/** Asks whether the work of `names`, which leaving loses, may go; true when there is none. */
async function confirmDiscarding(
  host: Host,
  names: string[],
  question: { message: (quoted: string) => string; detail: string },
): Promise<boolean> {
  if (names.length === 0) return true;
  return host.confirm({ message: question.message(quotedNames(names)), detail: question.detail, action: 'Discard' });
}

export async function newMesh(host: Host): Promise<void> {
  if (!(await settleUnsavedChanges(host))) return;
  documentState().open(emptyMesh('untitled', NEW_DESIGN_NAME), null);
}

export async function openFile(host: Host): Promise<void> {
  await replaceDesign(host, () =>
    openRead(
      host,
      () => host.openFile(),
      (error) => (error instanceof UnreadableFileError ? shownName(error.fileName) : 'the file'),
    ),
  );
}

export async function openRecentFile(host: Host, file: FileRef): Promise<void> {
  await replaceDesign(host, () =>
    openRead(
      host,
      () => host.openRecent(file),
      () => shownName(file.name),
    ),
  );
}

/**
 * Opens the design `read` returns (null: the user cancelled) and lists its file under Open Recent;
 * a failure to read is reported, naming the file.
 */
async function openRead(
  host: Host,
  read: () => Promise<OpenedFile | null>,
  fileNameOnFailure: (error: unknown) => string,
): Promise<boolean> {
  try {
    const opened = await read();
    if (!opened || !openMeshText(opened.text, opened.file, shownName(opened.file.name))) return false;
    await rememberOpenedDesign(host, opened.file);
    return true;
  } catch (error) {
    notify({ tone: 'error', text: failureText(`Could not open ${fileNameOnFailure(error)}`, error) });
    return false;
  }
}

/** A file that did not open as a design is no recent design; a list that cannot be written is no reason to fail an open. */
function rememberOpenedDesign(host: Host, file: FileRef): Promise<void> {
  return host.rememberOpenedDesign(file).catch(() => undefined);
}

export async function openSample(host: Host, title: string, text: string): Promise<void> {
  await replaceDesign(host, async () => openMeshText(text, null, `sample “${title}”`));
}

const RECOVERED = 'Recovered ';

/** Said when the slot asked for was taken, since the list was shown, by another tab that keeps it. */
const keptElsewhere = (slot: AutosaveSlot) => ({
  tone: 'info' as const,
  text: `“${shownName(slot.name)}” is open in another tab or window: go on there. Nothing was changed.`,
});

/**
 * Opens an autosaved copy as it was: unsaved (it is not on disk like this), named "Recovered …".
 * It is autosaved in a slot of its own, like any design open in this tab; the copy it came from
 * stays, claimed by this tab, until that slot is written (or the work saved or discarded).
 */
export function restoreAutosave(host: Host, slot: AutosaveSlot): Promise<boolean> {
  const nameBefore = slot.name.startsWith(RECOVERED) ? slot.name.slice(RECOVERED.length) : slot.name;
  const name = `${RECOVERED}${nameBefore}`;
  // A slot is named after the document's file when it had one.
  const recoveredFileName = isMeshFileName(nameBefore) ? nameBefore : undefined;
  return replaceDesign(host, async () => {
    if (!(await host.claimAutosave(slot.key))) {
      notify(keptElsewhere(slot));
      return false;
    }
    const restored = {
      opening: `Restored unsaved work of ${restoredCopyName(slot.text, nameBefore)} from an earlier session`,
      // The undo history is not in the autosaved copy.
      closing: 'Undo starts from here.',
      // A copy that no longer opens can still be mended by hand.
      actionsIfUnread: [{ label: 'Save the copy as…', run: () => void saveUnreadCopy(host, slot.text, nameBefore) }],
    };
    const options = { name, isUnsaved: true, recoveredFileName, baseline: baselineOf(slot) };
    if (!openMeshText(slot.text, null, `“${shownName(name)}”`, options, restored)) return false;
    restoreContractDrafts(name, slot.contractDrafts);
    autosave.carryOn(documentState().documentKey, slot.key);
    return true;
  });
}

/** The design a copy's breaking changes were judged against; null when it kept none, or none that reads (storage may hold anything). */
function baselineOf(slot: AutosaveSlot): Mesh | null {
  if (typeof slot.baselineText !== 'string') return null;
  const parsed = parseMeshFileRepairingSizes(slot.baselineText);
  return parsed.ok ? parsed.value : null;
}

/** Saves an autosaved copy's text as it is, where the user picks, to be mended by hand. */
async function saveUnreadCopy(host: Host, text: string, keptUnder: string): Promise<void> {
  const { designName } = namesOfCopy(designOutlineOf(text), keptUnder);
  try {
    const savedAs = await host.saveExport(`${designFileStem({ name: designName })}.recovered.json`, text);
    if (savedAs)
      notify({ tone: 'info', text: `Saved the unsaved copy as ${shownName(savedAs)}: mend it, then open it.` });
  } catch (error) {
    notify({ tone: 'error', text: failureText('Could not save the copy', error) });
  }
}

/** A restored copy as the start screen listed it: by its design's name, with its file's where that differs. */
function restoredCopyName(text: string, keptUnder: string): string {
  const { designName, keptAs } = namesOfCopy(designOutlineOf(text), keptUnder);
  return keptAs === undefined ? `“${shownName(designName)}”` : `“${shownName(designName)}” (${shownName(keptAs)})`;
}

/**
 * A restored copy's contract text with problems, back in the editor as drafts, each in its tab.
 * Drafts that cannot be read are named, and stop nothing: the design is open already.
 */
function restoreContractDrafts(documentName: string, kept: unknown): void {
  const { textById, problems } = readRecoveredContractDrafts(kept);
  useContractDrafts.getState().replaceDrafts(textById);
  for (const id of Object.keys(textById)) useContractTabs.getState().openContract(id);
  if (problems.length === 0) return;
  notify({
    tone: 'error',
    text: `Restored “${shownName(documentName)}” without ${counted(problems.length, 'contract draft')} its copy could not read`,
    details: problems,
  });
}

export async function discardAutosave(host: Host, slot: AutosaveSlot): Promise<void> {
  const ok = await host.confirm({
    message: `Discard the unsaved changes to “${shownName(slot.name)}”?`,
    detail: 'They cannot be recovered afterwards.',
    action: 'Discard',
  });
  if (!ok) return;
  if (await host.claimAutosave(slot.key)) await host.clearAutosave(slot.key);
  else notify(keptElsewhere(slot));
}

/**
 * Loads the version of the open file another program wrote. Unsaved changes and contract text with
 * problems are only dropped when the user agrees (saving them would overwrite the other program's version).
 */
export async function reloadFromDisk(host: Host, file: FileRef): Promise<void> {
  const { documentKey } = documentState();
  applyPendingContractEdits();
  // Contract text with problems and scenario text not applied are in no file, so the version on disk cannot hold them either.
  if (!(await settleTextInNoFile(host))) return;
  if (selectIsDirty(documentState())) {
    const agreed = await host.confirm({
      message: `Discard your unsaved changes and load the version of ${shownName(file.name)} on disk?`,
      detail: 'Keeping your changes and saving them replaces the other version.',
      action: 'Discard and Reload',
    });
    if (!agreed) return;
  }
  try {
    const opened = await host.openRecent(file);
    if (!openMeshText(opened.text, opened.file, shownName(opened.file.name))) return;
    await rememberOpenedDesign(host, opened.file);
    await autosave.discard(documentKey);
  } catch (error) {
    notify({ tone: 'error', text: failureText(`Could not reload ${shownName(file.name)}`, error) });
  }
}

/** A design file dropped on the window opens, as if picked with Open…; true once it is open. */
export function openDroppedDesign(host: Host, dropped: File): Promise<boolean> {
  return replaceDesign(host, () =>
    openRead(
      host,
      () => host.openDroppedFile(dropped),
      () => dropped.name,
    ),
  );
}

export async function closeDesign(host: Host): Promise<void> {
  if (!(await settleUnsavedChanges(host))) return;
  documentState().close();
}

let isLeaving = false;

/** True once the user agreed to leave the page; the unload guard then lets the page go. */
export function isLeavingPage(): boolean {
  return isLeaving;
}

export async function reloadApp(host: Host): Promise<void> {
  if (!(await settleUnsavedChanges(host))) return;
  isLeaving = true;
  window.location.reload();
}

/** The desktop window is closing (close button, Quit): settle unsaved changes, then tell main whether it may. */
export async function answerCloseRequest(host: Host): Promise<void> {
  // Main waits for this answer before any other close: a failure must answer too (stay open), or nothing closes again.
  const mayClose = await settleUnsavedChanges(host).catch((error: unknown) => {
    notify({
      tone: 'error',
      text: `Not closed, to keep your changes: ${error instanceof Error ? error.message : String(error)}`,
    });
    return false;
  });
  isLeaving = mayClose;
  await host.answerCloseRequest(mayClose);
}

export function importContractFiles(host: Host): Promise<void> {
  return importReadFiles(async () => {
    const chosen = await host.chooseContractFiles();
    return chosen?.map(({ file, text }) => ({ name: file.name, text })) ?? null;
  });
}

let saving: Promise<unknown> = Promise.resolve();

/**
 * Saves the document as it is when asked. Edits made while the save is in flight stay unsaved
 * (and autosaved); saves run one after another, so an older one never lands after a newer one.
 * Resolves true when the document was written.
 */
export function saveFile(host: Host, options: { saveAs: boolean }): Promise<boolean> {
  const { mesh, documentKey } = documentState();
  const run = saving.then(() => (mesh ? saveNow(host, options, mesh, documentKey) : false));
  saving = run;
  return run;
}

async function saveNow(host: Host, { saveAs }: { saveAs: boolean }, mesh: Mesh, documentKey: string): Promise<boolean> {
  // The file is read now: a Save queued behind a Save As goes to the file just chosen.
  const state = documentState();
  const { file, documentKey: openKey, olderFileFormat } = state;
  if (openKey !== documentKey) return false;
  const serialized = serializeMeshFile(mesh);
  if (!serialized.ok) {
    notify({
      tone: 'error',
      text: 'Could not save: the file could not be opened again. Nothing was written; your design is still open.',
      details: serialized.errors.map(formatProblem),
    });
    return false;
  }
  try {
    let target = saveAs ? null : file;
    let nameToOffer = selectFileNameToOffer(state, mesh);
    // Saving over a file an older version wrote shuts that version out: only once the user agrees (a copy leaves it be).
    if (target && olderFileFormat !== null) {
      const answer = await host.askToSaveInNewFormat(target.name, olderFileFormat);
      if (answer === 'cancel') return false;
      if (answer === 'save-as') {
        nameToOffer = copyMeshFileName(target.name);
        target = null;
      }
    }
    const saved = await host.saveFile(target, nameToOffer, serialized.value);
    if (!saved) return false;
    documentState().markSaved(documentKey, saved, mesh);
    notify(savedNotice(saved.name));
    return true;
  } catch (error) {
    notify({
      tone: 'error',
      text: `${endedAsSentence(failureText('Could not save', error))} Your design is still open.`,
    });
    return false;
  }
}

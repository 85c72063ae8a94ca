import type { KeyPress } from '../../shared/commands/chords';
import type { CommandId } from '../../shared/commands/command-table';
import { type Alignment, type Axis, canvasBox } from '../../shared/editing/alignment';
import { groupableNodeIds } from '../../shared/editing/domain-grouping';
import { containsPoint, type Point } from '../../shared/editing/geometry';
import type { Direction } from '../../shared/editing/keyboard-navigation';
import { closeDesign, importContractFiles, newMesh, openFile, reloadApp, saveFile } from '../app/file-commands';
import { importPastedText } from '../app/import-pasted-text';
import { canvasCommands } from '../canvas/canvas-commands';
import {
  focusedLinkId,
  focusedNodeId,
  focusNodeWhenDrawn,
  keepingCanvasFocus,
  keepingFocusThroughRemoval,
} from '../canvas/canvas-element-focus';
import { linkToMoveEnd, nodeToConnect } from '../canvas/connect-dialog';
import { openContextMenuFromKeyboard } from '../canvas/keyboard-context-menu';
import {
  canFocusLineage,
  focusLineage,
  goToNextProblem,
  leaveLineageFocus,
  newContractForSelection,
  openContractOfSelection,
  selectCursor,
  selectionHasContract,
  selectionHasPortWithoutContract,
  walkCursor,
  zoomToSelection,
} from '../canvas/navigation';
import { openDiagramOfSelection } from '../diagrams/diagram-view-store';
import { hasImpactOrigin, showImpactOfSelection } from '../governance/impact-actions';
import type { Host } from '../host/host';
import { whyNothingToRun } from '../simulation/nothing-to-run';
import { simulation } from '../simulation/simulation-controller';
import { canStepBack, setSimulation, useSimulationStore } from '../simulation/simulation-store';
import {
  copySelection,
  cutSelection,
  duplicateSelection,
  pasteClipboard,
  pasteClipboardText,
} from '../store/clipboard';
import { deleteSelection } from '../store/delete-elements';
import { currentMesh, selectCanRedo, selectCanUndo, useDocumentStore } from '../store/document-store';
import { groupIntoNewDomain } from '../store/domain-actions';
import { type InsertableKind, insertElement } from '../store/insert-actions';
import { alignNodes, distributeNodes, nudgeNodes, toggleLock } from '../store/layout-actions';
import { measuredSizeOf } from '../store/node-sizes';
import { usePreferencesStore } from '../store/preferences-store';
import { currentSelection, selectOnly, useSelectionStore } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { isControlFocused } from './focus';
import { focusNextRegion } from './focus-regions';

export interface CommandContext {
  host: Host;
  /** The key press that ran the command; absent when it came from a menu or a button. */
  keyPress?: KeyPress;
  /** The canvas point a context menu was opened at: Paste and Add go there. */
  at?: Point;
  /** The clipboard's text a paste event brought: Paste pastes it without reading the clipboard. */
  pastedText?: string;
  /** What had the focus when the command was asked for, before a field's typing step ended (F6 goes on from there). */
  focusedBefore?: Element | null;
}

/** What a command does (`run`) and when it can (`isEnabled`, read from the stores; always when absent). */
export interface CommandBehaviour {
  run(context: CommandContext): unknown;
  isEnabled?(): boolean;
  /**
   * What it needs to run, said when its key is pressed while it cannot (a selection it acts on) and
   * in the command palette; a function where that depends on the state (Run outside Simulate).
   */
  needs?: string | (() => string | undefined);
}

const hasDocument = () => currentMesh() !== null;
const isSimulating = () => useSimulationStore.getState().mode === 'simulate';
const hasSomethingToRun = () => isSimulating() && whyNothingToRun(currentMesh()) === undefined;
const NEEDS_SIMULATE = 'switch to Simulate first';
const whatRunNeeds = () => (isSimulating() ? whyNothingToRun(currentMesh()) : NEEDS_SIMULATE);
const documentState = () => useDocumentStore.getState();
const READ_ONLY_WHILE_SIMULATING = 'the design is read-only while simulating';

/**
 * A command that opens a dialog, a field or a file chooser to edit the design: while the design is
 * read-only (Simulate) it cannot run, and says why, rather than opening what the edit would refuse.
 */
function editingTheDesign({ isEnabled, needs, ...behaviour }: CommandBehaviour): CommandBehaviour {
  return {
    ...behaviour,
    isEnabled: () => !documentState().isReadOnly && (isEnabled?.() ?? true),
    needs: () =>
      documentState().isReadOnly ? READ_ONLY_WHILE_SIMULATING : typeof needs === 'function' ? needs() : needs,
  };
}

const NUDGE_DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

const WALK_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** Arrows nudge the selection; with nothing selected they walk from node to node instead. */
function nudge({ keyPress }: CommandContext): void {
  const direction = keyPress && NUDGE_DIRECTIONS[keyPress.key];
  const { nodeIds } = currentSelection();
  const step = keyPress?.shiftKey ? 10 : 1;
  if (direction && nodeIds.size > 0) nudgeNodes([...nodeIds], { x: direction.x * step, y: direction.y * step });
  else walk({ keyPress } as CommandContext);
}

function walk({ keyPress }: CommandContext): void {
  const direction = keyPress && WALK_DIRECTIONS[keyPress.key];
  if (direction) walkCursor(direction);
}

function isUnder(nodeId: string, point: Point): boolean {
  const mesh = currentMesh();
  return !!mesh && containsPoint(canvasBox(mesh, nodeId, measuredSizeOf), point);
}

/** Adds where a context menu was opened, or (from keys and the palette) in free space in view, then shows it. */
function insert(kind: InsertableKind): CommandBehaviour {
  return {
    run: ({ at }) => {
      const area = canvasCommands.visibleArea();
      const result = insertElement(kind, {
        ...(at && { at }),
        ...(area && { view: area.view, covered: area.covered }),
      });
      // Added under the pointer, it is in view already: panning would only move it from there. Put
      // elsewhere (a domain pointed at inside another), it may be out of view: the view follows it.
      if (result.ok && !(at && isUnder(result.id, at))) canvasCommands.reveal([result.id]);
    },
    isEnabled: hasDocument,
  };
}

const selectedNodeCount = () => currentSelection().nodeIds.size;
const hasSelectedNodes = () => hasDocument() && selectedNodeCount() > 0;
const hasSelection = () => hasDocument() && selectedNodeCount() + currentSelection().linkIds.size > 0;
const NEEDS_SELECTION = 'select something first';
/** Cut, Copy and Duplicate act on elements: a link goes with those at its ends, never alone. */
const ON_ELEMENTS = {
  isEnabled: hasSelectedNodes,
  needs: () =>
    currentSelection().linkIds.size > 0
      ? 'select a domain, product, system or note first: a link goes with the elements at its ends'
      : NEEDS_SELECTION,
};

function align(alignment: Alignment): CommandBehaviour {
  return {
    run: () => alignNodes(currentSelection().nodeIds, alignment),
    isEnabled: () => hasDocument() && selectedNodeCount() >= 2,
    needs: 'select two or more elements first',
  };
}

function distribute(axis: Axis): CommandBehaviour {
  return {
    run: () => distributeNodes(currentSelection().nodeIds, axis),
    isEnabled: () => hasDocument() && selectedNodeCount() >= 3,
    needs: 'select three or more elements first',
  };
}

/** The one node selected, alone: the one F2 renames. */
function nodeToRename(): string | undefined {
  const { nodeIds, linkIds } = currentSelection();
  return hasDocument() && nodeIds.size === 1 && linkIds.size === 0 ? [...nodeIds][0] : undefined;
}

const selectedGroupableIds = () => {
  const mesh = currentMesh();
  return mesh ? groupableNodeIds(mesh, currentSelection().nodeIds) : [];
};

/** A new domain around the selected products and systems, shown with its name field ready for typing. */
function groupSelectionIntoDomain(): void {
  const domainId = groupIntoNewDomain(selectedGroupableIds());
  if (!domainId) return;
  useUiStore.getState().requestNameFocus(domainId);
  canvasCommands.reveal([domainId]);
}

/**
 * Brings pasted or duplicated nodes into view and puts the focus on the first, where the selection
 * and the inspector already are, so a screen reader names the node the keys now act on.
 */
function showCopies(nodeIds: readonly string[]): void {
  canvasCommands.reveal(nodeIds);
  const [first] = nodeIds;
  if (first) void focusNodeWhenDrawn(first);
}

/** Escape: steps back out of whatever is in the way, one thing at a time: a layout, a menu, a focus, the selection. */
function clearOrLeave(): void {
  const ui = useUiStore.getState();
  if (ui.isLayingOut) canvasCommands.cancelAutoLayout();
  else if (ui.contextMenu) ui.openContextMenu(null);
  else if (ui.lineageFocus) leaveLineageFocus();
  else {
    ui.setKeyboardCursor(null);
    useSelectionStore.getState().clear();
  }
}

function selectAll(): void {
  const mesh = currentMesh();
  if (!mesh) return;
  selectOnly(
    [...mesh.domains, ...mesh.products, ...mesh.systems, ...(mesh.notes ?? [])].map((node) => node.id),
    mesh.links.map((link) => link.id),
  );
}

/** The renderer half of the command table (shared/commands/command-table.ts): one entry per command id. */
export const COMMAND_BEHAVIOURS: { readonly [Id in CommandId]: CommandBehaviour } = {
  'file.new': { run: ({ host }) => newMesh(host) },
  'file.open': { run: ({ host }) => openFile(host) },
  'file.save': { run: ({ host }) => saveFile(host, { saveAs: false }), isEnabled: hasDocument },
  'file.save-as': { run: ({ host }) => saveFile(host, { saveAs: true }), isEnabled: hasDocument },
  'file.import-contracts': editingTheDesign({ run: ({ host }) => importContractFiles(host), isEnabled: hasDocument }),
  'file.export': { run: () => useUiStore.getState().openDialog('export'), isEnabled: hasDocument },
  'file.close': { run: ({ host }) => closeDesign(host), isEnabled: hasDocument },

  'edit.undo': {
    run: ({ focusedBefore }) => keepingCanvasFocus(() => documentState().undo(), focusedBefore),
    isEnabled: () => selectCanUndo(documentState()),
    needs: 'nothing to undo',
  },
  'edit.redo': {
    run: ({ focusedBefore }) => keepingCanvasFocus(() => documentState().redo(), focusedBefore),
    isEnabled: () => selectCanRedo(documentState()),
    needs: 'nothing to redo',
  },
  'edit.cut': { run: () => keepingFocusThroughRemoval(cutSelection), ...ON_ELEMENTS },
  'edit.copy': { run: () => void copySelection(), ...ON_ELEMENTS },
  'edit.paste': {
    run: ({ at, host, pastedText }) => {
      const point = at ?? canvasCommands.pastePoint();
      const area = canvasCommands.visibleArea();
      const placement = point ? { at: point, covered: area?.covered ?? [], view: area?.view } : 'beside-originals';
      const spot = { pointer: at ?? canvasCommands.pointerPoint(), selectedNodeIds: [...currentSelection().nodeIds] };
      const importOther = (text: string) => importPastedText(text, spot);
      // Slid clear of what was at the pointer, a paste can end up off screen: the view follows it.
      if (pastedText !== undefined) return showCopies(pasteClipboardText(placement, pastedText, importOther));
      return pasteClipboard(placement, host, importOther).then(showCopies);
    },
    isEnabled: hasDocument,
  },
  'edit.duplicate': { run: () => showCopies(duplicateSelection()), ...ON_ELEMENTS },
  'edit.rename': editingTheDesign({
    run: () => {
      const nodeId = nodeToRename();
      if (nodeId) useUiStore.getState().requestRename(nodeId);
    },
    isEnabled: () => nodeToRename() !== undefined,
    needs: 'select one domain, product, system or note first',
  }),
  'edit.connect': editingTheDesign({
    run: () => useUiStore.getState().openDialog('connect'),
    isEnabled: () => nodeToConnect() !== undefined,
    needs: 'select one product or system with ports first',
  }),
  'edit.move-link-end': editingTheDesign({
    run: () => useUiStore.getState().openDialog('move-link-end'),
    isEnabled: () => linkToMoveEnd() !== undefined,
    needs: 'select one link first',
  }),
  'edit.delete': {
    run: () => keepingFocusThroughRemoval(deleteSelection),
    isEnabled: hasSelection,
    needs: NEEDS_SELECTION,
  },
  'edit.nudge': { run: nudge, isEnabled: hasDocument },
  'edit.lock': {
    run: () => toggleLock([...currentSelection().nodeIds]),
    isEnabled: hasSelectedNodes,
    needs: 'select one or more elements first',
  },
  'arrange.align-left': align('left'),
  'arrange.align-center': align('center'),
  'arrange.align-right': align('right'),
  'arrange.align-top': align('top'),
  'arrange.align-middle': align('middle'),
  'arrange.align-bottom': align('bottom'),
  'arrange.distribute-horizontally': distribute('horizontal'),
  'arrange.distribute-vertically': distribute('vertical'),

  'add.domain': insert('domain'),
  'add.product': insert('product'),
  'add.system': insert('system'),
  'add.note': insert('note'),

  'select.all': { run: selectAll, isEnabled: hasDocument },
  'select.clear': { run: clearOrLeave },
  'select.walk': { run: walk, isEnabled: hasDocument },
  'select.cursor': {
    run: selectCursor,
    isEnabled: () =>
      (useUiStore.getState().keyboardCursor !== null ||
        focusedNodeId() !== undefined ||
        focusedLinkId() !== undefined) &&
      !isControlFocused(),
  },
  'select.context-menu': { run: openContextMenuFromKeyboard, isEnabled: hasDocument },

  'view.quick-search': { run: () => useUiStore.getState().openDialog('quick-search'), isEnabled: hasDocument },
  'view.next-problem': { run: () => void goToNextProblem(), isEnabled: hasDocument },
  'view.next-region': { run: ({ focusedBefore }) => focusNextRegion(focusedBefore ?? document.activeElement) },
  'view.open-contract': {
    run: openContractOfSelection,
    isEnabled: selectionHasContract,
    needs: 'select a product with a contract first',
  },
  'edit.new-contract': {
    run: newContractForSelection,
    isEnabled: selectionHasPortWithoutContract,
    needs: 'select a product with an output port without a contract first',
  },
  'view.focus-lineage': {
    run: () => focusLineage(),
    isEnabled: canFocusLineage,
    needs: 'select a product, a system or a link first',
  },
  'view.auto-layout': {
    run: () => canvasCommands.autoLayout(),
    isEnabled: () => hasDocument() && !useUiStore.getState().isLayingOut,
  },
  'view.snap-to-grid': { run: () => usePreferencesStore.getState().toggleSnapToGrid() },
  'view.zoom-to-fit': { run: canvasCommands.fitView, isEnabled: hasDocument },
  'view.zoom-to-selection': {
    run: zoomToSelection,
    isEnabled: hasSelection,
    needs: NEEDS_SELECTION,
  },
  'view.zoom-in': { run: canvasCommands.zoomIn, isEnabled: hasDocument },
  'view.zoom-out': { run: canvasCommands.zoomOut, isEnabled: hasDocument },
  'view.problems': { run: () => useUiStore.getState().showSidePanelTab('problems'), isEnabled: hasDocument },
  'view.impact': {
    run: showImpactOfSelection,
    isEnabled: hasImpactOrigin,
    needs: 'select a product, a system with topics or a link first',
  },
  'view.toggle-side-panel': { run: () => usePreferencesStore.getState().toggleSidePanel() },
  'view.toggle-palette': { run: () => usePreferencesStore.getState().togglePalette() },
  'view.cycle-theme': { run: () => usePreferencesStore.getState().cycleTheme() },
  'view.reload': { run: ({ host }) => reloadApp(host) },

  'simulation.toggle-mode': { run: simulation.toggleMode, isEnabled: hasDocument },
  'simulation.run-pause': {
    run: () => (useSimulationStore.getState().status === 'running' ? simulation.pause() : simulation.run()),
    isEnabled: hasSomethingToRun,
    needs: whatRunNeeds,
  },
  'simulation.step': { run: simulation.step, isEnabled: hasSomethingToRun, needs: whatRunNeeds },
  'simulation.step-back': {
    run: simulation.stepBack,
    isEnabled: () => canStepBack(useSimulationStore.getState()),
    needs: () => (isSimulating() ? 'pause a run past tick 0 first' : NEEDS_SIMULATE),
  },
  'simulation.reset': { run: simulation.reset, isEnabled: hasSomethingToRun, needs: whatRunNeeds },
  'simulation.present': {
    run: () => setSimulation({ isPresenting: true }),
    isEnabled: isSimulating,
    needs: NEEDS_SIMULATE,
  },

  'help.shortcuts': { run: () => useUiStore.getState().openDialog('shortcuts') },
  'file.import-mermaid': editingTheDesign({
    run: () => useUiStore.getState().openDialog('mermaid-import'),
    isEnabled: hasDocument,
  }),
  'view.diagram': { run: openDiagramOfSelection, isEnabled: hasDocument },
  'view.canvas-image': { run: () => useUiStore.getState().openDialog('canvas-image'), isEnabled: hasDocument },
  'view.command-palette': { run: () => useUiStore.getState().openDialog('commands') },
  'arrange.group-into-domain': {
    run: groupSelectionIntoDomain,
    isEnabled: () => selectedGroupableIds().length > 0,
    needs: 'select one or more products or systems first',
  },
};

import { canvasCommands } from '../canvas/canvas-commands';
import { copySelection, cutSelection, duplicateSelection, pasteClipboard } from '../store/clipboard';
import { deleteSelection } from '../store/delete-elements';
import { currentMesh, useDocumentStore } from '../store/document-store';
import { type InsertableKind, insertElement } from '../store/insert-actions';
import { nudgeNodes } from '../store/layout-actions';
import { usePreferencesStore } from '../store/preferences-store';
import { currentSelection, selectOnly, useSelectionStore } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';

export interface Shortcut {
  /** Key chords, e.g. `Mod+Shift+Z`; `Mod` is Cmd on macOS and Ctrl elsewhere. */
  keys: readonly string[];
  description: string;
  group: 'Edit' | 'Add' | 'Select' | 'View' | 'File' | 'Help';
  /** Whether the chord also works while typing in a field (most would steal the field's own keys). */
  inFields?: boolean;
  /** How the help sheet shows the chords, when listing each would be noise. */
  shownAs?: readonly string[];
  /** Absent for keys handled elsewhere (file commands, the canvas itself), listed for the help sheet. */
  run?: (event: KeyPress) => void;
}

export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;
const NUDGE_DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

function nudge(event: KeyPress): void {
  const { nodeIds } = currentSelection();
  const direction = NUDGE_DIRECTIONS[event.key];
  const step = event.shiftKey ? 10 : 1;
  if (direction && nodeIds.size > 0) nudgeNodes([...nodeIds], { x: direction.x * step, y: direction.y * step });
}

function insert(kind: InsertableKind): () => void {
  return () => void insertElement(kind);
}

function selectAll(): void {
  const mesh = currentMesh();
  if (!mesh) return;
  selectOnly(
    [...mesh.domains, ...mesh.products, ...mesh.systems].map((node) => node.id),
    mesh.links.map((link) => link.id),
  );
}

const history = () => useDocumentStore.getState();

/** Every keyboard shortcut of the editor: what runs them and what the help sheet (?) lists. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Mod+Z'], description: 'Undo', group: 'Edit', inFields: true, run: () => history().undo() },
  {
    keys: ['Mod+Shift+Z', 'Ctrl+Y'],
    description: 'Redo',
    group: 'Edit',
    inFields: true,
    run: () => history().redo(),
  },
  { keys: ['Mod+C'], description: 'Copy', group: 'Edit', run: () => void copySelection() },
  { keys: ['Mod+X'], description: 'Cut', group: 'Edit', run: cutSelection },
  { keys: ['Mod+V'], description: 'Paste', group: 'Edit', run: pasteClipboard },
  { keys: ['Mod+D'], description: 'Duplicate', group: 'Edit', run: duplicateSelection },
  {
    keys: ['Delete', 'Backspace'],
    description: 'Delete the selection and its links',
    group: 'Edit',
    run: deleteSelection,
  },
  {
    keys: ARROWS.flatMap((arrow) => [arrow, `Shift+${arrow}`]),
    shownAs: ['←↑→↓', 'Shift+←↑→↓'],
    description: 'Nudge the selection by 1 px (with Shift, 10 px)',
    group: 'Edit',
    run: nudge,
  },
  { keys: ['D'], description: 'Add a domain', group: 'Add', run: insert('domain') },
  { keys: ['P'], description: 'Add a data product (to the selected domain)', group: 'Add', run: insert('product') },
  { keys: ['S'], description: 'Add an operational system', group: 'Add', run: insert('system') },
  { keys: ['Mod+A'], description: 'Select all', group: 'Select', run: selectAll },
  { keys: ['Shift+Click'], description: 'Add to or remove from the selection', group: 'Select' },
  { keys: ['Shift+Drag'], description: 'Select with a box', group: 'Select' },
  {
    keys: ['Escape'],
    description: 'Clear the selection, close a dialog',
    group: 'Select',
    run: () => useSelectionStore.getState().clear(),
  },
  {
    keys: ['Mod+K'],
    description: 'Quick search: jump to any element',
    group: 'View',
    inFields: true,
    run: () => useUiStore.getState().openDialog('quick-search'),
  },
  { keys: ['L'], description: 'Auto-layout by data flow', group: 'View', run: () => void canvasCommands.autoLayout() },
  { keys: ['Shift+1'], description: 'Zoom to fit', group: 'View', run: canvasCommands.fitView },
  { keys: ['+', '='], description: 'Zoom in', group: 'View', run: canvasCommands.zoomIn },
  { keys: ['-'], description: 'Zoom out', group: 'View', run: canvasCommands.zoomOut },
  {
    keys: ['G'],
    description: 'Snap to grid on or off',
    group: 'View',
    run: () => usePreferencesStore.getState().toggleSnapToGrid(),
  },
  { keys: ['Space+Drag'], description: 'Pan (or drag the empty canvas)', group: 'View' },
  { keys: ['Mod+N'], description: 'New design', group: 'File' },
  { keys: ['Mod+O'], description: 'Open…', group: 'File' },
  { keys: ['Mod+S'], description: 'Save', group: 'File' },
  { keys: ['Mod+Shift+S'], description: 'Switch between Design and Simulate', group: 'View' },
  { keys: ['←', '→'], description: 'Simulate: previous or next stage of the trace', group: 'View' },
  {
    keys: ['?'],
    description: 'This list of shortcuts',
    group: 'Help',
    run: () => useUiStore.getState().openDialog('shortcuts'),
  },
];

/**
 * Whether a key press is the chord. Letters and digits compare by key and code so that Shift
 * and keyboard layouts do not matter; symbols like `?` or `+` compare as typed, Shift included.
 */
export function matchesChord(event: KeyPress, chord: string, isMac: boolean): boolean {
  const parts = chord.split('+');
  const key = parts.pop() || '+';
  const wants = new Set(parts);
  const ctrl = wants.has('Ctrl') || (wants.has('Mod') && !isMac);
  const meta = wants.has('Mod') && isMac;
  if (event.ctrlKey !== ctrl || event.metaKey !== meta || event.altKey !== wants.has('Alt')) return false;
  if (/^[A-Z]$/.test(key)) return event.shiftKey === wants.has('Shift') && event.key.toUpperCase() === key;
  if (/^[0-9]$/.test(key)) return event.shiftKey === wants.has('Shift') && event.code === `Digit${key}`;
  if (key.length === 1) return event.key === key;
  return event.shiftKey === wants.has('Shift') && event.key === key;
}

export function shortcutFor(event: KeyPress, isMac: boolean): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.run && shortcut.keys.some((chord) => matchesChord(event, chord, isMac)));
}

/** The chords as the help sheet shows them on this platform. */
export function displayedChords(shortcut: Shortcut, isMac: boolean): string[] {
  return (shortcut.shownAs ?? shortcut.keys).map((chord) => chord.replace('Mod', isMac ? '⌘' : 'Ctrl'));
}

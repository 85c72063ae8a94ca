import { chordsOn, type KeyPress, matchesChord, type Platform } from '../../shared/commands/chords';
import {
  COMMANDS,
  type CommandDefinition,
  type CommandId,
  type CommandScope,
  commandById,
} from '../../shared/commands/command-table';

/**
 * Where the keyboard focus is: on the canvas (or nothing), on the Simulate bar or in presenter mode, on a
 * control of another panel (a toolbar button, a tab), in a text field, or in the code editor.
 */
export type FocusPlace = 'canvas' | 'run-controls' | 'panel' | 'field' | 'code';

const SCOPE_REACH: Record<CommandScope, readonly FocusPlace[]> = {
  canvas: ['canvas', 'run-controls', 'panel'],
  'run-controls': ['canvas', 'run-controls', 'panel'],
  fields: ['canvas', 'run-controls', 'panel', 'field'],
  everywhere: ['canvas', 'run-controls', 'panel', 'field', 'code'],
};

/** Where a scope's plain keys act, where they are not the focused control's own. */
const PLAIN_KEY_REACH: Partial<Record<CommandScope, readonly FocusPlace[]>> = {
  canvas: ['canvas'],
  'run-controls': ['canvas', 'run-controls'],
};

/** A key without Ctrl, ⌘ or Alt that is no function key: a letter, an arrow, Delete, Escape. */
function isPlainKey(press: KeyPress): boolean {
  return !press.ctrlKey && !press.metaKey && !press.altKey && !/^F\d+$/.test(press.key);
}

/**
 * The canvas's plain keys act on the canvas alone: on a control of another panel, S or an
 * arrow belongs to that control (or does nothing), as in VS Code's side bar, while Ctrl chords
 * and function keys stay the app's. The run's own keys act on the Simulate bar's buttons too.
 */
function isCanvasKeyOnPanel(command: CommandDefinition, press: KeyPress, focus: FocusPlace): boolean {
  const plainKeyReach = PLAIN_KEY_REACH[command.scope ?? 'canvas'];
  return plainKeyReach !== undefined && !plainKeyReach.includes(focus) && isPlainKey(press);
}

function reaches(command: CommandDefinition, focus: FocusPlace): boolean {
  return SCOPE_REACH[command.scope ?? 'canvas'].includes(focus);
}

export function commandForKeyPress(press: KeyPress, platform: Platform): CommandDefinition | undefined {
  return (COMMANDS as readonly CommandDefinition[]).find((command) =>
    chordsOn(command.keys, platform).some((chord) => matchesChord(press, chord, platform)),
  );
}

/**
 * The command a key press runs, or null when the key belongs to what has the focus (a letter
 * typed in a field, Ctrl+Z in the YAML editor) or to an open dialog.
 */
export function commandToRunForKey(
  press: KeyPress,
  focus: FocusPlace,
  isDialogOpen: boolean,
  platform: Platform,
): CommandId | null {
  if (isDialogOpen) return null;
  const command = commandForKeyPress(press, platform);
  if (!command || !reaches(command, focus) || isCanvasKeyOnPanel(command, press, focus)) return null;
  return command.id as CommandId;
}

/** Whether a command's keys act where the focus is: Ctrl+V on a toolbar button pastes onto the canvas, in a field into it. */
export function commandReaches(id: CommandId, focus: FocusPlace): boolean {
  return reaches(commandById(id), focus);
}

/**
 * Whether a key pressed in the code editor belongs to the app rather than to the editor: the
 * editor must never see it, or Ctrl+K would start one of its chords and type the next keys away.
 */
export function isAppKeyInCodeEditor(press: KeyPress, platform: Platform): boolean {
  const command = commandForKeyPress(press, platform);
  return command !== undefined && reaches(command, 'code');
}

/** The editing commands a browser performs on text itself, named as `document.execCommand` names them. */
export type TextEdit = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';

const TEXT_EDITS: Partial<Record<CommandId, TextEdit>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'select.all': 'selectAll',
};

/** The edit a command makes on the focused text, where its keys are the text's own; undefined for the others. */
export function textEditOf(id: CommandId): TextEdit | undefined {
  return TEXT_EDITS[id];
}

/**
 * A menu item runs its command, except where its keys would not reach: Copy in a text field
 * copies the field's text, Undo in a code editor is the editor's, as their keys do there.
 */
export function menuCommandAction(id: CommandId, focus: FocusPlace): { textEdit: TextEdit } | 'run' {
  const textEdit = textEditOf(id);
  return textEdit && !commandReaches(id, focus) ? { textEdit } : 'run';
}

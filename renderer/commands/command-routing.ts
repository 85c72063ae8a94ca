import { chordsOn, type KeyPress, matchesChord, type Platform } from '../../shared/commands/chords';
import {
  COMMANDS,
  type CommandDefinition,
  type CommandId,
  type CommandScope,
} from '../../shared/commands/command-table';

/** Where the keyboard focus is: on the canvas (nothing typed into), in a text field, or in the code editor. */
export type FocusPlace = 'canvas' | 'field' | 'code';

const SCOPE_REACH: Record<CommandScope, readonly FocusPlace[]> = {
  canvas: ['canvas'],
  fields: ['canvas', 'field'],
  everywhere: ['canvas', 'field', 'code'],
};

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
  return command && reaches(command, focus) ? (command.id as CommandId) : null;
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

/**
 * A menu item runs its command, except where its keys would not reach: Copy in a text field
 * copies the field's text, Undo in the YAML editor undoes typing, as their keys do there.
 */
export function menuCommandAction(id: CommandId, focus: FocusPlace): { textEdit: TextEdit } | 'run' {
  const command = COMMANDS.find((candidate) => candidate.id === id) as CommandDefinition;
  const textEdit = TEXT_EDITS[id];
  return textEdit && !reaches(command, focus) ? { textEdit } : 'run';
}

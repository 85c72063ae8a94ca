import { chordsOn, displayChord } from '../../shared/commands/chords';
import { type CommandId, commandById } from '../../shared/commands/command-table';
import { PLATFORM } from './platform';

/** The chord people see for a command on this platform (`⌘S`, `Ctrl+S`), or null when it has none. */
export function shownChord(id: CommandId): string | null {
  const [first] = chordsOn(commandById(id).keys, PLATFORM);
  return first === undefined ? null : displayChord(first, PLATFORM);
}

/** A button's tooltip: what the command does and its key, e.g. `Save (⌘S)`. */
export function commandTooltip(id: CommandId): string {
  const command = commandById(id);
  const chord = shownChord(id);
  const text = command.description ?? command.label;
  return chord ? `${text} (${chord})` : text;
}

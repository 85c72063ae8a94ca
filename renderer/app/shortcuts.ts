import { chordsOn, displayChord, type Platform } from '../../shared/commands/chords';
import { COMMANDS, type CommandDefinition, type CommandGroup } from '../../shared/commands/command-table';
import { SIMULATION_KEYS } from '../simulation/simulation-keys';

/** One line of the keyboard-shortcut sheet: the keys as shown on this platform, and what they do. */
export interface SheetLine {
  keys: string[];
  description: string;
}

/** What the sheet lists beside the command table: mouse gestures, and the keys of a trace and of presenter mode. */
const NOT_COMMANDS: ReadonlyArray<{ group: CommandGroup; keys: readonly string[]; description: string }> = [
  { group: 'Select', keys: ['Shift+Click', 'Mod+Click'], description: 'Add to or remove from the selection' },
  { group: 'Select', keys: ['Shift+Drag'], description: 'Select with a box' },
  {
    group: 'View',
    keys: ['Space+Drag'],
    description: 'Pan, from anywhere: on a node it moves nothing (or drag the empty canvas)',
  },
  { group: 'Edit', keys: ['Right-click'], description: 'The actions for what is under the pointer, with their keys' },
  { group: 'Arrange', keys: ['Drag'], description: 'Snaps to line up with nearby nodes; red guides show where' },
  ...SIMULATION_KEYS.map((key) => ({ group: 'Simulation' as const, ...key })),
];

export const SHEET_GROUPS: readonly CommandGroup[] = [
  'Add',
  'Edit',
  'Arrange',
  'Select',
  'View',
  'Simulation',
  'File',
  'Help',
];

function commandLine(command: CommandDefinition, platform: Platform): SheetLine {
  const keys = command.shownAs ?? chordsOn(command.keys, platform).map((chord) => displayChord(chord, platform));
  return { keys: [...keys], description: command.description ?? command.label };
}

/** The sheet's lines for one group, from the command table, so the sheet cannot list a key that does nothing. */
export function sheetLines(group: CommandGroup, platform: Platform): SheetLine[] {
  const commands = (COMMANDS as readonly CommandDefinition[])
    .filter((command) => command.group === group && command.keys)
    .map((command) => commandLine(command, platform));
  const others = NOT_COMMANDS.filter((other) => other.group === group).map(({ keys, description }) => ({
    keys: keys.map((chord) => displayChord(chord, platform)),
    description,
  }));
  return [...commands, ...others];
}

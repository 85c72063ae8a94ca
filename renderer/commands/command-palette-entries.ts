import { searchCommands } from '../../shared/commands/command-search';
import type { CommandGroup, CommandId } from '../../shared/commands/command-table';
import { shownChord } from './command-hints';
import type { FocusPlace } from './command-routing';
import { isCommandAvailableAt, whyCommandUnavailable } from './run-command';

/** One line of the command palette: a command, its key on this platform, and why it cannot run now. */
export interface PaletteEntry {
  id: CommandId;
  label: string;
  group: CommandGroup;
  chord: string | null;
  isAvailable: boolean;
  /** What it needs to run, where that is known: what its key would say. */
  whyUnavailable?: string;
}

/**
 * The palette's lines for a query, read from the command table and the commands' enabled-when;
 * `focus` is where the focus was before the palette opened, where the command will act.
 */
export function paletteEntries(query: string, focus: FocusPlace): PaletteEntry[] {
  return searchCommands(query).map((command) => {
    const id = command.id as CommandId;
    const isAvailable = isCommandAvailableAt(id, focus);
    const why = isAvailable ? undefined : whyCommandUnavailable(id);
    return {
      id,
      label: command.label,
      group: command.group,
      chord: shownChord(id),
      isAvailable,
      ...(why && { whyUnavailable: why }),
    };
  });
}

import type { Chords } from './chords';

/** The sections of the keyboard-shortcut sheet. */
export type CommandGroup = 'File' | 'Edit' | 'Add' | 'Arrange' | 'Select' | 'View' | 'Simulation' | 'Help';
/** The application menus a command can appear in (macOS adds its app and Window menus around them). */
export type MenuName = 'File' | 'Edit' | 'View' | 'Simulation' | 'Help';

/**
 * Where a key works: `canvas` only when no text field has the focus (plain letters), `run-controls`
 * like `canvas` and on the Simulate bar's buttons too (B after clicking Step), `fields` in text
 * fields too, `everywhere` even in the YAML editor (Save must work while typing a contract).
 */
export type CommandScope = 'canvas' | 'run-controls' | 'fields' | 'everywhere';

export interface CommandDefinition {
  readonly id: string;
  /** The menu item's label, in the platform's title case ("Save As…"). */
  readonly label: string;
  /** The shortcut sheet's line and the toolbar tooltip; the label when absent. */
  readonly description?: string;
  /** Other words people know it by (other tools' names, a button's state): the palette finds it by them too. */
  readonly keywords?: readonly string[];
  readonly group: CommandGroup;
  /** The first chord is the one menus and tooltips show. */
  readonly keys?: Chords;
  /** How the sheet writes the chords, where listing each would be noise (the arrow keys). */
  readonly shownAs?: readonly string[];
  readonly scope?: CommandScope;
  /** Items of one menu appear in table order, grouped by section; sections are split by a separator. */
  readonly menu?: { readonly in: MenuName; readonly section: string };
  /** Only its keys say what it acts on (which arrow was pressed): the command palette leaves it out. */
  readonly isKeysOnly?: true;
}

/**
 * Every command of the app, one object each (after Excalidraw's actions). This table feeds the
 * keyboard handler, the desktop menus and their accelerators, toolbar tooltips (⌘ on macOS, Ctrl
 * elsewhere) and the shortcut sheet, so a chord is declared once.
 *
 * To add a command: add its entry here (id, label, keys, menu); the compiler then asks for its
 * `run` (and optional `isEnabled`) in renderer/commands/command-behaviours.ts. Nothing else: the
 * menu, the keys, the tooltip and the sheet pick it up. docs/keyboard-shortcuts.md must list its
 * keys (a unit test checks).
 */
export const COMMANDS = [
  {
    id: 'file.new',
    label: 'New',
    description: 'New design',
    group: 'File',
    keys: ['Mod+N'],
    scope: 'everywhere',
    menu: { in: 'File', section: 'document' },
  },
  {
    id: 'file.open',
    label: 'Open…',
    group: 'File',
    keys: ['Mod+O'],
    scope: 'everywhere',
    menu: { in: 'File', section: 'document' },
  },
  {
    id: 'file.save',
    label: 'Save',
    group: 'File',
    keys: ['Mod+S'],
    scope: 'everywhere',
    menu: { in: 'File', section: 'save' },
  },
  {
    id: 'file.save-as',
    label: 'Save As…',
    description: 'Save as…',
    group: 'File',
    keys: ['Mod+Alt+S'],
    scope: 'everywhere',
    menu: { in: 'File', section: 'save' },
  },
  {
    id: 'file.import-contracts',
    label: 'Import Contracts…',
    description: 'Import ODCS contract files',
    group: 'File',
    menu: { in: 'File', section: 'transfer' },
  },
  {
    id: 'file.import-mermaid',
    label: 'Import Mermaid Flowchart…',
    description: 'Add a Mermaid flowchart to the design: subgraphs as domains, nodes as products',
    group: 'File',
    menu: { in: 'File', section: 'transfer' },
  },
  {
    id: 'file.export',
    label: 'Export…',
    description: 'Export manifests: ODCS, ODPS, Backstage, Strimzi, SQL, JSON Schema',
    group: 'File',
    keys: ['Mod+E'],
    scope: 'everywhere',
    menu: { in: 'File', section: 'transfer' },
  },
  {
    id: 'file.close',
    label: 'Close Design',
    description: 'Close the design',
    group: 'File',
    menu: { in: 'File', section: 'close' },
  },

  {
    id: 'edit.undo',
    label: 'Undo',
    group: 'Edit',
    keys: ['Mod+Z'],
    scope: 'fields',
    menu: { in: 'Edit', section: 'history' },
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    group: 'Edit',
    keys: { mac: ['Mod+Shift+Z'], other: ['Mod+Shift+Z', 'Ctrl+Y'] },
    scope: 'fields',
    menu: { in: 'Edit', section: 'history' },
  },
  { id: 'edit.cut', label: 'Cut', group: 'Edit', keys: ['Mod+X'], menu: { in: 'Edit', section: 'clipboard' } },
  { id: 'edit.copy', label: 'Copy', group: 'Edit', keys: ['Mod+C'], menu: { in: 'Edit', section: 'clipboard' } },
  { id: 'edit.paste', label: 'Paste', group: 'Edit', keys: ['Mod+V'], menu: { in: 'Edit', section: 'clipboard' } },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    group: 'Edit',
    keys: ['Mod+D'],
    menu: { in: 'Edit', section: 'clipboard' },
  },
  {
    id: 'edit.rename',
    label: 'Rename',
    description: 'Rename the selected domain, product, system or note',
    group: 'Edit',
    keys: ['F2'],
    menu: { in: 'Edit', section: 'connect' },
  },
  {
    id: 'edit.connect',
    label: 'Connect…',
    description: 'Connect a port of the selected node to another node',
    group: 'Edit',
    keys: ['C'],
    menu: { in: 'Edit', section: 'connect' },
  },
  {
    id: 'edit.move-link-end',
    label: 'Move Link End…',
    description: 'Move an end of the selected link to another port (re-route it)',
    keywords: ['re-route', 'reroute', 'reconnect', 'relink'],
    group: 'Edit',
    keys: ['R'],
    menu: { in: 'Edit', section: 'connect' },
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    description: 'Delete the selection and its links',
    group: 'Edit',
    keys: ['Delete', 'Backspace'],
    menu: { in: 'Edit', section: 'clipboard' },
  },
  {
    id: 'edit.nudge',
    label: 'Nudge',
    description: 'Nudge the selection by 1 px (with Shift, 10 px)',
    group: 'Edit',
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].flatMap((arrow) => [arrow, `Shift+${arrow}`]),
    shownAs: ['←↑→↓', 'Shift+←↑→↓'],
    isKeysOnly: true,
  },
  {
    id: 'edit.lock',
    label: 'Lock or Unlock',
    description: 'Lock the selection against moves, or unlock it',
    keywords: ['lock position', 'pin'],
    group: 'Arrange',
    keys: ['Mod+Shift+L'],
    menu: { in: 'Edit', section: 'arrange' },
  },
  ...(
    [
      ['left', 'Align Left', 'Align left edges', 'L'],
      ['center', 'Align Centres', 'Align centres (vertical line)', 'C'],
      ['right', 'Align Right', 'Align right edges', 'R'],
      ['top', 'Align Top', 'Align top edges', 'T'],
      ['middle', 'Align Middles', 'Align middles (horizontal line)', 'M'],
      ['bottom', 'Align Bottom', 'Align bottom edges', 'B'],
    ] as const
  ).map(([edge, label, description, key]) => ({
    id: `arrange.align-${edge}` as const,
    label,
    description,
    group: 'Arrange' as const,
    keys: [`Alt+Shift+${key}`],
    menu: { in: 'Edit' as const, section: 'align' },
  })),
  {
    id: 'arrange.distribute-horizontally',
    label: 'Distribute Horizontally',
    description: 'Distribute three or more, evenly spaced left to right',
    keywords: ['space evenly', 'space across', 'spread', 'tidy up', 'horizontal spacing'],
    group: 'Arrange',
    keys: ['Alt+Shift+H'],
    menu: { in: 'Edit', section: 'align' },
  },
  {
    id: 'arrange.distribute-vertically',
    label: 'Distribute Vertically',
    description: 'Distribute three or more, evenly spaced top to bottom',
    keywords: ['space evenly', 'space down', 'spread', 'tidy up', 'vertical spacing'],
    group: 'Arrange',
    keys: ['Alt+Shift+V'],
    menu: { in: 'Edit', section: 'align' },
  },

  {
    id: 'add.domain',
    label: 'Add Domain',
    description: 'Add a domain',
    group: 'Add',
    keys: ['D'],
    menu: { in: 'Edit', section: 'add' },
  },
  {
    id: 'add.product',
    label: 'Add Data Product',
    description: 'Add a data product (to the selected domain)',
    group: 'Add',
    keys: ['P'],
    menu: { in: 'Edit', section: 'add' },
  },
  {
    id: 'add.system',
    label: 'Add Operational System',
    description: 'Add an operational system',
    group: 'Add',
    keys: ['S'],
    menu: { in: 'Edit', section: 'add' },
  },
  {
    id: 'add.note',
    label: 'Add Note',
    description: 'Add a sticky note (Markdown)',
    group: 'Add',
    keys: ['N'],
    menu: { in: 'Edit', section: 'add' },
  },

  { id: 'select.all', label: 'Select All', group: 'Select', keys: ['Mod+A'], menu: { in: 'Edit', section: 'select' } },
  {
    id: 'select.clear',
    label: 'Clear Selection',
    description: 'Clear the selection, close a dialog, leave a lineage focus, stop auto-layout',
    group: 'Select',
    keys: ['Escape'],
  },
  {
    id: 'select.walk',
    label: 'Go to Next Node',
    description: 'Go to the nearest node that way (without a selection, the arrows alone)',
    group: 'Select',
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].map((arrow) => `Alt+${arrow}`),
    shownAs: ['Alt+←↑→↓'],
    isKeysOnly: true,
  },
  {
    id: 'select.cursor',
    label: 'Select Node',
    description: 'Select the node or link the arrows or Tab went to',
    group: 'Select',
    keys: ['Enter', ' '],
    shownAs: ['Enter', 'Space'],
    isKeysOnly: true,
  },
  {
    id: 'select.context-menu',
    label: 'Open Context Menu',
    description: 'Open the right-click menu for the selection, or for the canvas',
    group: 'Select',
    keys: ['Shift+F10', 'ContextMenu'],
  },

  {
    id: 'view.quick-search',
    label: 'Go to Element…',
    description: 'Quick search: jump to any element',
    group: 'View',
    keys: ['Mod+K'],
    scope: 'everywhere',
    menu: { in: 'View', section: 'navigate' },
  },
  {
    id: 'view.next-problem',
    label: 'Next Problem',
    description: 'Go to the next problem on the canvas',
    group: 'View',
    keys: ['F8'],
    menu: { in: 'View', section: 'navigate' },
  },
  {
    id: 'view.next-region',
    label: 'Next Region',
    description: 'Move the focus to the next region shown: canvas, editor, side panel, status bar, toolbar…',
    group: 'View',
    keys: ['F6'],
    scope: 'everywhere',
    menu: { in: 'View', section: 'navigate' },
  },
  {
    id: 'view.open-contract',
    label: 'Open Contract',
    description: 'Open the contract of the selected product or link',
    group: 'View',
    menu: { in: 'View', section: 'navigate' },
  },
  {
    id: 'edit.new-contract',
    label: 'New Contract for the Selected Output Port',
    description: 'A draft contract of what the selected product’s (or link’s) output port publishes, opened to edit',
    group: 'Edit',
    menu: { in: 'Edit', section: 'connect' },
  },
  {
    id: 'view.focus-lineage',
    label: 'Focus on Lineage',
    description: 'Show the selected product’s upstream and downstream, dim the rest',
    group: 'View',
    keys: ['F'],
    menu: { in: 'View', section: 'navigate' },
  },
  {
    id: 'view.auto-layout',
    label: 'Auto-Layout',
    description: 'Auto-layout by data flow',
    group: 'View',
    keys: ['L'],
    menu: { in: 'View', section: 'layout' },
  },
  {
    id: 'view.snap-to-grid',
    label: 'Snap to Grid',
    description: 'Snap to grid on or off',
    group: 'View',
    keys: ['G'],
    menu: { in: 'View', section: 'layout' },
  },
  {
    id: 'view.zoom-to-fit',
    label: 'Zoom to Fit',
    description: 'Zoom to fit',
    group: 'View',
    keys: ['Shift+1'],
    menu: { in: 'View', section: 'zoom' },
  },
  {
    id: 'view.zoom-to-selection',
    label: 'Zoom to Selection',
    description: 'Zoom to the selection',
    group: 'View',
    keys: ['Shift+2'],
    menu: { in: 'View', section: 'zoom' },
  },
  {
    id: 'view.zoom-in',
    label: 'Zoom In',
    description: 'Zoom in',
    group: 'View',
    keys: ['+', '='],
    menu: { in: 'View', section: 'zoom' },
  },
  {
    id: 'view.zoom-out',
    label: 'Zoom Out',
    description: 'Zoom out',
    group: 'View',
    keys: ['-'],
    menu: { in: 'View', section: 'zoom' },
  },
  {
    id: 'view.problems',
    label: 'Problems',
    description: 'Show the problems (governance rules)',
    group: 'View',
    keys: ['Mod+Shift+M'],
    scope: 'fields',
    menu: { in: 'View', section: 'panels' },
  },
  {
    id: 'view.impact',
    label: 'Impact of Selection',
    description: 'Show the impact of the selection',
    group: 'View',
    keys: ['I'],
    menu: { in: 'View', section: 'panels' },
  },
  {
    id: 'view.toggle-side-panel',
    label: 'Show or Hide Side Panel',
    description: 'Show or hide the side panel',
    group: 'View',
    menu: { in: 'View', section: 'panels' },
  },
  {
    id: 'view.toggle-palette',
    label: 'Show or Hide Palette',
    description: 'Show or hide the palette',
    group: 'View',
    menu: { in: 'View', section: 'panels' },
  },
  {
    id: 'view.cycle-theme',
    label: 'Switch Theme',
    description: 'Switch between system, light and dark themes',
    group: 'View',
    menu: { in: 'View', section: 'panels' },
  },
  {
    id: 'view.reload',
    label: 'Reload',
    description: 'Reload the app (asks to save first)',
    group: 'View',
    keys: ['Mod+R'],
    scope: 'everywhere',
    menu: { in: 'View', section: 'reload' },
  },
  {
    id: 'view.diagram',
    label: 'Diagram…',
    description: 'Mermaid diagram of the selected element (or of the whole mesh)',
    group: 'View',
    keys: ['M'],
    menu: { in: 'View', section: 'diagrams' },
  },
  {
    id: 'view.canvas-image',
    label: 'Image of the Canvas…',
    description: 'PNG or SVG of the whole mesh or the selection',
    group: 'View',
    menu: { in: 'View', section: 'diagrams' },
  },

  {
    id: 'simulation.toggle-mode',
    label: 'Design or Simulate',
    description: 'Switch between Design and Simulate',
    group: 'Simulation',
    keys: ['Mod+Shift+S'],
    scope: 'everywhere',
    menu: { in: 'Simulation', section: 'mode' },
  },
  {
    id: 'simulation.run-pause',
    label: 'Run or Pause',
    description: 'Run the simulation, or pause it',
    group: 'Simulation',
    menu: { in: 'Simulation', section: 'run' },
  },
  {
    id: 'simulation.step',
    label: 'Step One Tick',
    group: 'Simulation',
    menu: { in: 'Simulation', section: 'run' },
  },
  {
    id: 'simulation.step-back',
    label: 'Step Back One Tick',
    description: 'Back to the tick before, as the run was then',
    group: 'Simulation',
    keys: ['B'],
    scope: 'run-controls',
    menu: { in: 'Simulation', section: 'run' },
  },
  {
    id: 'simulation.reset',
    label: 'Reset to Tick 0',
    description: 'Back to tick 0 with the scenario as it is now',
    group: 'Simulation',
    menu: { in: 'Simulation', section: 'run' },
  },
  {
    id: 'simulation.present',
    label: 'Presenter Mode',
    description: 'Full screen, large text: walk the trace with → and ←, Esc ends',
    group: 'Simulation',
    menu: { in: 'Simulation', section: 'present' },
  },

  {
    id: 'help.shortcuts',
    label: 'Keyboard Shortcuts',
    description: 'This list of shortcuts',
    group: 'Help',
    keys: ['?'],
    menu: { in: 'Help', section: 'help' },
  },
  {
    id: 'view.command-palette',
    label: 'Command Palette…',
    description: 'Command palette: run any command by name',
    group: 'View',
    keys: ['Mod+Shift+P', 'F1'],
    scope: 'everywhere',
    menu: { in: 'View', section: 'navigate' },
  },
  {
    id: 'arrange.group-into-domain',
    label: 'Group into Domain',
    description: 'Put the selected products and systems in a new domain that fits them',
    group: 'Arrange',
    keys: ['Mod+G'],
    menu: { in: 'Edit', section: 'arrange' },
  },
] as const satisfies readonly CommandDefinition[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export const COMMAND_IDS: readonly CommandId[] = COMMANDS.map((command) => command.id);

const COMMANDS_BY_ID = new Map<string, CommandDefinition>(COMMANDS.map((command) => [command.id, command]));

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && COMMANDS_BY_ID.has(value);
}

export function commandById(id: CommandId): CommandDefinition {
  return COMMANDS_BY_ID.get(id) as CommandDefinition;
}

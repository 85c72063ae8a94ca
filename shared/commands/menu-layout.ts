import { COMMANDS, type CommandDefinition, type MenuName } from './command-table';

/**
 * A menu's commands, section by section, in the order the table lists them: a section appears
 * where its first command is, so a new command joins its section wherever it is added.
 */
export function menuSections(menu: MenuName): CommandDefinition[][] {
  const sections = new Map<string, CommandDefinition[]>();
  for (const command of COMMANDS as readonly CommandDefinition[]) {
    if (command.menu?.in !== menu) continue;
    const section = sections.get(command.menu.section) ?? [];
    section.push(command);
    sections.set(command.menu.section, section);
  }
  return [...sections.values()];
}

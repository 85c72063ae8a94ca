import type { CommandId } from '../../shared/commands/command-table';
import { nodeKindOf } from '../../shared/editing/mesh-index';
import type { Mesh } from '../../shared/model';
import type { ContextMenuTarget } from '../store/ui-store';

const CLIPBOARD: CommandId[] = ['edit.rename', 'edit.copy', 'edit.cut', 'edit.duplicate', 'edit.delete'];
const ALIGN: CommandId[] = [
  'arrange.align-left',
  'arrange.align-center',
  'arrange.align-right',
  'arrange.align-top',
  'arrange.align-middle',
  'arrange.align-bottom',
];
const DISTRIBUTE: CommandId[] = ['arrange.distribute-horizontally', 'arrange.distribute-vertically'];
const ADD_INTO_DOMAIN: CommandId[] = ['add.product', 'add.system', 'edit.paste'];
const WHOLE_CANVAS: CommandId[] = ['select.all', 'view.auto-layout', 'view.zoom-to-fit'];

/**
 * The commands a right-click offers, in groups (drawn with separators): only those that apply to
 * what was clicked and to how much is selected. Labels and shortcuts come from the command table.
 */
export function contextMenuCommands(
  target: ContextMenuTarget['on'],
  mesh: Mesh,
  selectedNodeCount: number,
): CommandId[][] {
  const arrange: CommandId[][] = [
    ...(selectedNodeCount >= 2 ? [ALIGN] : []),
    ...(selectedNodeCount >= 3 ? [DISTRIBUTE] : []),
  ];
  switch (target.kind) {
    case 'pane':
      return [['edit.paste', 'add.domain', 'add.note'], WHOLE_CANVAS];
    case 'domain-body':
      return [ADD_INTO_DOMAIN, ['add.domain', 'add.note'], WHOLE_CANVAS];
    case 'link':
      return [
        ['view.open-contract', 'view.focus-lineage', 'view.zoom-to-selection'],
        ['edit.move-link-end'],
        ['edit.delete'],
      ];
    case 'node': {
      const kind = nodeKindOf(mesh, target.id);
      if (kind === 'domain') {
        return [ADD_INTO_DOMAIN, CLIPBOARD, ['edit.lock', 'view.zoom-to-selection'], ...arrange];
      }
      if (kind === 'note') return [CLIPBOARD, ['edit.lock'], ...arrange];
      const contract: CommandId[] = kind === 'product' ? ['view.open-contract'] : [];
      return [
        [...contract, 'view.focus-lineage', 'view.zoom-to-selection'],
        ['edit.connect'],
        CLIPBOARD,
        ['edit.lock', 'arrange.group-into-domain'],
        ...arrange,
      ];
    }
  }
}

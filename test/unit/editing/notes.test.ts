import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { copyFragment, pasteFragment } from '../../../shared/editing/mesh-fragment';
import { withNoteAdded, withNoteText } from '../../../shared/editing/notes';
import { checkIntegrity, serializeMesh } from '../../../shared/model';
import { salesPipeline } from './editing-fixtures';

describe('sticky notes', () => {
  it('are saved in the mesh, with their place, and read back', () => {
    const { mesh, id } = withNoteAdded(salesPipeline(), { x: 10, y: 400 }, '**Ask** the CRM team');
    const read = parseMeshFile(serializeMesh(mesh));
    expect(read.ok && read.value.notes).toEqual([{ id, text: '**Ask** the CRM team' }]);
    expect(read.ok && read.value.layout.nodes[id]).toEqual({ x: 10, y: 400, width: 240, height: 160 });
  });

  it('leave a design without notes byte for byte as it was', () => {
    const mesh = salesPipeline();
    expect(serializeMesh(mesh)).not.toContain('notes');
  });

  it('are edited, copied, pasted and deleted like the other elements', () => {
    const { mesh, id } = withNoteAdded(salesPipeline(), { x: 10, y: 400 });
    const edited = withNoteText(mesh, id, 'Done');
    const pasted = pasteFragment(edited, copyFragment(edited, new Set([id])), 'beside-originals').mesh;
    expect(pasted.notes?.map((note) => note.text)).toEqual(['Done', 'Done']);
    expect(checkIntegrity(pasted)).toEqual([]);
    const deleted = withoutElements(pasted, { nodeIds: new Set([id]), linkIds: new Set() });
    expect(deleted.notes).toHaveLength(1);
    expect(deleted.layout.nodes[id]).toBeUndefined();
  });

  it('share the id space of domains, products and systems', () => {
    const { mesh } = withNoteAdded(salesPipeline(), { x: 0, y: 0 });
    mesh.notes?.push({ id: 'orders', text: '' });
    expect(checkIntegrity(mesh).map((problem) => problem.path)).toContain('notes[1].id');
  });
});

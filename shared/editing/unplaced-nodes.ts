import type { Mesh } from '../model';
import { canvasBox } from './alignment';
import { GRID_GAP, squareGridPositions } from './box-grid';
import { cardRoom } from './card-size';
import { overlappingDomains, withDomainFitted, withDomainsApart } from './containment';
import { boundsOf, type Point, type Size, translate } from './geometry';
import { withLayoutApplied } from './layout-edits';
import {
  DEFAULT_DOMAIN_SIZE,
  DEFAULT_NOTE_SIZE,
  domainRect,
  nextChildPositions,
  nextDomainPosition,
  setLayout,
} from './node-placement';

const NOTE_GAP = 60;

/**
 * True when none of the design's elements has a position, as in a generated file: opening then lays
 * the whole design out by data flow, as auto-layout does, rather than on grids.
 */
export function isWithoutLayout(mesh: Mesh): boolean {
  const elements = [...mesh.domains, ...mesh.products, ...mesh.systems, ...(mesh.notes ?? [])];
  return mesh.domains.length > 0 && elements.every((element) => mesh.layout.nodes[element.id] === undefined);
}

/**
 * A design written by hand or by a script may leave elements without a position, which would
 * all be drawn at one spot. This gives each a free place on a roughly square grid, so thousands
 * stay one picture rather than a column running off screen: domains below the others, products
 * and systems in the free cells of their domain's grid (the domain grown to hold them), notes to
 * the right of everything. Elements with a position stay where they are, except the domains a
 * domain grown to hold its new elements would overlap, which are moved aside (`movedAsideIds`);
 * domains the file already draws over each other stay so, for opening to name.
 */
export function withUnplacedNodesPlaced(mesh: Mesh): { mesh: Mesh; placedIds: string[]; movedAsideIds: string[] } {
  const isPlaced = (id: string) => mesh.layout.nodes[id] !== undefined;
  const sizeOf = cardRoom(mesh);
  const placedIds: string[] = [];
  const overlappingInFile = overlappingDomains(mesh);
  /** The domains the file draws over `domainId`: that overlap is the user's, so growing does not push them. */
  const overlappedInFile = (domainId: string) =>
    new Set(overlappingInFile.flatMap(([a, b]) => (a === domainId ? [b] : b === domainId ? [a] : [])));
  let next = mesh;
  // Domains not placed yet are left out of the geometry: they would count as sitting at the origin.
  const withPlacedDomainsOnly = (edit: (placed: Mesh) => Mesh, leftOut: ReadonlySet<string> = new Set()): Mesh => ({
    ...edit({
      ...next,
      domains: next.domains.filter(
        (domain) => (isPlaced(domain.id) || placedIds.includes(domain.id)) && !leftOut.has(domain.id),
      ),
    }),
    domains: next.domains,
  });
  for (const domain of mesh.domains) {
    const children = [...mesh.systems, ...mesh.products].filter(
      (child) => child.domainId === domain.id && !isPlaced(child.id),
    );
    if (isPlaced(domain.id) && children.length === 0) continue;
    if (!isPlaced(domain.id)) {
      next = withPlacedDomainsOnly((placed) =>
        setLayout(placed, domain.id, { ...nextDomainPosition(placed), ...DEFAULT_DOMAIN_SIZE }),
      );
      placedIds.push(domain.id);
    }
    const positions = nextChildPositions(
      next,
      domain.id,
      children.map((child) => sizeOf(child.id)),
      sizeOf,
      Math.ceil(Math.sqrt(children.length)),
    );
    next = withLayoutApplied(
      next,
      Object.fromEntries(children.map((child, index) => [child.id, positions[index] as Point])),
    );
    placedIds.push(...children.map((child) => child.id));
    next = withPlacedDomainsOnly(
      (placed) => withDomainsApart(withDomainFitted(placed, domain.id, sizeOf), [domain.id]),
      overlappedInFile(domain.id),
    );
  }
  const movedAsideIds = mesh.domains.flatMap((domain) => {
    const [before, after] = [mesh.layout.nodes[domain.id], next.layout.nodes[domain.id]];
    return before && (before.x !== after?.x || before.y !== after?.y) ? [domain.id] : [];
  });
  const newDomains = mesh.domains.filter((domain) => !isPlaced(domain.id));
  if (newDomains.length > 0) {
    const below = nextDomainPosition({ ...next, domains: mesh.domains.filter((domain) => isPlaced(domain.id)) });
    next = withBoxesOnSquareGrid(
      next,
      below,
      GRID_GAP,
      newDomains.map((domain) => ({ id: domain.id, ...domainRect(next, domain.id) })),
    );
  }
  const newNotes = (mesh.notes ?? []).filter((note) => !isPlaced(note.id));
  if (newNotes.length > 0) {
    const beside = nextNotePosition(next);
    const notes = newNotes.map((note) => ({ id: note.id, ...DEFAULT_NOTE_SIZE }));
    next = withBoxesOnSquareGrid(next, beside, NOTE_GAP, notes);
    placedIds.push(...notes.map((note) => note.id));
  }
  return { mesh: placedIds.length > 0 ? next : mesh, placedIds, movedAsideIds };
}

/** The boxes moved onto a roughly square grid whose top left corner is `origin`, keeping their sizes. */
function withBoxesOnSquareGrid(
  mesh: Mesh,
  origin: Point,
  gap: number,
  boxes: ReadonlyArray<{ id: string } & Size>,
): Mesh {
  const positions = squareGridPositions(boxes, gap);
  return withLayoutApplied(
    mesh,
    Object.fromEntries(
      boxes.map(({ id, width, height }) => [id, { ...translate(positions.get(id) as Point, origin), width, height }]),
    ),
  );
}

/** To the right of everything placed, below the notes already there. */
function nextNotePosition(mesh: Mesh): { x: number; y: number } {
  const domains = boundsOf(mesh.domains.map((domain) => domainRect(mesh, domain.id)));
  const x = (domains ? domains.x + domains.width : 0) + NOTE_GAP;
  const notesThere = (mesh.notes ?? []).flatMap((note) => {
    const layout = mesh.layout.nodes[note.id];
    return layout && layout.x >= x ? [canvasBox(mesh, note.id)] : [];
  });
  const below = boundsOf(notesThere);
  return { x, y: below ? below.y + below.height + NOTE_GAP : (domains?.y ?? 0) };
}

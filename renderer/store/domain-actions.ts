import { type Domain, domainColorAt, firstFreeName, type Mesh, uniqueId } from '../../shared/model';
import { type ChangeOptions, changeMesh, currentMesh } from './document-store';
import type { Point } from './geometry';
import { patched, updateById, withSection } from './list-edits';
import { nodeIds } from './mesh-index';
import { DEFAULT_DOMAIN_SIZE, nextDomainPosition, setLayout } from './node-placement';
import { selectOnly } from './selection-store';

export type DomainFields = Pick<Domain, 'name' | 'description' | 'owner' | 'color'>;

export function withNewDomain(mesh: Mesh, id: string, name: string, position: Point): Mesh {
  const domain: Domain = {
    id,
    name,
    description: '',
    owner: '',
    color: domainColorAt(mesh.domains.length),
  };
  return setLayout({ ...mesh, domains: [...mesh.domains, domain] }, id, { ...position, ...DEFAULT_DOMAIN_SIZE });
}

/** Adds a domain at a canvas point (or below the others), selects it and returns its id. */
export function addDomain(position?: Point): string | undefined {
  const mesh = currentMesh();
  if (!mesh) return undefined;
  const name = firstFreeName(
    'Domain',
    mesh.domains.map((domain) => domain.name),
  );
  const id = uniqueId(name, nodeIds(mesh));
  changeMesh((current) => withNewDomain(current, id, name, position ?? nextDomainPosition(current)));
  selectOnly([id]);
  return id;
}

export function updateDomain(id: string, fields: Partial<DomainFields>, options?: ChangeOptions): void {
  changeMesh(
    (mesh) =>
      withSection(
        mesh,
        'domains',
        updateById(mesh.domains, id, (domain) => patched(domain, fields)),
      ),
    options,
  );
}

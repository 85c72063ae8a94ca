import type { Mesh } from '../../model/mesh';
import { defaultGroupName, ownerEntityRef } from '../../model/owner-entity-ref';
import { fileSlug } from '../file-names';

/**
 * The groups of the default namespace the design names by reference (`group:default/cadastre-team`),
 * by their name in lower case, as Backstage compares names. The organisation's own provider defines
 * them: a team written by name (`Cadastre Team`) whose Group would take that name means that group.
 */
export function referencedGroupsByName(mesh: Mesh): Map<string, string> {
  const owners = [...mesh.domains, ...mesh.products, ...mesh.systems].map((element) => element.owner ?? '');
  const byName = new Map<string, string>();
  for (const ref of owners.flatMap((owner) => ownerEntityRef(owner) ?? [])) {
    const name = defaultGroupName(ref);
    if (name !== undefined && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), ref);
  }
  return byName;
}

/** The group a team written by name means, when the design names that group by reference elsewhere. */
export function referencedGroupOf(owner: string, referencedGroups: ReadonlyMap<string, string>): string | undefined {
  const slug = fileSlug(owner);
  return slug ? referencedGroups.get(slug) : undefined;
}

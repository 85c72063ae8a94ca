/** `[kind:][namespace/]name` with the kinds an owner may be (Backstage's `spec.owner`). */
const OWNER_REF = /^(user|group):(?:([^:/]+)\/)?([^:/]+)$/i;
/** Backstage's rules for a namespace (a DNS label) and an entity name, each at most 63 characters. */
const NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAME = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const MAX_PART_LENGTH = 63;

/**
 * An owner already written as a Backstage user or group reference (`user:jane.doe`,
 * `Group:Default/dispatch`), normalised as the catalog compares refs (kind and namespace in lower
 * case: `group:default/dispatch`); undefined for anything else, such as a team's name.
 */
export function ownerEntityRef(owner: string): string | undefined {
  const [, kind, namespace, name] = OWNER_REF.exec(owner.trim()) ?? [];
  if (!kind || !name || !isValidPart(name, NAME)) return undefined;
  if (namespace === undefined) return `${kind.toLowerCase()}:${name}`;
  const lowerNamespace = namespace.toLowerCase();
  return isValidPart(lowerNamespace, NAMESPACE) ? `${kind.toLowerCase()}:${lowerNamespace}/${name}` : undefined;
}

function isValidPart(part: string, rule: RegExp): boolean {
  return part.length <= MAX_PART_LENGTH && rule.test(part);
}

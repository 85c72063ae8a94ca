import { Memo } from '../../lineage/memo';
import { type DataProduct, type Domain, type OperationalSystem, quoted, slugify } from '../../model';
import { isBlank } from '../../model/blank-text';
import { malformedOwnerRefMessage, readOwnerRef } from '../../model/owner-entity-ref';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { domainPlace, type Place, productPlace, systemPlace } from '../places';
import type { Rule } from '../rule';

/** What the one-click fix writes where nobody is named yet: a team name that reads as a placeholder. */
export function placeholderOwner(domainName: string): string {
  return `team-${slugify(domainName)}`;
}

export const ownersRule: Rule = {
  id: 'owners',
  title: 'Every domain and data product has an owner',
  rationale: 'Domain ownership is the first principle of a data mesh: someone answers for each product.',
  defaultSeverity: 'warning',
  reads: ['domains', 'products', 'systems'],
  check({ mesh, graph }) {
    const domains = findingsPerElement(domainFindings, mesh.domains, [], (domain) =>
      !isBlank(domain.owner)
        ? malformedRefFindings(domainPlace(graph, domain), `Domain ${quoted(domain.name)}`, domain.owner)
        : [
            {
              ...domainPlace(graph, domain),
              message: `Domain ${quoted(domain.name)} has no owner.`,
              fixHint: 'Name the team that owns the domain in the inspector.',
              fix: {
                kind: 'set-owner' as const,
                element: { kind: 'domain' as const, domainId: domain.id },
                owner: placeholderOwner(domain.name),
              },
            },
          ],
    );
    const domainOf = (product: DataProduct) => graph.domains.get(product.domainId)?.item;
    const products = findingsPerElement(productFindings, mesh.products, [graph.domains], (product) => {
      if (!isBlank(product.owner)) {
        return malformedRefFindings(
          productPlace(graph, product),
          `Data product ${quoted(product.name)}`,
          product.owner,
        );
      }
      const { owner, fixHint } = productOwnerFix(domainOf(product), product);
      return [
        {
          ...productPlace(graph, product),
          message: `Data product ${quoted(product.name)} has no owner.`,
          fixHint,
          fix: { kind: 'set-owner' as const, element: { kind: 'product' as const, productId: product.id }, owner },
        },
      ];
    });
    // A system's owner is optional (its domain's answers for it); one written must still be a valid reference.
    const systems = findingsPerElement(systemFindings, mesh.systems, [], (system) =>
      malformedRefFindings(systemPlace(graph, system), `System ${quoted(system.name)}`, system.owner ?? ''),
    );
    return [...domains, ...products, ...systems];
  },
};

/**
 * What the fix of an ownerless product writes, and its hint: its domain's owner, else a placeholder;
 * an owner this rule reports as no valid reference is not copied, as that would only move the finding.
 */
function productOwnerFix(domain: Domain | undefined, product: DataProduct): { owner: string; fixHint: string } {
  const ask = 'Name the team that answers for it;';
  const domainOwner = isBlank(domain?.owner) ? undefined : domain?.owner.trim();
  if (domainOwner !== undefined && readOwnerRef(domainOwner).kind !== 'malformed-ref') {
    return { owner: domainOwner, fixHint: `${ask} the fix gives it to its domain's owner, ${quoted(domainOwner)}.` };
  }
  const owner = placeholderOwner(domain?.name ?? product.name);
  const placeholder = `${ask} the fix writes the placeholder ${quoted(owner)} to rename`;
  return {
    owner,
    fixHint:
      domainOwner === undefined
        ? `${placeholder}.`
        : `${placeholder}, as its domain's owner ${quoted(domainOwner)} is no valid Backstage reference.`,
  };
}

/** An owner Backstage would not read as the reference it looks like: the export makes a Group of it instead. */
function malformedRefFindings(place: Place, named: string, owner: string): RuleFinding[] {
  const message = malformedOwnerRefMessage(named, owner);
  if (!message) return [];
  return [
    {
      ...place,
      message,
      fixHint: 'Write it as kind:namespace/name (such as group:default/team-name), or as a plain team name.',
    },
  ];
}

const domainFindings = new Memo<Domain, RuleFinding[]>();
const productFindings = new Memo<DataProduct, RuleFinding[]>();
const systemFindings = new Memo<OperationalSystem, RuleFinding[]>();

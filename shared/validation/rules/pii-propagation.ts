import { isSensitiveClassification, sameClassification } from '../../contracts/classification-strictness';
import { Memo } from '../../lineage/memo';
import type { MeshGraph } from '../../lineage/mesh-graph';
import { contractOf } from '../../lineage/mesh-graph';
import type { ProductLineage } from '../../lineage/product-lineage';
import {
  type CopiedField,
  nameMatchedCopies,
  type UnclassifiedCopy,
  type UnfollowedStep,
  unclassifiedCopies,
  unclassifiedDerivations,
  unfollowedSteps,
} from '../../lineage/unclassified-copies';
import { classificationLevelsOf, type DataProduct, joinedWith, quoted } from '../../model';
import { quotedClassification } from '../../model/quoted-classification';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { contractPlace, fieldPlace, transformationPlace } from '../places';
import type { Rule } from '../rule';

/** Per product lineage (which changes whenever what it reads changes), its unclassified copies. */
const copiesByLineage = new Memo<ProductLineage, UnclassifiedCopy[]>();
const derivationsByLineage = new Memo<ProductLineage, UnclassifiedCopy[]>();
const guessesByLineage = new Memo<ProductLineage, UnclassifiedCopy[]>();
const stepsByLineage = new Memo<ProductLineage, UnfollowedStep[]>();
const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const piiPropagationRule: Rule = {
  id: 'pii-propagation',
  title: 'Classified fields stay classified downstream',
  rationale:
    'A field classified sensitive (e.g. pii) where it is read must be classified at least as strictly where it is republished, or access rules and erasure stop at the first copy.',
  defaultSeverity: 'error',
  reads: ['products', 'links', 'contracts', 'systems', 'policies'],
  check({ graph }) {
    const levels = classificationLevelsOf(graph.mesh.policies);
    return findingsPerLineage(
      findingsByProduct,
      graph,
      (product, lineage) => {
        const copies = copiesByLineage.get(lineage, [levels], () =>
          unclassifiedCopies(lineage, (id) => contractOf(graph, id), levels),
        );
        const derivations = derivationsByLineage.get(lineage, [levels], () =>
          unclassifiedDerivations(lineage, (id) => contractOf(graph, id), levels),
        );
        const unfollowed = stepsByLineage.get(lineage, [], () => unfollowedSteps(lineage));
        const guessed = guessesByLineage.get(lineage, [levels], () =>
          nameMatchedCopies(lineage, (id) => contractOf(graph, id), levels),
        );
        const copyFindings = copies.map((copy) =>
          unclassifiedCopyFinding(
            graph,
            product.id,
            copy,
            ({ copied, where, what }) =>
              `${quoted(product.name)} ${copyVerb(copy.sources)} ${copied}, as ${where}${copy.sources.every((source) => source.isPicked) ? `, ${PICKED}; but` : ', but'} its contract ${quoted(copy.contract.name)} ${what}.`,
          ),
        );
        // A warning, not an error: a code or a flag computed from a value tells less than the value itself.
        const derivationFindings = derivations.map((derivation) => ({
          ...unclassifiedCopyFinding(
            graph,
            product.id,
            derivation,
            ({ copied, where, what }) =>
              `${quoted(product.name)} publishes ${where}, ${derivationText(derivation.sources, copied)}, but its contract ${quoted(derivation.contract.name)} ${what}.`,
            'publish it only aggregated over many rows',
          ),
          severity: 'warning' as const,
        }));
        // A warning, not an error: without SQL, a field of the same name is only probably a copy.
        const guessFindings = guessed.map((copy) => ({
          ...unclassifiedCopyFinding(
            graph,
            product.id,
            copy,
            ({ copied, where, what }) =>
              `${quoted(product.name)} has no transformations yet, so pii-propagation matched names: ${where} has the name of ${copied}, but its contract ${quoted(copy.contract.name)} ${what}.`,
          ),
          severity: 'warning' as const,
        }));
        // Said at info, so that a CI run shows what it passed without checking; a warning (which a policy can make
        // an error) where the step names a classified field, since what goes unchecked may be its copy.
        const unfollowedFindings = unfollowed.map(
          ({ transformation, index, reason, namesSensitiveField }): RuleFinding => ({
            ...transformationPlace(graph, product, index),
            severity: namesSensitiveField ? 'warning' : 'info',
            message: `pii-propagation could not follow transformation ${quoted(transformation.name)} of ${quoted(product.name)}: its SQL is read approximately (${reason}), so a classified field it republishes under another name goes unreported.`,
            fixHint:
              'Check by hand that each field it republishes from a classified one is classified as strictly, or write the step in SQL the rule follows (see docs/governance.md).',
          }),
        );
        return [...copyFindings, ...derivationFindings, ...guessFindings, ...unfollowedFindings];
      },
      [levels],
    );
  },
};

/** How a copy is worded: as what it keeps of the fields where each is kept only so, else a republishing of them. */
function copyVerb(sources: readonly CopiedField[]): string {
  const [alteration] = new Set(sources.map((source) => source.alteration));
  const isAlike = sources.every((source) => source.alteration === alteration);
  if (isAlike && alteration === 'rounded') return 'publishes a rounded copy of';
  if (isAlike && alteration === 'cut') return 'publishes part of';
  return 'republishes';
}

/** How a derivation is worded: a rank where it only ranks rows by the fields, else a value computed from each row's. */
function derivationText(sources: readonly CopiedField[], copied: string): string {
  return sources.every((source) => source.isRanked)
    ? `derived from ${copied} (a rank ordered by it)`
    : `derived row by row from ${copied} (a CASE, a comparison or a function of it)`;
}

/** Why an aggregate is a copy where it is MIN or MAX: the severity of a copy is kept, and said why. */
const PICKED = "taken by MIN or MAX, which return one record's real value, not a summary of the group";

/**
 * The input fields copied, each with its classification, grouped by input port: `'email', classified
 * 'pii' in its input 'customers'`, or `'a', classified 'x', and 'b', classified 'y', in its input 'p'`.
 */
function copiedFieldsText(sources: readonly CopiedField[]): string {
  const byPort = new Map<CopiedField['port'], CopiedField[]>();
  for (const source of sources) byPort.set(source.port, [...(byPort.get(source.port) ?? []), source]);
  return joinedWith(
    [...byPort].map(([port, copied]) => {
      const fields = copied.map(
        ({ field }) =>
          `${quoted(field.path)}, classified ${quotedClassification(field.property.classification as string)}`,
      );
      return `${joinedWith(fields, 'and', true)}${fields.length > 1 ? ',' : ''} in its input ${quoted(port.name)}`;
    }),
    'and',
    true,
  );
}

/** The finding at an output field classified less strictly than the input field it copies, in `message`'s words. */
function unclassifiedCopyFinding(
  graph: MeshGraph,
  productId: string,
  { port, contract, objectIndex, propertyIndex, field, source, keepsEveryCopy, sources, copies }: UnclassifiedCopy,
  message: (parts: { copied: string; where: string; what: string }) => string,
  otherwise = 'stop republishing it',
): RuleFinding {
  const where = `${quoted(field.path)} of ${quoted(port.name)}`;
  // Spaces around the source's word do not set it apart (classifications match trimmed), and contract-semantics would warn of them on the copy.
  const classification = (source.field.property.classification as string).trim();
  const fixHint = keepsEveryCopy
    ? `Classify ${where} as ${quotedClassification(classification)} in contract ${quoted(contract.name)}, or ${otherwise}.`
    : `No one classification keeps ${joinedWith(unrankedClassifications(copies), 'and')} as the design ranks them: rank them in policies.classificationLevels and classify ${where} as the strictest in contract ${quoted(contract.name)}, or ${otherwise}.`;
  const what = field.property.classification
    ? `classifies it ${quotedClassification(field.property.classification)} instead`
    : 'does not classify it';
  return {
    ...fieldPlace(graph, contract, objectIndex, propertyIndex),
    path: contractPlace(graph, contract, 'schema', objectIndex, 'properties', ...field.at).path,
    message: message({ copied: copiedFieldsText(sources), where, what }),
    fixHint,
    related: [...new Set(sources.map((copied) => copied.port.id))].map((portId) => ({
      kind: 'port',
      productId,
      portId,
    })),
    // The one-click fix classifies a column; a nested field is classified in the contract's text.
    ...(field.parent === undefined &&
      keepsEveryCopy && {
        fix: {
          kind: 'classify-field',
          contractId: contract.id,
          object: contract.schema[objectIndex]?.name ?? '',
          field: field.property.name,
          classification,
        },
      }),
  };
}

/** The sensitive classifications of the copied fields, each once (`PII` and `pii` are one), quoted and escaped. */
function unrankedClassifications(copies: readonly CopiedField[]): string[] {
  const words: string[] = [];
  for (const { field } of copies) {
    const { classification } = field.property;
    if (isSensitiveClassification(classification) && !words.some((word) => sameClassification(word, classification)))
      words.push(classification);
  }
  return words.map(quotedClassification);
}

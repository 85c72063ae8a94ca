import { Memo } from '../../lineage/memo';
import type { MeshGraph } from '../../lineage/mesh-graph';
import { quoted } from '../../model';
import { capitalized, withIndefiniteArticle } from '../../model/word-list';
import type { RuleFinding } from '../finding';
import { NAMED_SECTIONS, type NamedElement, type NameOwner, namesOf } from '../named-elements';
import type { Rule } from '../rule';

export const uniqueNamesRule: Rule = {
  id: 'unique-names',
  title: 'Names are unique in their scope',
  rationale: 'Two elements with one name confuse readers and collide as files, topics and tables when exported.',
  defaultSeverity: 'error',
  reads: ['domains', 'product outlines', 'systems', 'contracts'],
  check({ mesh, graph }) {
    const findings: RuleFinding[] = [];
    // Domains, products, systems and contracts share scopes across elements (the mesh, a domain).
    const firstInScope = new Map<string, Map<string, NamedElement>>();
    for (const section of NAMED_SECTIONS) {
      mesh[section].forEach((owner, index) => {
        const [own, ...children] = namesOf(section, owner) as [NamedElement, ...NamedElement[]];
        const clash = firstOf(firstInScope, own);
        if (clash) findings.push(duplicate(graph, own, clash));
        // A product's ports and a system's topics are named within it: their clashes are its own.
        findings.push(...clashesWithin.get(owner, [index], () => clashesAmong(graph, children)));
      });
    }
    return findings;
  },
};

const clashesWithin = new Memo<NameOwner, RuleFinding[]>();

function clashesAmong(graph: MeshGraph, elements: readonly NamedElement[]): RuleFinding[] {
  const firstInScope = new Map<string, Map<string, NamedElement>>();
  return elements.flatMap((element) => {
    const clash = firstOf(firstInScope, element);
    return clash ? [duplicate(graph, element, clash)] : [];
  });
}

/** The first element named like this one in its scope, or undefined (and this one is remembered as the first). */
function firstOf(
  firstInScope: Map<string, Map<string, NamedElement>>,
  element: NamedElement,
): NamedElement | undefined {
  let inScope = firstInScope.get(element.scope);
  if (!inScope) {
    inScope = new Map();
    firstInScope.set(element.scope, inScope);
  }
  const earlier = inScope.get(element.key);
  if (earlier === undefined) inScope.set(element.key, element);
  return earlier;
}

function duplicate(graph: MeshGraph, element: NamedElement, earlier: NamedElement): RuleFinding {
  // One scope can hold two kinds (a product's input and output ports): name the earlier one's kind.
  const other =
    earlier.noun === element.noun ? `Another ${element.noun}` : capitalized(withIndefiniteArticle(earlier.noun));
  const differences = spellingDifferences(element.name, earlier.name);
  const howSpelt =
    differences.length === 0
      ? ''
      : `; ${quoted(element.name)} differs from it only in ${differences.join(' and ')}${differences.includes('case') && element.whyCaseIsIgnored ? `. ${element.whyCaseIsIgnored}` : '.'}`;
  return {
    ...element.place(graph),
    message: `${other} ${element.scopeLabel(graph)} is already called ${quoted(earlier.name)} (${earlier.place(graph).path})${howSpelt || '.'}`,
    fixHint: `Rename this ${element.noun}; names are compared ignoring case, surrounding spaces and how accents are encoded.`,
  };
}

/** How two names that comparableName takes for one are written differently: `case`, `surrounding spaces`… */
function spellingDifferences(name: string, earlier: string): string[] {
  const [trimmed, earlierTrimmed] = [name.trim(), earlier.trim()];
  const spacesAround = (text: string) =>
    `${text.slice(0, text.length - text.trimStart().length)}|${text.slice(text.trimEnd().length)}`;
  return [
    trimmed.normalize('NFC') !== earlierTrimmed.normalize('NFC') && 'case',
    spacesAround(name) !== spacesAround(earlier) && 'surrounding spaces',
    trimmed.toLocaleLowerCase() !== earlierTrimmed.toLocaleLowerCase() && 'how accents are encoded',
  ].filter((difference): difference is string => difference !== false);
}

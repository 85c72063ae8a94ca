import { Memo } from '../../lineage/memo';
import { type Contract, inNumber, joinedWith, quoted } from '../../model';
import {
  codePointLabel,
  everyHiddenCharacterEscaped,
  hiddenCharactersIn,
  invisibleFormatCharactersIn,
} from '../../model/control-characters';
import { slugify } from '../../model/ids';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const contractIdsRule: Rule = {
  id: 'contract-ids',
  title: 'Contract ids read as one plain identifier',
  rationale:
    "ODCS allows any id, and exports write it verbatim into ODPS contractId, the Backstage API definition and the JSON Schema $id; an id with a slash, `..` or a space reads as a path or several words to the tools that take it, one with `?`, `#`, `%` or a colon (but a URN's) ends or rewrites a URL, and a bidirectional control or an invisible character makes it look like another id.",
  // ODCS accepts the id, so it is no error; the tools reading the exports may still misread it.
  defaultSeverity: 'warning',
  reads: ['contracts'],
  check({ mesh, graph }) {
    return findingsPerElement(findingsByContract, mesh.contracts, [], (contract) => {
      const problems = idProblems(contract.id);
      if (problems.length === 0) return [];
      return [
        {
          ...contractPlace(graph, contract, 'id'),
          message: `Contract ${quoted(contract.name)} has the id ${quoted(everyHiddenCharacterEscaped(contract.id))}, which holds ${joinedWith(problems, 'and')}: the ODPS contractId and the Backstage API definition carry it verbatim (the JSON Schema $id percent-encoded), and tools reading them may take it for a path or cut it as a URL.`,
          fixHint: `Give the contract a plain id such as ${quoted(slugify(contract.id, 'contract'))}, and name it so in the ports that serve or read it.`,
        },
      ];
    });
  },
};

/** A URN (RFC 8141: `urn:` and a namespace id): its colons are its own syntax, not a URL scheme. */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:/i;

/** What in an id reads as a path, as several words, as a URL's query, fragment, escape or scheme, or as another id; control characters the contract format refuses itself. */
function idProblems(id: string): string[] {
  const { bidiControls } = hiddenCharactersIn(id);
  const invisibles = invisibleFormatCharactersIn(id);
  return [
    id.includes('/') && "'/'",
    id.includes('\\') && "'\\'",
    id.includes('..') && "'..'",
    /\s/.test(id) && 'a space',
    id.includes('?') && "'?'",
    id.includes('#') && "'#'",
    id.includes('%') && "'%'",
    id.includes(':') && !URN.test(id) && "':' outside a URN",
    bidiControls.length > 0 &&
      `${inNumber(bidiControls.length, 'a bidirectional control that shows', 'bidirectional controls that show')} it in another order than it is written (${labels(bidiControls)})`,
    invisibles.length > 0 &&
      `${inNumber(invisibles.length, 'an invisible format character that makes', 'invisible format characters that make')} it look like another id (${labels(invisibles)})`,
  ].filter((problem) => problem !== false);
}

const labels = (characters: readonly string[]) => characters.map(codePointLabel).join(', ');

const findingsByContract = new Memo<Contract, RuleFinding[]>();

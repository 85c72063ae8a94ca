import { Memo } from '../../lineage/memo';
import { quoted } from '../../model';
import { withoutHiddenCharacters } from '../../model/control-characters';
import { fileNameClashFindings } from '../file-name-clashes';
import { fileNameProblem } from '../file-name-safety';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { NAMED_SECTIONS, type NameOwner, namesOf } from '../named-elements';
import type { Rule } from '../rule';

export const safeFileNamesRule: Rule = {
  id: 'safe-file-names',
  title: 'Names are safe as file names',
  rationale:
    'Exports write a file per domain, product and contract; a name like CON, ../x or 300 characters breaks them on some systems.',
  // Exports rename such names, so the design still exports; other tools may refuse them.
  defaultSeverity: 'warning',
  reads: ['domains', 'product outlines', 'systems', 'contracts'],
  check({ mesh, graph }) {
    const unsafeNames = NAMED_SECTIONS.flatMap((section) =>
      findingsPerElement(findingsByOwner, mesh[section], [], (owner) =>
        namesOf(section, owner).flatMap((element) => {
          // Control characters and bidirectional overrides are name-characters' to report.
          const problem = fileNameProblem(withoutHiddenCharacters(element.name));
          if (!problem) return [];
          const shown = element.name.length > 40 ? `${element.name.slice(0, 40)}…` : element.name;
          return [
            {
              ...element.place(graph),
              message: `The name of ${element.noun} ${quoted(shown)} ${problem}.`,
              fixHint: `Rename the ${element.noun}: files are named after it (exports here rename it; other tools may refuse it).`,
            },
          ];
        }),
      ),
    );
    return [...unsafeNames, ...fileNameClashFindings(mesh, graph)];
  },
};

/** Per domain, product, system or contract: the problems of its own name and its ports' or topics'. */
const findingsByOwner = new Memo<NameOwner, RuleFinding[]>();

import { fileNameProblem } from '../file-name-safety';
import { namedElements } from '../named-elements';
import type { Rule } from '../rule';

export const safeFileNamesRule: Rule = {
  id: 'safe-file-names',
  title: 'Names are safe as file names',
  rationale:
    'Exports write a file per domain, product and contract; a name like CON, ../x or 300 characters breaks them on some systems.',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return namedElements(mesh).flatMap((element) => {
      const problem = fileNameProblem(element.name);
      if (!problem) return [];
      const shown = element.name.length > 40 ? `${element.name.slice(0, 40)}…` : element.name;
      return [
        {
          ...element.place(graph),
          message: `The name of ${element.noun} '${shown}' ${problem}.`,
          fixHint: `Rename the ${element.noun}: files are named after it (exports here rename it; other tools may refuse it).`,
        },
      ];
    });
  },
};

import { comparableName } from '../../model';
import { namedElements } from '../named-elements';
import type { Rule } from '../rule';

export const uniqueNamesRule: Rule = {
  id: 'unique-names',
  title: 'Names are unique in their scope',
  rationale: 'Two elements with one name confuse readers and collide as files, topics and tables when exported.',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    const first = new Map<string, string>();
    return namedElements(mesh, graph).flatMap((element) => {
      const key = `${element.scope}\u0000${comparableName(element.name)}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, element.path);
        return [];
      }
      return [
        {
          element: element.element,
          path: element.path,
          message: `Another ${element.noun} ${element.scopeLabel} is already called '${element.name}' (${earlier}).`,
          fixHint: `Rename this ${element.noun}; names are compared ignoring case and surrounding spaces.`,
        },
      ];
    });
  },
};

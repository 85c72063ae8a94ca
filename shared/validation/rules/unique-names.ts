import { type NamedElement, namedElements } from '../named-elements';
import type { Rule } from '../rule';

export const uniqueNamesRule: Rule = {
  id: 'unique-names',
  title: 'Names are unique in their scope',
  rationale: 'Two elements with one name confuse readers and collide as files, topics and tables when exported.',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    const first = new Map<string, Map<string, NamedElement>>();
    return namedElements(mesh).flatMap((element) => {
      let inScope = first.get(element.scope);
      if (!inScope) {
        inScope = new Map();
        first.set(element.scope, inScope);
      }
      const earlier = inScope.get(element.key);
      if (earlier === undefined) {
        inScope.set(element.key, element);
        return [];
      }
      return [
        {
          ...element.place(graph),
          message: `Another ${element.noun} ${element.scopeLabel(graph)} is already called '${element.name}' (${earlier.place(graph).path}).`,
          fixHint: `Rename this ${element.noun}; names are compared ignoring case and surrounding spaces.`,
        },
      ];
    });
  },
};

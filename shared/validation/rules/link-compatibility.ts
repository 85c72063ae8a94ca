import { checkLinkCompatibility } from '../../contracts';
import { linkPlace } from '../places';
import type { Rule } from '../rule';

export const linkCompatibilityRule: Rule = {
  id: 'link-compatibility',
  title: 'Links give consumers what they need',
  rationale: "A consumer's input port must get, by name and type, every field it expects from the producer's contract.",
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return mesh.links.flatMap((link) => {
      const compatibility = checkLinkCompatibility(mesh, link);
      if (compatibility.status !== 'incompatible') return [];
      const nameOf = (nodeId: string) =>
        graph.products.get(nodeId)?.item.name ?? graph.systems.get(nodeId)?.item.name ?? nodeId;
      return [
        {
          ...linkPlace(graph, link),
          message: `'${nameOf(link.from.nodeId)}' → '${nameOf(link.to.nodeId)}' is incompatible: ${compatibility.problems.map((problem) => problem.message).join('; ')}.`,
          fixHint:
            "Change the producer's contract, or what the consumer's input port expects, so every needed field is provided.",
        },
      ];
    });
  },
};

import { isScalar, parseDocument, visit } from 'yaml';
import type { Mesh } from '../model/mesh';

/** A value the scenario may name at a reference: what to insert, and what it is. */
export interface ReferenceChoice {
  value: string;
  detail: string;
}

/** The choices at the cursor, and the offsets of the text between the quotes they replace. */
export interface ReferenceChoices {
  start: number;
  end: number;
  choices: ReferenceChoice[];
}

/**
 * What the scenario text may name at `offset`, where the cursor is in the value of a `systemId`,
 * `table`, `topicId` or `productId`: the design's systems, the tables and topics of the entry's
 * own system (topics by the name the canvas shows), its products. Undefined elsewhere.
 */
export function scenarioReferenceChoices(mesh: Mesh, text: string, offset: number): ReferenceChoices | undefined {
  let found: ReferenceChoices | undefined;
  visit(parseDocument(text), {
    Map(_, map) {
      for (const pair of map.items) {
        const { key, value } = pair;
        if (!isScalar(key) || !isScalar(value) || !value.range) continue;
        // A JSON string's range takes in its quotes.
        const [start, end] = [value.range[0] + 1, value.range[1] - 1];
        if (offset < start || offset > end) continue;
        const systemId = map.get('systemId');
        const choices = choicesFor(mesh, String(key.value), typeof systemId === 'string' ? systemId : undefined);
        if (choices) found = { start, end, choices };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function choicesFor(mesh: Mesh, key: string, systemId: string | undefined): ReferenceChoice[] | undefined {
  const system = mesh.systems.find((candidate) => candidate.id === systemId);
  switch (key) {
    case 'systemId':
      return mesh.systems.map((each) => ({ value: each.id, detail: `system ${each.name}` }));
    case 'table':
      return system?.database.tables.map((table) => ({ value: table.name, detail: `table of ${system.name}` })) ?? [];
    case 'topicId':
      return (
        system?.messaging.topics.map((topic) => ({
          value: topic.name,
          detail: `topic '${topic.id}' of ${system.name}`,
        })) ?? []
      );
    case 'productId':
      return mesh.products.map((product) => ({ value: product.id, detail: `product ${product.name}` }));
    default:
      return undefined;
  }
}

import { Memo } from '../../lineage/memo';
import type { InputLineage } from '../../lineage/product-lineage';
import { type DataProduct, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { portPlace, productPlace } from '../places';
import { tableClaimsOf } from '../product-table-sources';
import type { Rule } from '../rule';

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const inputsReachOutputsRule: Rule = {
  id: 'inputs-reach-outputs',
  title: 'What each input port brings reaches an output port',
  rationale:
    "Records an input port brings that no output port publishes, as they come or through a transformation, never leave the product: often a second source a contract was drafted without ('New contract' drafts from the first CDC topic).",
  defaultSeverity: 'warning',
  reads: ['products', 'links', 'contracts', 'systems'],
  check({ graph }) {
    return findingsPerLineage(findingsByProduct, graph, (product, lineage) => {
      // Where two of its tables share a name, the engine builds other tables than the lineage reads: product-tables says which.
      const { refusals } = tableClaimsOf(graph, product, productPlace(graph, product).path);
      if (refusals.some((refusal) => refusal.kind === 'name-taken')) return [];
      // What the port publishes to consumers, and each other schema object of its contract, which the export serves as a table.
      const reaching = new Set(
        [...lineage.outputs.values()].flatMap((output) => [
          ...output.inputs,
          ...output.objects.flatMap((filled) => [...(filled.table?.inputs ?? [])]),
        ]),
      );
      return [...lineage.inputs.values()]
        .filter((input) => !reaching.has(input.port.id) && !isReadBack(product, input))
        .map(({ port, feeds }) => {
          const table = quoted(feeds[0]?.dataset.schema.name ?? port.name);
          const why =
            product.outputPorts.length === 0
              ? 'it has no output port.'
              : `no output port publishes its table ${table}, nor a transformation that reads it.`;
          return {
            ...portPlace(graph, product, port),
            message: `Input port ${quoted(port.name)} of ${quoted(product.name)} feeds nothing the product publishes: ${why}`,
            fixHint: `Publish ${table} through an output port (under a contract whose schema object is ${table}), or read it in the transformation an output port publishes; remove the input port if the product does not need it.`,
          };
        });
    });
  },
};

/** A product linked to itself reads back a table it makes: self-links reports that. */
function isReadBack(product: DataProduct, input: InputLineage): boolean {
  return input.feeds.some(({ link }) => link.from.nodeId === product.id);
}

import type { FieldSet } from '../../lineage/field-set';
import { productLineage } from '../../lineage/product-lineage';
import type { DatasetField } from '../../lineage/source-dataset';
import type { Port } from '../../model';
import type { RuleFinding } from '../finding';
import { fieldPlace } from '../places';
import type { Rule } from '../rule';

export const piiPropagationRule: Rule = {
  id: 'pii-propagation',
  title: 'Classified fields stay classified downstream',
  rationale:
    'A field classified (e.g. pii) where it is read must be classified alike where it is republished, or access rules and erasure stop at the first copy.',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return mesh.products.flatMap((product) => {
      const lineage = productLineage(graph, product);
      const classified = new Map(
        [...lineage.inputs].map(([portId, input]) => [
          portId,
          {
            port: input.port,
            by: new Map(
              input.dataset.fields.flatMap((field) =>
                field.classification ? [[field.name.toLowerCase(), field] as const] : [],
              ),
            ),
          },
        ]),
      );
      return product.outputPorts.flatMap((port): RuleFinding[] => {
        const output = lineage.outputs.get(port.id);
        const contract = port.contractId ? graph.contracts.get(port.contractId)?.item : undefined;
        const object = contract?.schema[0];
        if (!output || !contract || !object) return [];
        return object.properties.flatMap((property, propertyIndex) => {
          const column = output.fields.get(property.name.toLowerCase());
          const source = column && firstClassifiedCopy(column.copies, classified);
          if (!source || source.field.classification === property.classification) return [];
          const { classification } = source.field;
          const where = `'${property.name}' of '${port.name}'`;
          const what = property.classification
            ? `classifies it '${property.classification}' instead`
            : 'does not classify it';
          return [
            {
              ...fieldPlace(graph, contract, 0, propertyIndex),
              message: `'${product.name}' republishes '${source.field.name}', classified ${classification} in its input '${source.port.name}', as ${where}, but its contract '${contract.name}' ${what}.`,
              fixHint: `Classify ${where} as ${classification} in contract '${contract.name}', or stop republishing it.`,
              related: [{ kind: 'port' as const, productId: product.id, portId: source.port.id }],
              ...(property.classification === undefined && {
                fix: {
                  kind: 'classify-field' as const,
                  contractId: contract.id,
                  object: object.name,
                  field: property.name,
                  classification: classification as string,
                },
              }),
            },
          ];
        });
      });
    });
  },
};

/** Per input port: the port, and its classified fields by lower-cased name. */
type Classified = ReadonlyMap<string, { port: Port; by: ReadonlyMap<string, DatasetField> }>;

function firstClassifiedCopy(copies: FieldSet, classified: Classified) {
  for (const portId of copies.ports()) {
    const input = classified.get(portId);
    for (const field of copies.fieldsOf(portId)) {
      const source = input?.by.get(field);
      if (input && source) return { port: input.port, field: source };
    }
  }
  return undefined;
}

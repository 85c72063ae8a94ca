import type { ProductLineage } from './product-lineage';

/** Data going, inside a product, from one of its input ports to one of its output ports. */
export interface PortFlow {
  inputId: string;
  outputId: string;
  /** False where the lineage cannot tell which inputs feed the output, so every input is taken to. */
  isKnown: boolean;
}

/**
 * The flows inside a product, input by input: an input feeds an output that publishes its clean
 * table or a transformation's result read (through earlier steps) from it. SQL read only
 * approximately still knows the tables it reads, if not their columns. Where the output has no
 * contract, no table of its name (no SQL yet) or SQL that does not parse, every input may feed it.
 */
export function portFlows(lineage: ProductLineage): PortFlow[] {
  const { inputPorts, outputPorts } = lineage.product;
  return inputPorts.flatMap((input) =>
    outputPorts.flatMap((output): PortFlow[] => {
      const table = lineage.outputs.get(output.id)?.table;
      if (!table?.knowsInputs) return [{ inputId: input.id, outputId: output.id, isKnown: false }];
      return table.inputs.has(input.id) ? [{ inputId: input.id, outputId: output.id, isKnown: true }] : [];
    }),
  );
}

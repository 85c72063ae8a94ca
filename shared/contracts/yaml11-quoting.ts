import { parseDocument, Scalar, visit } from 'yaml';
import { scalarText } from '../export/yaml-text';

/**
 * The user's YAML with every plain scalar a YAML 1.1 reader (PyYAML, SnakeYAML) would read
 * differently written so that it reads alike: `unit: y` becomes `unit: "y"`, `on:` becomes
 * `"on":`, `0755` becomes `755`. Every other byte (comments, order, quoting, blank lines) is
 * kept. Text that does not parse is returned as it is: the validation reports it.
 */
export function quotedForYaml11(text: string): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) return text;
  const splices: { start: number; end: number; text: string }[] = [];
  visit(document, {
    Scalar(_, node) {
      const rewritten = yaml11Reading(node);
      if (rewritten !== undefined && node.range)
        splices.push({ start: node.range[0], end: node.range[1], text: rewritten });
    },
  });
  return splices.reduceRight(
    (result, splice) => result.slice(0, splice.start) + splice.text + result.slice(splice.end),
    text,
  );
}

/** The scalar's text for YAML 1.1 readers, or undefined when its source already reads alike. */
function yaml11Reading(node: Scalar): string | undefined {
  if (node.type !== Scalar.PLAIN || node.value === null) return undefined;
  // `.inf` and `.nan` read alike in both versions, and JSON has no text for them.
  if (typeof node.value === 'number' && !Number.isFinite(node.value)) return undefined;
  const written = scalarText(node.value);
  // A plain string stays as written unless it needs quotes: a folded multi-line one reads alike.
  if (typeof node.value === 'string') return written === node.value ? undefined : written;
  return written === node.source ? undefined : written;
}

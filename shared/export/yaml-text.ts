import { Document, Scalar, type ScalarTag, type Tags, visit } from 'yaml';

/*
 * The one way the app writes YAML, so every file reads the same in YAML 1.2 parsers and in
 * the YAML 1.1 ones much of the ecosystem still runs (PyYAML under datacontract-cli,
 * SnakeYAML under Java tools, js-yaml 3). The `yaml` package quotes what a 1.2 reader would
 * take for something other than a string; on top of that we quote:
 * - strings a 1.1 reader resolves to another type: `yes`, `off`, `y`, `NO`, `~`, `0755`,
 *   `1_000`, `0b101`, `23:59:59` (base 60), `2024-01-01`, `.5`, `<<`, `=`;
 * - strings with tabs (PyYAML stops a plain scalar at a tab), with characters a 1.1 reader
 *   takes for line breaks (U+0085, U+2028, U+2029) or refuses (C1 controls, U+FFFE): these
 *   are written double-quoted with escapes;
 * and write floats with a fraction (`1.0e+21`), which 1.1 readers need to see a float.
 */

/** Every plain scalar that PyYAML, SnakeYAML, js-yaml 3 or the YAML 1.1 type repository resolve to a non-string. */
const YAML_11_NON_STRINGS = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/,
  /^(?:<<|=)$/,
];

/** Characters that need a double-quoted escape to survive a YAML 1.1 reader. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const NEEDS_DOUBLE_QUOTES = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/;
/** What JSON.stringify, and so the `yaml` package, leaves raw inside double quotes. */
const LEFT_RAW = '[\\u007f-\\u009f\\u2028\\u2029\\ufffe\\uffff]';
const HAS_LEFT_RAW = new RegExp(LEFT_RAW);

function readsAsNonStringInYaml11(text: string): boolean {
  return YAML_11_NON_STRINGS.some((pattern) => pattern.test(text));
}

/** `1e+21` → `1.0e+21`: YAML 1.1 readers take a float only with a fraction. */
function withFraction(number: string): string {
  return /^[-+]?\d+[eE]/.test(number) ? number.replace(/[eE]/, '.0e') : number;
}

function withYaml11Numbers(tags: Tags): Tags {
  return tags.map((tag) => {
    const scalarTag = tag as ScalarTag;
    if (!/:(int|float)$/.test(scalarTag.tag) || !scalarTag.stringify) return tag;
    const stringify = scalarTag.stringify;
    return { ...scalarTag, stringify: (...args) => withFraction(stringify(...args)) };
  });
}

/** Escapes what JSON.stringify leaves raw inside double quotes, as YAML escapes (`\L`, `\x85`). */
function escapeRawCharacters(text: string): string {
  return text.replace(new RegExp(LEFT_RAW, 'g'), (character) => {
    const code = character.charCodeAt(0);
    if (code === 0x2028) return '\\L';
    if (code === 0x2029) return '\\P';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A value (plain JSON: objects, arrays, strings, numbers, booleans, null) as YAML text that
 * YAML 1.1 and 1.2 readers read back as the same value. Long lines are not folded and
 * objects that happen to be shared are written in full, never as anchors.
 */
export function toYamlText(value: unknown): string {
  const document = new Document(value, { aliasDuplicateObjects: false, customTags: withYaml11Numbers });
  let hasLeftRaw = false;
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      if (NEEDS_DOUBLE_QUOTES.test(node.value) || readsAsNonStringInYaml11(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
        hasLeftRaw ||= HAS_LEFT_RAW.test(node.value);
      }
    },
  });
  const text = document.toString({ lineWidth: 0 });
  // Only double-quoted scalars hold these characters (forced above), so escaping them everywhere is safe.
  return hasLeftRaw ? escapeRawCharacters(text) : text;
}

/** Several values as one multi-document YAML stream (Kubernetes manifests, Backstage catalogs). */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map((value) => `---\n${toYamlText(value)}`).join('');
}

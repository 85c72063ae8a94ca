/*
 * The one way the app writes YAML, so every file reads the same in YAML 1.2 readers and in
 * the YAML 1.1 ones much of the ecosystem still runs (PyYAML under datacontract-cli, SnakeYAML
 * under Java tools, js-yaml 3). Values are plain JSON (what exporters build), written in block
 * style: two-space indents, `- ` items, multi-line text as `|` blocks, keys in their order.
 *
 * A string is written plain only when every reader reads it back as that string: not empty, no
 * surrounding spaces, no indicator first, no `: ` or ` #`, and nothing a 1.2 or 1.1 reader
 * resolves to another type (`yes`, `off`, `y`, `NO`, `~`, `0755`, `1_000`, `1e3`, `23:59:59`,
 * `2024-01-01`, `.5`, `<<` …). Anything else is double-quoted with escapes, including strings
 * with tabs (PyYAML stops a plain scalar at a tab) and with characters YAML 1.1 takes for line
 * breaks (U+0085, U+2028, U+2029) or refuses (C1 controls). Floats keep a fraction (`1.0e+21`),
 * which 1.1 readers need to see a float.
 *
 * Written by hand rather than through the `yaml` package: a thousand-product export writes ten
 * thousand documents, and building a YAML syntax tree for each cost seconds.
 */

/** Every plain scalar that YAML 1.2's core schema or a YAML 1.1 reader resolves to something other than a string. */
const NON_STRING_SCALARS = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  // Base 60 starts with 1-9 in YAML 1.1, but the `yaml` package's 1.1 reader takes `00:30` for 30 too.
  /^[-+]?(?:0b[01_]+|0o?[0-7_]+|[0-9][0-9_]*|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  // The `yaml` package's 1.1 reader takes `E1` and `.e5` for floats too.
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/,
  /^(?:<<|=)$/,
];

/** Every one of NON_STRING_SCALARS starts with one of these: a quick test spares most strings the list. */
const MAYBE_NON_STRING = /^[-+.0-9~<=yYnNtTfFoOeE]/;

/** Characters only a double-quoted scalar can hold: controls, tabs, and what YAML 1.1 reads as line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const NEEDS_ESCAPES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/u;
/** What JSON.stringify leaves raw that a YAML double-quoted scalar must escape. */
const LEFT_RAW_BY_JSON = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
/** A first character that makes a plain scalar mean something else (an indicator, a space). */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

function isPlainSafe(text: string): boolean {
  return (
    text.length > 0 &&
    !INDICATOR_FIRST.test(text) &&
    !/\s$/.test(text) &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':') &&
    !text.startsWith('...') &&
    !text.includes('\n') &&
    !NEEDS_ESCAPES.test(text) &&
    !(MAYBE_NON_STRING.test(text) && NON_STRING_SCALARS.some((pattern) => pattern.test(text)))
  );
}

/** A string in double quotes, with the escapes YAML 1.1 readers need beyond JSON's. */
export function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(LEFT_RAW_BY_JSON, (character) => {
    const code = character.charCodeAt(0);
    if (code === 0x2028) return '\\L';
    if (code === 0x2029) return '\\P';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Text that only a double-quoted string's escapes write so that every reader reads it back alike. */
export function needsEscapes(text: string): boolean {
  return NEEDS_ESCAPES.test(text);
}

/** A string in single quotes, or in double quotes when only escapes can write it. */
export function singleQuoted(text: string): string {
  return NEEDS_ESCAPES.test(text) || text.includes('\n') ? doubleQuoted(text) : `'${text.replaceAll("'", "''")}'`;
}

/** A `|` block for text of several lines, when one reads back exactly (else null: double quotes). */
function literalBlock(text: string, indent: string): string | null {
  if (!text.includes('\n') || NEEDS_ESCAPES.test(text) || /^\s/.test(text)) return null;
  const body = text.replace(/\n$/, '');
  // More than one final line break, or a line of spaces only, would not survive the block's rules.
  if (body.endsWith('\n') || body.split('\n').some((line) => line.length > 0 && line.trim() === '')) return null;
  const chomping = text.endsWith('\n') ? '' : '-';
  const lines = body.split('\n').map((line) => (line ? `${indent}${line}` : ''));
  return `|${chomping}\n${lines.join('\n')}`;
}

/** A scalar (string, number, boolean or null) as plain or double-quoted text every reader reads back alike. */
export function scalarText(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} has no place in a JSON value`);
    // `1e+21` → `1.0e+21`: YAML 1.1 readers take a float only with a fraction.
    return JSON.stringify(value).replace(/^(-?\d+)([eE])/, '$1.0$2');
  }
  if (typeof value === 'string') return isPlainSafe(value) ? value : doubleQuoted(value);
  throw new Error(`a ${typeof value} has no place in a JSON value`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function entriesOf(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, child]) => child !== undefined);
}

/** The lines of a collection at `indent`, or a scalar's text after `key: ` / `- `. */
function valueAfterIndicator(value: unknown, indent: string): string {
  if (Array.isArray(value)) return value.length === 0 ? ' []' : `\n${sequenceLines(value, indent)}`;
  if (isObject(value)) return entriesOf(value).length === 0 ? ' {}' : `\n${mappingLines(value, indent)}`;
  if (typeof value === 'string') {
    const block = literalBlock(value, indent);
    if (block) return ` ${block}`;
  }
  return ` ${scalarText(value)}`;
}

function mappingLines(value: Record<string, unknown>, indent: string): string {
  return entriesOf(value)
    .map(([key, child]) => `${indent}${scalarText(key)}:${valueAfterIndicator(child, `${indent}  `)}`)
    .join('\n');
}

function sequenceLines(items: readonly unknown[], indent: string): string {
  const inner = `${indent}  `;
  return items
    .map((item) => {
      const rendered = valueAfterIndicator(item === undefined ? null : item, inner);
      // A collection's first line moves up beside its dash: `- name: x`, `- - a`.
      return rendered.startsWith('\n') ? `${indent}- ${rendered.slice(1 + inner.length)}` : `${indent}-${rendered}`;
    })
    .join('\n');
}

/** A JSON value as YAML text that YAML 1.1 and 1.2 readers read back as the same value. */
export function toYamlText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : `${sequenceLines(value, '')}\n`;
  if (isObject(value)) return entriesOf(value).length === 0 ? '{}\n' : `${mappingLines(value, '')}\n`;
  return `${scalarText(value)}\n`;
}

/** Several values as one multi-document YAML stream (Kubernetes manifests, Backstage catalogs). */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map((value) => `---\n${toYamlText(value)}`).join('');
}

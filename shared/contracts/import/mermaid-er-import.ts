import { readAttributeComment } from '../../export/mermaid/er-attribute-comment';
import { logicalTypeWritten } from '../../export/mermaid/er-attribute-type';
import {
  ER_ATTRIBUTE_WORD,
  ER_ATTRIBUTE_WORD_REST,
  ER_ATTRIBUTE_WORD_START,
} from '../../export/mermaid/er-attribute-word';
import { decodeEntity } from '../../import/mermaid-flowchart';
import type { ContractProperty, SchemaObject } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import {
  type ImportNote,
  importedProperty,
  nestedProperty,
  type PropertyFacts,
  referenceableName,
  type SchemaImport,
  STATABLE_FACTS,
  unnamedProperty,
} from './imported-schema';
import { compositeForeignKeysOf } from './mermaid-er-composite-keys';
import type { Attribute, Entity, Relationship, TokenPlace } from './mermaid-er-diagram';
import { type ForeignKey, foreignKeysOf, linesImported } from './mermaid-er-foreign-keys';
import { type StatementStop, whereMermaidStops } from './mermaid-er-statement-stop';

/** A name: a word of letters, digits, `_` and `-`, or a quoted text. */
const NAME = String.raw`(?:"[^"]*"|[\p{L}\p{N}_][\p{L}\p{N}_-]*)`;
/** `["Alias"]` after an entity's name: what is between the brackets. */
const ALIAS = String.raw`\[("[^"]*"|[^\]]*)\]`;
/** `:::hot,alpine` after an entity's name: its classes. */
const CLASSES = String.raw`(?::::[\w-]+(?:\s*,\s*[\w-]+)*)`;
/** `A["Alias"] {`, `A:::hot {`, `A { int id PK }`, or an entity named alone: its name, alias and what follows its `{`. */
const ENTITY = new RegExp(String.raw`^(${NAME})(?:${ALIAS})?${CLASSES}?\s*(?:\{(.*))?$`, 'ud');
/**
 * An end of a relationship line as Mermaid writes it: crow's feet (`||`, `|o`, `}o`, `}|`, `o{`, `|{`),
 * words (`only one`, `zero or more`, `many(1)`) or numbers (`1`, `0+`, `1+`), longest first.
 */
const CARDINALITY = String.raw`(?:\|\||\|o|o\||\}o|o\{|\}\||\|\{|u(?=[.|-])|many\([01]\)|(?:only one|one or zero|one or more|one or many|one|zero or one|zero or more|zero or many|many)\b|[01]\+|1\b)`;
/** The line between the ends: `--` (identifying), `..`, `.-`, `-.`, or in words `to`, `optionally to`. */
const RELATIONSHIP_LINE = String.raw`(?:--|\.\.|\.-|-\.|\s(?:optionally )?to\s)`;
/**
 * `A ||--o{ B : label`, `A:::hot only one to zero or more B : label`: the two entities, each with its
 * alias (`A["Alias"]`, which Mermaid refuses there), and the label.
 */
const RELATIONSHIP = new RegExp(
  String.raw`^(${NAME})(?:${ALIAS})?${CLASSES}?\s*${CARDINALITY}\s*${RELATIONSHIP_LINE}\s*${CARDINALITY}\s*(${NAME})(?:${ALIAS})?${CLASSES}?\s*:\s*(.*)$`,
  'ud',
);
/**
 * A relationship line's first end `1` before a space and the line (`A 1 -- 0+ B`): Mermaid's lexer
 * takes `1` as a cardinality only right before the line (`1--`) or before a space and a name, so it refuses this.
 */
const ONE_BEFORE_SPACED_LINE = new RegExp(
  String.raw`^${NAME}(?:${ALIAS})?${CLASSES}?\s*1(?=\s+(?<line>--|\.\.|\.-|-\.))`,
  'u',
);
/**
 * `type name PK, FK "comment"`: one of Mermaid's attributes, read where the last one ended (a line
 * may hold several). An optional type (`date? death_date`) is its type: a property is not required unless said.
 * A generic type (`Map~string, int~`) runs, as Mermaid's lexer takes it, to the line's last `~` and on to a space.
 * A type with a space in its parameters (`numeric(10, 2)`) is read whole, to be refused saying how to write it.
 */
const ATTRIBUTE = new RegExp(
  String.raw`\s*(?<type>(?=(?<generic>\S*~.*~\S*))\k<generic>|${ER_ATTRIBUTE_WORD_START}${ER_ATTRIBUTE_WORD_REST}*?\([^)]*\s[^)]*\)(?:\[\])*|${ER_ATTRIBUTE_WORD})(?:\s*\?)?\s+(?<name>${ER_ATTRIBUTE_WORD})(?<keys>(?:\s*,?\s*(?:PK|FK|UK)\b)*)\s*(?<comment>"[^"]*")?\s*`,
  'iy',
);
/** `List~string~`, `Map~string,int~`: a type and the types it is of, between its first and last `~`. */
const GENERIC_TYPE = /^([^~]+)~(.+)~$/;
/** A quoted text, kept, or a `%%` comment to the end of the line: Mermaid reads `"100%% done"` as a comment's text. */
const COMMENT_OUTSIDE_QUOTES = /"[^"]*"|%%.*$/g;
/** A `\` outside quoted texts and generic types (`List~a\b~`, to the line's last `~`), which Mermaid lexes as no token. */
const BACKSLASH_OUTSIDE_QUOTES = /"[^"]*"|[^\s~]*~.*~|\\/g;
/** `subgraph id["Title"]`: a frame Mermaid (11.17 on) draws around the entities up to its `end`. */
const SUBGRAPH_HEADER = new RegExp(String.raw`^subgraph\s+(${NAME})(?:${ALIAS})?$`, 'iud');
/** A statement Mermaid reads as a subgraph's start, `subgraph` then a space (an entity's `subgraph[…]` is its name). */
const SUBGRAPH_START = /^subgraph(?:\s|$)/i;
/** A name Mermaid's lexer parts after its leading digits (`1x` is the entities `1` and `x`). */
const NUMBER_THEN_NAME = /^([0-9]+)([\p{L}_-].*)$/u;
/** A relationship's label Mermaid lexes as a number (`12`, `1.5`, the `1` of `1st order`), which it takes for no label. */
const NUMBER_START = /^[0-9]/;
/** A word of a text not in quotes, which Mermaid lexes as a name of its own (a subgraph's title). */
const WORD = /\S+/g;
/**
 * The label Mermaid reads after a relationship's `:`, a quoted text or a word of its lexer's (letters,
 * digits, `_`, `-`, `*`, `.` and all beyond ASCII: `it's` is `it`), the space after it, and what follows.
 */
const LABEL_THEN_MORE = /^("[^"]*"|[\P{ASCII}\w*.-]*)(\s*)(.*)$/u;
/**
 * Mermaid's keywords, which its lexer takes wherever a name could start (in any case, to a `\b` of ASCII
 * words): its statements', the cardinality words `one`, `many` and `u` (before `-`, `.`, `|`), and `to`;
 * `only`, `zero` and `optionally` are keywords only within their phrases (`only one`), so they are names.
 */
const KEYWORDS = ['end', 'one', 'many', 'to', 'style', 'classDef', 'class', 'subgraph', 'erDiagram'];
const KEYWORD_START = new RegExp(String.raw`^(?:(?:${KEYWORDS.join('|')})\b|u(?=[.|-]))`, 'i');
/** Lines Mermaid reads whole, `%%` and all, that say nothing of the schema: accessibility text and layout direction. */
const READ_WHOLE = /^(?:acc(?:Title|Descr)\s*:|direction\s+(?:TB|BT|RL|LR))/i;
/** `accDescr {`: a description Mermaid reads, `%%` and all, up to its `}`, over lines if need be. */
const DESCRIPTION_BLOCK = /^\s*accDescr\s*\{/i;
/** The front matter title our export gives a contract's diagram: its comments then follow our conventions. */
const OUR_EXPORT_TITLE = /^title:\s*"?Schema of contract /;
/** Our export names an entity outside the contract `estate (not in this contract)` or `estate (contract Estates)`. */
const OUTSIDE_THE_CONTRACT = /^(.+) \((?:not in this contract|contract .+)\)$/;

/**
 * A Mermaid `erDiagram` as schema objects: each entity with attributes an object, each attribute
 * a property (its type mapped to a logical type, `PK`, `UK`, its comment a description), an `FK`
 * attribute a foreign key to the entity a relationship line joins it to. Our own export reads
 * back: its schema objects' names as labelled (`links.v2`), its `required` and `measure` comments, original names (`net weight (kg)`), nested paths
 * (`notes.leaf[].colour`) and the entities outside the contract it draws; in a diagram our export
 * did not write (its title says), a comment is the property's description whatever it reads like.
 */
export function importMermaidEr(text: string): SchemaImport {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const notes: ImportNote[] = [];
  const located = (...[place, path, message]: Parameters<Note>): ImportNote => {
    const { line, column = 1, endColumn = (lines[line - 1]?.length ?? 0) + 1 } = place;
    return { path, message, line, column, endLine: line, endColumn };
  };
  const note: Note = (...noted) => notes.push(located(...noted));
  /** What Mermaid refuses to draw: the file is not imported, as the diagram it stands for does not exist. */
  const refusals: ImportNote[] = [];
  const refuse = (place: TokenPlace, message: string) => refusals.push(located(place, '(file)', message));
  /**
   * Whether `word`, written where Mermaid expects one name, is not one name to it: a number and a name,
   * or a keyword. Where an entity may stand alone (a statement's start), Mermaid draws the number and
   * the name as two entities; elsewhere (a relationship's second end, an alias, a subgraph's id) it refuses them.
   */
  const refusesName = (
    word: string,
    place: TokenPlace,
    { role = 'name an entity', isReadAsTwoEntities = false } = {},
  ) => {
    const [, number, rest] = NUMBER_THEN_NAME.exec(word) ?? [];
    if (number === undefined) return refusesKeyword(word, place, role);
    const reading = isReadAsTwoEntities
      ? `is read by Mermaid as two entities, '${number}' and '${rest}', as it reads a number on its own`
      : `starts with a number, which Mermaid reads on its own ('${number}', then '${rest}'), so it cannot ${role}`;
    refuse(place, `'${word}' ${reading}: rename it, or quote it ("${word}")`);
    return true;
  };
  /** Whether `word`, written where Mermaid expects a name, is one it lexes as its keyword (refused where it stands). */
  const refusesKeyword = (word: string, place: TokenPlace, role = 'name an entity') => {
    const written = KEYWORD_START.exec(word)?.[0].toLowerCase();
    if (written === undefined) return false;
    const keyword = KEYWORDS.find((candidate) => candidate.toLowerCase() === written) ?? written;
    const isWhole = word.toLowerCase() === written;
    const message = `'${word}' ${isWhole ? 'is' : 'starts with'} Mermaid's keyword \`${keyword}\`, so it cannot ${role}: rename it, or quote it ("${word}")`;
    refuse(place, message);
    return true;
  };
  /** Whether Mermaid refuses an alias: one not in quotes is one name to it (`B[keg]`, not `B[big keg]` or `B[1x]`). */
  const refusesAlias = (alias: string, place: TokenPlace) => {
    if (alias.startsWith('"')) return false;
    if (!/\s/.test(alias.trim())) return refusesName(alias.trim(), place);
    refuse(place, `Mermaid reads an alias not in quotes as one name, and '${alias}' is more: quote it (["${alias}"])`);
    return true;
  };
  /** Whether an end of a relationship line has an alias (`KEG["Keg"] ||--o{ TAP`), which Mermaid refuses there. */
  const refusesAliasOnRelationship = (
    name: string,
    alias: string | undefined,
    at: [number, number] | undefined,
    place: PlaceOf,
  ) => {
    if (alias === undefined || at === undefined) return false;
    refuse(
      place(at[0] - 1, alias.length + 2),
      `Mermaid refuses an alias on a relationship line: give the entity its alias where it is declared (${name}[${alias}] {…}, or alone on its line)`,
    );
    return true;
  };
  /** Whether a relationship line starts `A 1 -- …`, whose `1` Mermaid reads as no cardinality (see ONE_BEFORE_SPACED_LINE). */
  const refusesOneBeforeSpacedLine = (statement: string, place: PlaceOf) => {
    const one = ONE_BEFORE_SPACED_LINE.exec(statement);
    if (!one) return false;
    const line = one.groups?.line as string;
    refuse(
      place(one[0].length - 1, 1),
      `Mermaid reads \`1\` as a cardinality only right before the line (\`1${line}\`) or before a space and a name, not before a space and \`${line}\`: write \`1${line}\` or \`||${line}\``,
    );
    return true;
  };
  /**
   * Whether Mermaid refuses a relationship's label: a number (`12`, the `1` of `1st order`), a keyword, or
   * more after its first word or quoted text, which Mermaid reads as entities or refuses (`first order`, `"first" order`).
   */
  const refusesLabel = (label: string, at: number, place: PlaceOf) => {
    if (NUMBER_START.test(label)) {
      refuse(
        place(at, label.length),
        `'${label}' starts with a number, which Mermaid reads on its own, so it cannot label a relationship: quote it ("${label}")`,
      );
      return true;
    }
    if (refusesKeyword(label, place(at, label.length), 'label a relationship')) return true;
    const [, first = '', space = '', following = ''] = LABEL_THEN_MORE.exec(label) ?? [];
    if (following === '') return false;
    // Right after the label, only a quote starts more of the diagram; another character is no token Mermaid reads there.
    const isCharacterRefused = space === '' && (first === '' || !following.startsWith('"'));
    const whole = `"${[first, following].map((text) => text.replaceAll('"', '')).join(isCharacterRefused ? '' : ' ')}"`;
    if (isCharacterRefused) {
      const character = following[0] as string;
      const reading = first.startsWith('"')
        ? `the quoted text ${first} as a relationship's label, and refuses the \`${character}\` right after it: take it into the quotes (${whole})`
        : `a label not in quotes as a word of letters, digits, \`_\`, \`-\`, \`*\` and \`.\`, and refuses the \`${character}\` in '${label}': quote the label (${whole})`;
      refuse(place(at + first.length, character.length), `Mermaid reads ${reading}`);
      return true;
    }
    const reading = first.startsWith('"')
      ? `a label in quotes as the quoted text, ${first}`
      : `a label not in quotes as one word, '${first}'`;
    const rewrite = first.startsWith('"') ? `take it into the quotes (${whole})` : `quote the label (${whole})`;
    refuse(
      place(at + label.length - following.length, following.length),
      `Mermaid reads ${reading}, and what follows it ('${following}') as more of the diagram: ${rewrite}`,
    );
    return true;
  };
  const entities = new Map<string, Entity>();
  const relationships: Relationship[] = [];
  let isInFrontMatter = lines[0]?.trim() === '---';
  let isOurExport = false;
  // Our export labels each entity with its schema object's name; another diagram's label is for show.
  const objectNameOf = (name: string) => (isOurExport ? name : referenceableName(name));
  const entityOf = (id: string, place: TokenPlace, alias?: string) => {
    const entity = entities.get(id) ?? {
      id,
      name: id,
      objectName: objectNameOf(id),
      ...place,
      isOutside: false,
      attributes: [],
    };
    if (alias !== undefined) {
      const outside = OUTSIDE_THE_CONTRACT.exec(alias);
      const name = outside?.[1] ?? alias;
      Object.assign(entity, { name, objectName: objectNameOf(name), isOutside: Boolean(outside) });
    }
    entities.set(id, entity);
    return entity;
  };
  let hasHeader = false;
  /** The entity whose `{` block is being read, and where its `{` is. */
  let open: { entity: Entity; brace: TokenPlace } | undefined;
  /** Subgraphs opened and not yet closed by their `end`, a keyword where an entity could stand. */
  let openSubgraphs = 0;
  let isInDescription = false;
  lines.forEach((written, index) => {
    const line = index + 1;
    if (index === 0 && isInFrontMatter) return;
    if (isInFrontMatter) {
      const frontMatter = written.trim();
      isInFrontMatter = frontMatter !== '---';
      isOurExport ||= OUR_EXPORT_TITLE.test(frontMatter);
      return;
    }
    const descriptionFrom = isInDescription
      ? 0
      : hasHeader && !open
        ? DESCRIPTION_BLOCK.exec(written)?.[0].length
        : undefined;
    let raw = written;
    if (descriptionFrom !== undefined) {
      const closing = written.indexOf('}', descriptionFrom);
      isInDescription = closing === -1;
      if (isInDescription) return;
      // Blanked rather than cut, so what follows the `}` keeps its columns.
      raw = ' '.repeat(closing + 1) + written.slice(closing + 1);
    }
    if (hasHeader && !open && READ_WHOLE.test(raw.trim())) return;
    const comment = commentAt(raw);
    // Mermaid leaves out only a comment on a line of its own; a directive `%%{…}%%` it takes anywhere.
    if (comment !== undefined && raw[comment + 2] !== '{' && raw.slice(0, comment).trim() !== '')
      refuse(
        { line, column: comment + 1, endColumn: raw.length + 1 },
        'Mermaid refuses a `%%` comment after a statement: give the comment a line of its own',
      );
    const uncommented = raw.replace(COMMENT_OUTSIDE_QUOTES, (token) => (token.startsWith('%%') ? '' : token));
    const backslash = [...uncommented.matchAll(BACKSLASH_OUTSIDE_QUOTES)].find((token) => token[0] === '\\');
    if (backslash)
      refuse(
        { line, column: backslash.index + 1, endColumn: backslash.index + 2 },
        'Mermaid refuses a `\\` outside quotes: `\\"` does not escape a quote but ends the quoted text; write the quote as `#quot;`',
      );
    const statement = uncommented.trim();
    const startColumn = uncommented.length - uncommented.trimStart().length + 1;
    /** The place of the statement's text from `at` on, `length` characters long. */
    const placeOf: PlaceOf = (at, length) => {
      const column = startColumn + at;
      return { line, column, endColumn: column + length };
    };
    if (statement === '') return;
    if (!hasHeader) {
      hasHeader = /^erDiagram\b/.test(statement);
      if (!hasHeader)
        note({ line, column: startColumn }, '(file)', 'not an erDiagram: it should start with `erDiagram`');
      return;
    }
    if (open) {
      if (readInBlock(statement, { line, column: startColumn }, open.entity)) open = undefined;
      return;
    }
    if (SUBGRAPH_START.test(statement) && !RELATIONSHIP.test(statement)) {
      // A header refused still opens a subgraph, so that its `end` is not refused too.
      openSubgraphs++;
      const header = SUBGRAPH_HEADER.exec(statement);
      if (!header) {
        refuse(
          placeOf(0, 'subgraph'.length),
          'Mermaid reads `subgraph` as the start of a subgraph, whose header is `subgraph id` or `subgraph id["Title"]` alone on its line: write it so, or quote an entity named so ("subgraph")',
        );
        return;
      }
      const [, id = '', title] = header;
      const [, idAt = [0], titleAt = [0]] = header.indices ?? [];
      const isIdRefused = refusesName(id, placeOf(idAt[0], id.length), { role: 'name a subgraph' });
      // Mermaid reads a title not in quotes as names, so as to refuse a keyword among them.
      const titleWords = title === undefined || title.startsWith('"') ? [] : [...title.matchAll(WORD)];
      const refusedTitleWords = titleWords.filter((word) =>
        refusesKeyword(word[0], placeOf(titleAt[0] + word.index, word[0].length), 'title a subgraph'),
      );
      if (isIdRefused || refusedTitleWords.length > 0) return;
      const message = `${statement} not imported: a contract does not group its schema objects (the entities in it are)`;
      note(placeOf(0, statement.length), '(file)', message);
      return;
    }
    if (statement.toLowerCase() === 'end') {
      if (openSubgraphs === 0) refuse(placeOf(0, 3), 'Mermaid refuses `end` where no subgraph is open: remove it');
      else openSubgraphs--;
      return;
    }
    const relationship = RELATIONSHIP.exec(statement);
    if (relationship) {
      const [, from = '', fromAlias, to = '', toAlias, label = ''] = relationship;
      const [, fromAt = [0], fromAliasAt, toAt = [0], toAliasAt, labelAt = [0]] = relationship.indices ?? [];
      const refusedWords = [
        refusesName(from, placeOf(fromAt[0], from.length), { isReadAsTwoEntities: true }),
        refusesName(to, placeOf(toAt[0], to.length)),
        refusesAliasOnRelationship(from, fromAlias, fromAliasAt, placeOf),
        refusesAliasOnRelationship(to, toAlias, toAliasAt, placeOf),
        // A label cut short by a `\"` is refused above, with how to write the quote.
        backslash === undefined && refusesLabel(label, labelAt[0], placeOf),
        refusesOneBeforeSpacedLine(statement, placeOf),
      ];
      if (refusedWords.includes(true)) return;
      relationships.push({
        from: entityOf(unquoted(from), placeOf(fromAt[0], from.length)).id,
        to: entityOf(unquoted(to), placeOf(toAt[0], to.length)).id,
        label: unquoted(label.trim()),
        ...placeOf(0, statement.length),
      });
      return;
    }
    const entity = ENTITY.exec(statement);
    if (entity) {
      const [, id = '', alias, block] = entity;
      const [, , aliasAt = [0]] = entity.indices ?? [];
      const isIdRefused = refusesName(id, placeOf(0, id.length), { isReadAsTwoEntities: true });
      const isAliasRefused = alias !== undefined && refusesAlias(alias, placeOf(aliasAt[0], alias.length));
      if (isIdRefused || isAliasRefused) return;
      const declared = entityOf(unquoted(id), placeOf(0, id.length), alias === undefined ? undefined : unquoted(alias));
      const blockColumn = startColumn + statement.length - (block?.length ?? 0);
      if (block !== undefined && !readInBlock(block, { line, column: blockColumn }, declared))
        open = { entity: declared, brace: { line, column: blockColumn - 1, endColumn: blockColumn } };
      return;
    }
    // Past a refusal Mermaid has stopped, so where it would stop next is not known (a refused entity's block reads as statements).
    const stop = refusals.length === 0 ? whereMermaidStops(statement) : undefined;
    if (stop) {
      refuse(placeOf(stop.at, stop.length), refusedStatementMessage(stop));
      return;
    }
    note(placeOf(0, statement.length), '(file)', `not read: ${statement}`);
  });
  /** Reads the attributes of a line inside an entity's block; whether the line closes the block (`}`). */
  function readInBlock(text: string, { line, column }: { line: number; column: number }, entity: Entity): boolean {
    const closes = /\}\s*$/.test(text);
    const attributes = closes ? text.replace(/\}\s*$/, '') : text;
    ATTRIBUTE.lastIndex = 0;
    let readTo = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
      const [written] = match;
      const { type = '', name = '', keys = '', comment } = match.groups ?? {};
      const startsAt = column + match.index + written.length - written.trimStart().length;
      readTo = ATTRIBUTE.lastIndex;
      if (/\s/.test(type) && !type.includes('~')) {
        // Mermaid takes the type up to the space, and refuses the parameter after it.
        refuse(
          { line, column: startsAt + type.search(/(?<=\s)\S/), endColumn: startsAt + type.length },
          `Mermaid reads an attribute's type as one word, and '${type}' has a space: write it without (${type.replace(/\s+/g, '')})`,
        );
        continue;
      }
      entity.attributes.push({
        // Mermaid's lexer takes an optional generic type's `?` (`List~int~?`) into its word.
        type: type.replace(/\?$/, ''),
        name,
        keys: new Set(keys.toUpperCase().match(/PK|FK|UK/g) ?? []),
        read: readAttributeComment(name, comment === undefined ? undefined : unquoted(comment), isOurExport),
        line,
        column: startsAt,
        endColumn: startsAt + written.trim().length,
      });
    }
    const rest = attributes.slice(readTo);
    const unread = rest.trim();
    const unreadColumn = column + readTo + rest.length - rest.trimStart().length;
    if (unread !== '')
      note(
        { line, column: unreadColumn, endColumn: unreadColumn + unread.length },
        entity.name,
        `attribute not read: ${unread}`,
      );
    return closes;
  }
  if (!hasHeader) return { ok: false, format: 'mermaid-er', errors: notes.slice(0, 1) };
  // Mermaid refuses a block left open, and a file cut off mid-entity would import as if whole.
  if (open) refusals.push(unclosedBlockError(open.entity, open.brace));
  if (refusals.length > 0) return { ok: false, format: 'mermaid-er', errors: refusals };

  const inContract = [...entities.values()].filter((entity) => !entity.isOutside);
  for (const entity of inContract.filter((candidate) => candidate.attributes.length === 0))
    note(entity, entity.name, `${entity.name} has no attributes: not imported as a schema object`);
  const foreignKeys = foreignKeysOf(entities, relationships);
  const objects = inContract
    .filter((entity) => entity.attributes.length > 0)
    .map((entity) => schemaObjectOf(entity, entities, relationships, foreignKeys, note));
  if (objects.length === 0) {
    const { line = 1, column = 1 } = inContract[0] ?? {};
    return {
      ok: false,
      format: 'mermaid-er',
      errors: [
        {
          line,
          column,
          endLine: line,
          endColumn: column,
          path: '(file)',
          message: 'no entity with attributes to import',
        },
      ],
    };
  }
  return { ok: true, format: 'mermaid-er', objects, notes, statedFacts: STATABLE_FACTS };
}

/** Why Mermaid refuses a statement where it stops, and how its statements are written. */
function refusedStatementMessage({ read, expected, refused }: StatementStop): string {
  const after = read === '' ? 'at the start of a statement' : `after \`${read}\``;
  const found = refused === undefined ? 'the line ends there' : `not \`${refused}\``;
  return `Mermaid expects ${expected} ${after}, ${found}, and refuses the diagram: write a relationship line as \`A ||--o{ B : label\`, each end a cardinality (\`||\`, \`|o\`, \`}o\`, \`}|\`, \`one\`, \`zero or more\`…)`;
}

/** Where a `%%` comment starts on a line, outside quotes (Mermaid reads `"100%% done"` as quoted text). */
function commentAt(line: string): number | undefined {
  for (const token of line.matchAll(COMMENT_OUTSIDE_QUOTES)) if (token[0].startsWith('%%')) return token.index;
  return undefined;
}

function unclosedBlockError(entity: Entity, brace: TokenPlace): ImportNote {
  return {
    path: entity.name,
    message: `the block of ${entity.name} opened here with \`{\` is never closed with \`}\`: was the file cut off? Close it, then import again`,
    line: brace.line,
    column: brace.column,
    endLine: brace.line,
    endColumn: brace.endColumn,
  };
}

/** The place of a statement's text from `at` on, `length` characters long. */
type PlaceOf = (at: number, length: number) => TokenPlace;

/** Notes what is not imported at `place` (to the end of its line where no end is given). */
type Note = (place: { line: number; column?: number; endColumn?: number }, path: string, message: string) => void;

function schemaObjectOf(
  entity: Entity,
  entities: ReadonlyMap<string, Entity>,
  relationships: readonly Relationship[],
  foreignKeys: ReadonlyMap<Attribute, ForeignKey>,
  note: Note,
): SchemaObject {
  const name = entity.objectName;
  const keyNames = entity.attributes.filter((attribute) => attribute.keys.has('PK'));
  const compositeKeys = compositeForeignKeysOf(entity, entities, foreignKeys);
  const inCompositeKey = new Set(compositeKeys.flatMap((compositeKey) => compositeKey.attributes));
  const fields = entity.attributes.map((attribute) => {
    const { read } = attribute;
    const path = `${name}.${read.name}`;
    const foreignKey = inCompositeKey.has(attribute) ? undefined : foreignKeys.get(attribute)?.to;
    if (attribute.keys.has('FK') && !foreignKeys.has(attribute))
      note(
        attribute,
        path,
        `FK ${attribute.name}: no relationship line says which entity it refers to, not imported as a relationship`,
      );
    const position = keyNames.indexOf(attribute);
    const facts: PropertyFacts = {
      required: read.isRequired || position !== -1,
      unique: attribute.keys.has('UK'),
      primaryKey: position !== -1,
      ...(position !== -1 && keyNames.length > 1 && { primaryKeyPosition: position + 1 }),
      ...(read.description !== undefined && { description: read.description }),
      ...((foreignKey || read.isMeasure) && {
        extensions: {
          ...(read.isMeasure && { semanticType: 'measure' }),
          ...(foreignKey && { relationships: [{ type: 'foreignKey', to: foreignKey }] }),
        },
      }),
    };
    return { path: read.name, type: logicalTypeOf(attribute, path, note), facts };
  });
  const importedLines = linesImported(foreignKeys, relationships);
  for (const relationship of relationships.filter(
    (candidate) => candidate.from === entity.id && !importedLines.has(candidate),
  ))
    note(
      relationship,
      name,
      `relationship ${entity.name} – ${entities.get(relationship.to)?.name} "${relationship.label}" names no FK attribute: not imported`,
    );
  const keyRelationships = compositeKeys.map(({ attributes, to }) => ({
    type: 'foreignKey',
    from: attributes.map((attribute) => `${name}.${attribute.read.name}`),
    to,
  }));
  return {
    name,
    physicalName: name,
    properties: nested(fields),
    ...(keyRelationships.length > 0 && { extensions: { relationships: keyRelationships } }),
  };
}

/** What an attribute's written type says of its property: `items` for a list of a type (`string[]`), `map` for a map. */
interface WrittenType {
  logicalType?: LogicalType;
  nested?:
    | { items: Record<string, unknown> }
    | { map: { key: Record<string, unknown>; value: Record<string, unknown> } };
}

interface FieldType extends WrittenType {
  physicalType?: string;
}

function logicalTypeOf(attribute: Attribute, path: string, note: Note): FieldType {
  const written = attribute.type;
  const type = typeWritten(written, (type, reading) =>
    note(attribute, path, `${type} ${reading} (physicalType ${written})`),
  );
  if (type.logicalType === undefined) return {};
  return written === type.logicalType ? type : { ...type, physicalType: written };
}

/** Notes that `type`, written in the attribute's type, is read as `reading` says. */
type NoteReading = (type: string, reading: string) => void;

/**
 * The logical type a written type stands for: an array of its items for `string[]`, `List~string~`
 * or `array~string~`, a map for `Map~string,int~`; none for `any`, a string (noted, `asUnknown`
 * says how) for a type it does not know.
 */
function typeWritten(written: string, noteReading: NoteReading, asUnknown = 'imported as a string'): WrittenType {
  const listOf = /^(.+)\[\]$/.exec(written)?.[1];
  if (listOf !== undefined) return arrayOf(listOf, noteReading);
  const [, base = '', parameters = ''] = GENERIC_TYPE.exec(written) ?? [];
  const genericType = base === '' ? undefined : logicalTypeWritten(base, () => undefined);
  if (genericType === 'array' || genericType === 'map') {
    const types = typeParameters(parameters);
    const [first = '', second = ''] = types;
    if (genericType === 'array' && types.length === 1) return arrayOf(first, noteReading);
    if (genericType === 'map' && types.length === 2) {
      const key = itemWritten(first, noteReading, 'its keys imported as strings');
      const value = itemWritten(second, noteReading, 'its values imported as strings');
      return { logicalType: 'map', nested: { map: { key, value } } };
    }
    const takes = genericType === 'map' ? 'a map takes 2 (key, value)' : 'an array takes 1';
    noteReading(written, `names ${types.length} type${types.length === 1 ? '' : 's'} where ${takes}: ${asUnknown}`);
    return { logicalType: 'string' };
  }
  return {
    logicalType: logicalTypeWritten(written, () => noteReading(written, `has no ODCS logical type: ${asUnknown}`)),
  };
}

function arrayOf(element: string, noteReading: NoteReading): WrittenType {
  const items = itemWritten(element, noteReading, 'its items imported as strings');
  return { logicalType: 'array', ...(Object.keys(items).length > 0 && { nested: { items } }) };
}

/** An array's items, a map's key or value as ODCS writes them: no logical type for `any`. */
function itemWritten(written: string, noteReading: NoteReading, asUnknown: string): Record<string, unknown> {
  const { logicalType, nested } = typeWritten(written, noteReading, asUnknown);
  return logicalType === undefined ? {} : unnamedProperty(logicalType, nested && { extensions: nested });
}

/** The types a generic type is of, parted at its commas outside `(…)` and nested `~…~` (`Map~string,decimal(5,2)~`). */
function typeParameters(written: string): string[] {
  const parameters: string[] = [];
  let parameter: string | undefined;
  for (const piece of written.split(',')) {
    parameter = parameter === undefined ? piece : `${parameter},${piece}`;
    const isWhole = count(parameter, '~') % 2 === 0 && count(parameter, '(') === count(parameter, ')');
    if (isWhole) {
      parameters.push(parameter.trim());
      parameter = undefined;
    }
  }
  if (parameter !== undefined) parameters.push(parameter.trim());
  return parameters;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

interface Field {
  path: string;
  type: FieldType;
  facts: PropertyFacts;
}

/** The fields as properties, each nested one (`notes.leaf`, `notes.leaf[]`, `notes.leaf[].colour`) in its parent. */
function nested(fields: readonly Field[]): ContractProperty[] {
  const paths = new Set(fields.map((field) => field.path));
  const parentOf = (path: string) => {
    const parent = /^(.*)(?:\.[^.]+|\[\])$/.exec(path)?.[1];
    return parent !== undefined && paths.has(parent) ? parent : undefined;
  };
  const propertyOf = (field: Field): ContractProperty => {
    const children = fields.filter((candidate) => parentOf(candidate.path) === field.path);
    const items = children.find((child) => child.path === `${field.path}[]`);
    const named = children.filter((child) => child !== items);
    const own = field.path.slice((parentOf(field.path)?.length ?? -1) + 1);
    const property = importedProperty(own, field.type.logicalType ?? 'string', {
      ...field.facts,
      ...(field.type.physicalType !== undefined && { physicalType: field.type.physicalType }),
      extensions: {
        ...field.facts.extensions,
        ...field.type.nested,
        ...(named.length > 0 && { properties: named.map((child) => nestedProperty(propertyOf(child))) }),
        ...(items && { items: withoutName(nestedProperty(propertyOf(items))) }),
      },
    });
    if (field.type.logicalType === undefined) delete property.logicalType;
    return property;
  };
  return fields.filter((field) => parentOf(field.path) === undefined).map(propertyOf);
}

function withoutName({ name: _name, ...item }: Record<string, unknown>): Record<string, unknown> {
  return item;
}

function unquoted(text: string): string {
  const inner = /^"(.*)"$/.exec(text)?.[1] ?? text;
  return inner.replace(/#(\w+);/g, (_, name: string) => decodeEntity(name));
}

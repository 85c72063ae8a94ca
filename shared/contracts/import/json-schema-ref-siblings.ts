/**
 * What a schema that refers to another (`{ "$ref": "#/$defs/person", "description": "Registered
 * owner" }`) says with its other keywords. Its annotations describe this use of the referred
 * schema, so they are taken over the referred schema's own in every draft. Its other keywords
 * apply beside the `$ref` from draft 2019-09 on, so they are taken where the referred schema has
 * none of its own (where it has, both apply, which one keyword cannot say); drafts 4 to 7 ignore
 * them, as their validators do.
 */

const ANNOTATIONS = new Set(['title', 'description', 'examples', '$comment']);

/** Drafts whose `$ref` ignores the keywords beside it. */
const REF_ALONE_DRAFTS = /json-schema\.org\/draft-0[3-7]\/schema/;

export interface RefSiblingsApplied<Schema> {
  schema: Schema;
  /** The keywords beside the `$ref` that were not taken, each with why. */
  ignored: { keyword: string; why: string }[];
}

export function withRefSiblings<Schema extends Record<string, unknown>>(
  referring: Schema,
  referred: Schema,
  draft: unknown,
): RefSiblingsApplied<Schema> {
  const schema: Record<string, unknown> = { ...referred };
  const ignored: { keyword: string; why: string }[] = [];
  const isRefAlone = typeof draft === 'string' && REF_ALONE_DRAFTS.test(draft);
  for (const [keyword, value] of Object.entries(referring)) {
    if (keyword === '$ref') continue;
    if (ANNOTATIONS.has(keyword)) schema[keyword] = value;
    else if (isRefAlone) ignored.push({ keyword, why: `${draftName(draft)} ignores keywords beside a $ref` });
    else if (!(keyword in referred)) schema[keyword] = value;
    else if (JSON.stringify(referred[keyword]) !== JSON.stringify(value)) {
      ignored.push({ keyword, why: `the schema it refers to has its own ${keyword}, which is imported` });
    }
  }
  return { schema: schema as Schema, ignored };
}

function draftName(draft: unknown): string {
  const match = /draft-0(\d)/.exec(String(draft));
  return match ? `draft ${match[1]}` : 'this draft';
}

/** The title the app gives its logical view: `Logical view: <design or domain>`. */
export const OWN_LOGICAL_VIEW_TITLE = /^Logical view: /;

/** Stands in for each character of a line break cut inside a word, so that columns keep their places; a label drops it. */
export const CUT_INSIDE_WORD = '\uE002';

/**
 * The body of a flowchart with the line breaks its labels have inside words masked, when its
 * title says it is the app's own logical view: that export keeps a space before a break between
 * words (` <br/>`, in a box's YAML ` \n`) and cuts a word too long for a line with none
 * (`Klinkerqualitätsüber\nwachung`, see `mermaidLines`), so only there does a break between two
 * other characters tell a cut word from two words, as another tool's `nightly<br>batch` does not.
 */
export function withCutWordsMasked(body: string, title: string | undefined): string {
  if (title === undefined || !OWN_LOGICAL_VIEW_TITLE.test(title)) return body;
  return body.replace(/(?<=\S)(?:<br\/>|\\n)(?=\S)/g, (cut) => CUT_INSIDE_WORD.repeat(cut.length));
}

/**
 * Why Mermaid refuses a statement that lacks what its keyword asks for (`style A` with no styles,
 * `click A` with no page), writes more than its keyword takes (`class A foo bar`, `click A "u" "t" "x"`),
 * starts with a word only a `click` takes (`call`, `href`), or ends with a space where its last word
 * must end it (`class A foo `): the importer would otherwise skip it as a style or a click, where
 * Mermaid draws nothing of the diagram.
 */
export function whyIncomplete(statement: string, endsWithSpace = false): string | undefined {
  const written = statement.trim();
  const why = whyWrittenRefused(written);
  if (why !== undefined || !endsWithSpace) return why;
  const lastWord = LAST_WORDS[written.split(/\s+/)[0] as string]?.(written);
  return lastWord && `Mermaid refuses the space after \`${written}\`: ${lastWord}. Remove the space.`;
}

/** What must end each statement Mermaid refuses a space after, if this one is such a statement. */
const LAST_WORDS: Readonly<Record<string, (written: string) => string | undefined>> = {
  class: () => 'a `class` line must end right after its class name',
  click: () => 'a `click` line must end right after its last word',
  linkStyle: (written) =>
    /^linkStyle\s+\S+\s+interpolate\s+\S+$/.test(written)
      ? 'a `linkStyle` line must end right after its curve, or go on with styles'
      : undefined,
};

/** Why Mermaid refuses a statement, its spaces at either end aside. */
function whyWrittenRefused(written: string): string | undefined {
  const [keyword = '', subject, action, ...rest] = written.split(/\s+/);
  if (keyword === 'call' || keyword === 'href') {
    return `Mermaid takes \`${keyword}\` only in a \`click\` (\`click A ${keyword} …\`) and refuses a statement starting with it: give the node another id.`;
  }
  if (keyword === 'click')
    return whyClickRefused(`\`${written}\``, written.replace(/^click(?:\s+\S*)?\s*/, ''), subject);
  if (keyword === 'class' && rest.length > 0) return whyClassGoesOn(written);
  if (keyword === 'linkStyle' && action === 'interpolate' && rest.length === 0) {
    return `\`${written}\` names no curve after \`interpolate\`, and Mermaid refuses it: add one (\`linkStyle ${subject} interpolate basis\`), or remove the line.`;
  }
  const example = STYLE_EXAMPLES[keyword];
  if (!example || action !== undefined) return undefined;
  const lacks = keyword === 'class' ? 'names no class' : 'has no styles';
  return `\`${written}\` ${lacks}, and Mermaid refuses it: add ${example(subject)}, or remove the line.`;
}

/** What to add to a style statement, as an example for its subject (or a made-up one). */
const STYLE_EXAMPLES: Readonly<Record<string, (subject: string | undefined) => string>> = {
  style: (id = 'A') => `them (\`style ${id} fill:#f9f\`)`,
  classDef: (name = 'leak') => `them (\`classDef ${name} fill:#f9f\`)`,
  class: (ids = 'A') => `one (\`class ${ids} leak\`)`,
  linkStyle: (links = '0') => `them (\`linkStyle ${links} stroke:#f00\`)`,
};

/** Mermaid's `class` takes its nodes joined by commas alone, then one class name: nothing after it. */
function whyClassGoesOn(written: string): string {
  const joined = written.replace(/\s*,\s*/g, ',');
  const [, ids, className, ...after] = joined.split(/\s+/);
  if (after.length === 0) {
    return `\`${written}\` parts its nodes with spaces, and Mermaid refuses it: join them with commas alone (\`${joined}\`).`;
  }
  return `\`${written}\` goes on after its class name \`${className}\`, and Mermaid refuses it: a \`class\` line takes one class (\`class ${ids} ${className}\`), so put another class on a line of its own.`;
}

/** What may follow a click's page (`"https://…"` or `href "https://…"`), in this order. */
const AFTER_A_PAGE = ['tooltip', 'target'] as const;
/** What may follow a click's callback (`cb` or `call cb(…)`). */
const AFTER_A_CALLBACK = ['tooltip'] as const;
const LINK_TARGETS = new Set(['_self', '_blank', '_parent', '_top']);
const CLICK_PAGE = /^(?:href\s)?"[^"]*"/;
const CLICK_CALL = /^call\s+[^(]*\([^)]*\)/;

/** Why Mermaid refuses a click: `action` is all written after its node id. */
function whyClickRefused(written: string, action: string, id = 'A'): string | undefined {
  if (action === '') {
    return `${written} says no page or callback, and Mermaid refuses it: add one (\`click ${id} "https://…"\`), or remove the line.`;
  }
  if (action === 'href' || action === 'call') {
    const what = action === 'href' ? 'page' : 'callback';
    return `${written} names no ${what} after \`${action}\`, and Mermaid refuses it: add one, or remove the line.`;
  }
  if (/^call\s/.test(action) && !CLICK_CALL.test(action)) {
    return `${written} gives its callback no brackets, and Mermaid refuses it: write them after its name (\`click ${id} call callback()\`).`;
  }
  const page = CLICK_PAGE.exec(action)?.[0];
  const callback = page || CLICK_CALL.test(action) ? undefined : (wordsOf(action)[0] as string);
  if (callback !== undefined && /[()]/.test(callback)) {
    const name = callback.split(/[()]/)[0] || 'callback';
    return `${written} gives its callback brackets without \`call\`, and Mermaid refuses it: write \`click ${id} call ${name}()\`, or the name alone (\`click ${id} ${name}\`).`;
  }
  const start = page ?? CLICK_CALL.exec(action)?.[0] ?? (callback as string);
  const refused = firstOutOfOrder(wordsOf(action.slice(start.length)), page ? AFTER_A_PAGE : AFTER_A_CALLBACK);
  if (refused === undefined) return undefined;
  const takes = page
    ? `after its page a click takes only a tooltip in quotes, then a target (\`click ${id} "https://…" "tip" _blank\`)`
    : `after its callback a click takes only a tooltip in quotes (\`click ${id} callback "tip"\`)`;
  return `Mermaid refuses \`${refused}\` in ${written}: ${takes}. Remove it, or put it in the tooltip.`;
}

/** The first word that is not, in order, one of the kinds allowed (a tooltip in quotes, a target). */
function firstOutOfOrder(words: readonly string[], allowed: readonly string[]): string | undefined {
  let next = 0;
  for (const word of words) {
    const kind = word.startsWith('"') ? 'tooltip' : LINK_TARGETS.has(word) ? 'target' : undefined;
    const at = kind === undefined ? -1 : allowed.indexOf(kind, next);
    if (at < 0) return word;
    next = at + 1;
  }
  return undefined;
}

/** A click's words: a quoted string, spaces and all, is one. */
function wordsOf(text: string): string[] {
  return text.match(/"[^"]*"?|[^\s"]+/g) ?? [];
}

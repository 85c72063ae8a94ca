import { Memo } from '../../lineage/memo';
import { quoted } from '../../model';
import { codePointLabel, everyControlEscaped, hiddenCharactersIn } from '../../model/control-characters';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { NAMED_SECTIONS, type NameOwner, namesOf } from '../named-elements';
import type { Rule } from '../rule';

export const nameCharactersRule: Rule = {
  id: 'name-characters',
  title: 'Names hold no hidden characters',
  rationale:
    'A control character (NUL, escape, a line break) shows as nothing or a box and breaks the files exports write; a bidirectional override or isolate shows a name in another order than it is written.',
  defaultSeverity: 'error',
  reads: ['domains', 'product outlines', 'systems', 'contracts'],
  check({ mesh, graph }) {
    return NAMED_SECTIONS.flatMap((section) =>
      findingsPerElement(findingsByOwner, mesh[section], [], (owner) =>
        namesOf(section, owner).flatMap((element) => {
          const { controls, bidiControls } = hiddenCharactersIn(element.name);
          if (controls.length + bidiControls.length === 0) return [];
          const holds = [
            controls.length > 0 &&
              `${plural(controls, 'a control character')} (${controls.map(codePointLabel).join(', ')})`,
            bidiControls.length > 0 &&
              `${plural(bidiControls, 'a bidirectional control')} (${bidiControls.map(codePointLabel).join(', ')}), which shows it in another order than it is written`,
          ].filter((part) => part !== false);
          return [
            {
              ...element.place(graph),
              message: `The name of ${element.noun} ${quoted(everyControlEscaped(element.name))} holds ${holds.join(' and ')}.`,
              fixHint: `Rename the ${element.noun} without them (shown escaped here, as \\u…); right-to-left names need none of them.`,
              // A reordered name misleads a reader; a control character also breaks files.
              severity: controls.length > 0 ? 'error' : 'warning',
            },
          ];
        }),
      ),
    );
  },
};

const plural = (characters: readonly string[], one: string) =>
  characters.length === 1 ? one : one.replace(/^an? (.*)$/, '$1s');

/** Per domain, product, system or contract: the findings of its own name and its ports' or topics'. */
const findingsByOwner = new Memo<NameOwner, RuleFinding[]>();

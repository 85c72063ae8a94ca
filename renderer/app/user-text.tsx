import { controlsEscaped } from '../../shared/model/control-characters';

/**
 * Text the user typed (a name) shown among the app's own: isolated from what is around it, so a
 * right-to-left name, or a bidirectional override in it (U+202E), reorders nothing outside itself.
 * Every name the UI draws goes through here; `<bdi>` isolates and takes its direction from the name.
 * Control characters (NUL, a line break), which would show as nothing or a box, show escaped (`\u0000`).
 */
export function UserText({ text }: { text: string }) {
  return <bdi>{controlsEscaped(text)}</bdi>;
}

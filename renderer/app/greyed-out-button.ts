/** What a button greyed out but still focusable takes: aria-disabled, and no click while greyed out. */
export interface GreyedOutButtonProps {
  'aria-disabled': true | undefined;
  onClick: (() => void) | undefined;
}

/**
 * Greys a button out with aria-disabled rather than `disabled`: a button that greys itself out as
 * it is pressed (Reset while the run starts again, Step back with nothing left to go back to) keeps
 * the keyboard focus, where `disabled` drops it on <body> and the next Enter presses nothing.
 */
export function greyedOutUnless(isEnabled: boolean, onPress: () => void): GreyedOutButtonProps {
  return { 'aria-disabled': isEnabled ? undefined : true, onClick: isEnabled ? onPress : undefined };
}

import { useCallback, useEffect, useRef } from 'react';
import { useUiStore } from '../../store/ui-store';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/**
 * A ref for the field that takes the focus, its text selected for typing over, when the UI asks
 * for `elementId`'s first field (the element was just added); `onFocused` runs once it has it.
 */
export function useFocusWhenAdded(
  elementId: string | undefined,
  onFocused?: () => void,
): (field: TextInput | null) => void {
  const field = useRef<TextInput | null>(null);
  const focusRequest = useUiStore((state) => state.nameFocusRequest);
  useEffect(() => {
    if (!elementId || focusRequest !== elementId) return;
    field.current?.focus();
    field.current?.select();
    onFocused?.();
    useUiStore.getState().requestNameFocus(null);
  }, [elementId, focusRequest, onFocused]);
  return useCallback((element: TextInput | null) => {
    field.current = element;
  }, []);
}

import { useCallback, useEffect, useRef } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { takeTypedAhead } from './typed-ahead';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/**
 * A ref for the field that takes the focus, its text selected for typing over, when the UI asks
 * for `elementId`'s first field (the element was just added), typing what was typed before it
 * had the focus; `onFocused` runs once it has it. What is typed there under `fieldKey` is part of
 * the step that added the element.
 */
export function useFocusWhenAdded(
  elementId: string | undefined,
  fieldKey: string,
  onFocused?: () => void,
): (field: TextInput | null) => void {
  const field = useRef<TextInput | null>(null);
  const focusRequest = useUiStore((state) => state.nameFocusRequest);
  useEffect(() => {
    if (!elementId || focusRequest !== elementId) return;
    field.current?.focus();
    field.current?.select();
    // After the focus moved: the blur of the field that had it ends its own typing first.
    useDocumentStore.getState().continueLastStep(fieldKey);
    const typed = takeTypedAhead(elementId);
    // As typed keys do: the field's change handler and its own undo see it.
    if (typed && field.current) document.execCommand('insertText', false, typed);
    onFocused?.();
    useUiStore.getState().requestNameFocus(null);
  }, [elementId, fieldKey, focusRequest, onFocused]);
  return useCallback((element: TextInput | null) => {
    field.current = element;
  }, []);
}

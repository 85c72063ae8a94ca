import { useCallback, useEffect, useRef } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/**
 * A ref for the field that takes the focus, its text selected for typing over, when the UI asks
 * for `elementId`'s first field (the element was just added); `onFocused` runs once it has it.
 * What is typed there under `fieldKey` is part of the step that added the element.
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
    onFocused?.();
    useUiStore.getState().requestNameFocus(null);
  }, [elementId, fieldKey, focusRequest, onFocused]);
  return useCallback((element: TextInput | null) => {
    field.current = element;
  }, []);
}

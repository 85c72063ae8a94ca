import { useCallback, useEffect, useRef } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { takeTypedAhead } from './typed-ahead';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/**
 * A ref for the field that takes the focus, its text selected for typing over, when the UI asks
 * for `elementId`'s first field (the element was just added, or is being renamed), typing what was
 * typed before it had the focus; `onFocused` runs once it has it, for a new element. What is typed
 * there under `fieldKey` is part of the step that added the element; a rename is a step of its own.
 */
export function useFocusWhenAdded(
  elementId: string | undefined,
  fieldKey: string,
  onFocused?: () => void,
): (field: TextInput | null) => void {
  const field = useRef<TextInput | null>(null);
  const focusRequest = useUiStore((state) => state.nameFocusRequest);
  useEffect(() => {
    if (!elementId || focusRequest?.elementId !== elementId) return;
    field.current?.focus();
    field.current?.select();
    // After the focus moved: the blur of the field that had it ends its own typing first.
    if (!focusRequest.isRename) useDocumentStore.getState().continueLastStep(fieldKey);
    const typed = takeTypedAhead(elementId);
    // As typed keys do: the field's change handler and its own undo see it.
    if (typed && field.current) document.execCommand('insertText', false, typed);
    if (!focusRequest.isRename) onFocused?.();
    useUiStore.getState().requestNameFocus(null);
  }, [elementId, fieldKey, focusRequest, onFocused]);
  return useCallback((element: TextInput | null) => {
    field.current = element;
  }, []);
}

import { useState } from 'react';

/**
 * Text typed into a field that the document may not hold verbatim (an invalid name, `1.` on the way
 * to `1.5`). The draft shows while the document still has the value it was typed over; once the
 * document moves on (undo, another edit), the field shows the document again.
 */
export function useDraft(documentValue: string) {
  const [draft, setDraft] = useState<{ text: string; over: string } | null>(null);
  return {
    text: draft !== null && draft.over === documentValue ? draft.text : null,
    /** Records typed text; `committed` is what the document holds afterwards. */
    typed: (text: string, committed: string) => setDraft({ text, over: committed }),
    clear: () => setDraft(null),
  };
}

import { create } from 'zustand';
import {
  OLDER_FORMAT_CHOICES,
  type OlderFormatAnswer,
  saveInNewFormatQuestion,
} from '../../shared/files/older-file-format';
import type { UnsavedChangesChoice } from '../../shared/ipc';
import type { DestructiveQuestion } from './host';

export interface PromptChoice<Id extends string> {
  id: Id;
  label: string;
}

export interface PromptQuestion<Id extends string = string> {
  message: string;
  detail?: string;
  /** In the order shown. */
  choices: readonly PromptChoice<Id>[];
  /** Focused when asked, so Enter answers it: never a choice that loses work. */
  defaultId: Id;
  /** What Escape answers. */
  cancelId: Id;
}

interface PromptState {
  question: PromptQuestion | null;
  answer: ((choice: string) => void) | null;
}

/** The question the page is asking right now, drawn by the app's prompt dialog. */
export const usePromptStore = create<PromptState>()(() => ({ question: null, answer: null }));

/**
 * Asks inside the page, for questions the page may word itself (a native dialog's text comes
 * from main only). A question asked while another is open cancels the older one.
 */
export function askInPage<Id extends string>(question: PromptQuestion<Id>): Promise<Id> {
  const { question: open, answer: answerOpen } = usePromptStore.getState();
  if (open && answerOpen) answerOpen(open.cancelId);
  return new Promise<Id>((resolve) => {
    const answer = (choice: string) => {
      if (usePromptStore.getState().answer === answer) usePromptStore.setState({ question: null, answer: null });
      resolve(choice as Id);
    };
    usePromptStore.setState({ question: question as PromptQuestion, answer });
  });
}

export function unsavedChangesQuestion(documentName: string): PromptQuestion<UnsavedChangesChoice> {
  return {
    message: `Save the changes to “${documentName}”?`,
    detail: 'Your changes are lost if you do not save them.',
    choices: [
      { id: 'save', label: 'Save' },
      { id: 'discard', label: 'Don’t Save' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultId: 'save',
    cancelId: 'cancel',
  };
}

/** Before the first save over a file an older version wrote; starting on Cancel, as the desktop's box does. */
export function saveInNewFormatPrompt(fileName: string, fileFormat: number): PromptQuestion<OlderFormatAnswer> {
  return {
    ...saveInNewFormatQuestion(fileName, fileFormat),
    choices: OLDER_FORMAT_CHOICES.map(({ answer, label }) => ({ id: answer, label })),
    defaultId: 'cancel',
    cancelId: 'cancel',
  };
}

/** The action / Cancel, asked inside the page, starting on Cancel: a stray Enter loses nothing. */
export async function confirmInPage({ message, detail, action }: DestructiveQuestion): Promise<boolean> {
  const choice = await askInPage({
    message,
    ...(detail === undefined ? {} : { detail }),
    choices: [
      { id: 'act', label: action },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultId: 'cancel',
    cancelId: 'cancel',
  });
  return choice === 'act';
}

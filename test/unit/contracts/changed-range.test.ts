// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { changedRange } from '../../../renderer/contracts/monaco/changed-range';
import type { MonacoApi } from '../../../renderer/contracts/monaco/load-monaco';

let monaco: MonacoApi;

/** The model's text after the edit, and the edit. */
function edited(before: string, after: string) {
  const model = monaco.editor.createModel(before, 'yaml');
  const edit = changedRange(model, after);
  model.pushEditOperations([], [edit], () => null);
  const text = model.getValue();
  model.dispose();
  return { text, edit };
}

describe('the one edit that turns a contract editor’s text into the stores’', () => {
  beforeAll(async () => {
    monaco = await import('monaco-editor/editor/editor.api');
  });

  it('replaces only what changed, so the caret and the view stay with the rest', () => {
    const { text, edit } = edited(
      'name: Order\nversion: 1.0.0\nstatus: active\n',
      'name: Order\nversion: 1.0.1\nstatus: active\n',
    );
    expect(text).toBe('name: Order\nversion: 1.0.1\nstatus: active\n');
    expect(edit.range).toEqual({ startLineNumber: 2, startColumn: 14, endLineNumber: 2, endColumn: 15 });
    expect(edit.text).toBe('1');
  });

  it('takes text away from where it began, and adds it at the end', () => {
    expect(edited('purpose: orders. Checked daily.\n', 'purpose: orders.\n').edit.range).toEqual({
      startLineNumber: 1,
      startColumn: 17,
      endLineNumber: 1,
      endColumn: 32,
    });
    expect(edited('a: 1\n', 'a: 1\nb: 2\n').text).toBe('a: 1\nb: 2\n');
    expect(edited('a: 1\n', 'a: 1\n').edit.text).toBe('');
  });

  it('never cuts a character outside the BMP in two', () => {
    const { text, edit } = edited('name: 🍎\n', 'name: 🍐\n');
    expect(text).toBe('name: 🍐\n');
    expect(edit.text).toBe('🍐');
  });
});

import type { Page } from 'playwright-core';

/** Helpers that work the contract editor the way a user does. */

export async function openContract(page: Page, name: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Contracts' })
    .getByRole('button', { name: new RegExp(`^${name}\\s*(event|entity)`) })
    .click();
  await page.locator('.yaml-editor .monaco-editor').waitFor();
}

/**
 * Puts the caret at the end of the first editor line containing `text` (Monaco renders lines as
 * spans). The editor lays itself out once more after it appears, so the click is repeated until
 * the editor has the focus.
 */
export async function caretAfter(page: Page, text: string): Promise<void> {
  const line = page.locator('.yaml-editor .view-line', { hasText: text }).first();
  const focusedEditor = page.locator('.yaml-editor .monaco-editor.focused');
  await line.click();
  for (let attempt = 0; attempt < 5 && (await focusedEditor.count()) === 0; attempt++) {
    await page.waitForTimeout(100);
    await line.click();
  }
  // Monaco's EditContext takes keys a moment after it takes the focus.
  await page.waitForTimeout(250);
  await page.keyboard.press('End');
}

export async function problems(page: Page): Promise<string> {
  return (await page.locator('.contract-problems').textContent()) ?? '';
}

export async function showView(page: Page, view: 'YAML' | 'Form' | 'Preview' | 'Diff' | 'Diagram'): Promise<void> {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: view, exact: true }).click();
}

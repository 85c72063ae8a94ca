import { describe, expect, it } from 'vitest';
import { decideNavigation, isAppUrl } from '../../../electron/security/navigation-guard';

describe('the navigation guard', () => {
  it('lets the app move between its own pages', () => {
    expect(decideNavigation('app://bundle/index.html')).toBe('stay-in-app');
    expect(decideNavigation('app://bundle/index.html#/products/orders')).toBe('stay-in-app');
  });

  it('sends https links to the OS browser instead of the app window', () => {
    expect(decideNavigation('https://datacontract.com/')).toBe('open-in-browser');
  });

  it.each([
    'file:///etc/passwd',
    'http://localhost:8080/docs',
    'https://user:secret@example.com/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://bundle.evil.example/index.html',
    'smb://share/file',
    'not a url',
  ])('blocks %s', (url) => {
    expect(decideNavigation(url)).toBe('refuse');
  });

  it('recognises only the bundle host as the app', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://bundle/index.html')).toBe(false);
  });
});

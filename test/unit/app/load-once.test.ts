import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../../renderer/app/load-once';

describe('loadOnce', () => {
  it('loads once and shares what it loaded', async () => {
    const load = vi.fn(async () => 'monaco');
    const loadMonaco = loadOnce(load);
    expect(await Promise.all([loadMonaco(), loadMonaco()])).toEqual(['monaco', 'monaco']);
    expect(await loadMonaco()).toBe('monaco');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load, so the next call loads again', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce('monaco');
    const loadMonaco = loadOnce(load);
    await expect(loadMonaco()).rejects.toThrow('Failed to fetch');
    expect(await loadMonaco()).toBe('monaco');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

import { openSampleDesign } from '../../../test/e2e/designer-driver';
import type { Scene } from '../scene';

export const scenes: Scene[] = (['light', 'dark'] as const).map((colorScheme) => ({
  name: `designer-${colorScheme}`,
  colorScheme,
  arrange: (page) => openSampleDesign(page, 'ecommerce'),
}));

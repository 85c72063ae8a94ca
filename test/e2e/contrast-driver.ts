import type { Locator } from 'playwright-core';

/**
 * The contrast ratio (WCAG) of an element's text against what is drawn behind it: the
 * backgrounds of the element and its ancestors laid one over the other (a translucent one, such
 * as a domain's tint, over what is under it), the text faded into that by its opacity and theirs.
 * Inside a shadow root, the host's ancestors are behind it.
 */
export function contrastOfText(element: Locator): Promise<number> {
  return element.evaluate((target) => {
    // rgb(…)/rgba(…) in 0–255; what color-mix() computes to, color(srgb …), in 0–1.
    const rgba = (colour: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      const scale = colour.startsWith('color(srgb') ? 255 : 1;
      return { rgb: [r * scale, g * scale, b * scale], alpha: a };
    };
    const over = (top: number[], alpha: number, bottom: number[]) =>
      top.map((channel, index) => channel * alpha + (bottom[index] ?? 0) * (1 - alpha));
    const layers: { rgb: number[]; alpha: number }[] = [];
    let opacity = 1;
    const under = (element: Element) => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
    for (let element: Element | null = target; element; element = under(element)) {
      const style = getComputedStyle(element);
      opacity *= Number(style.opacity);
      const background = rgba(style.backgroundColor);
      if (background.alpha > 0 && layers.at(-1)?.alpha !== 1) layers.push(background);
    }
    const behind = layers.reduceRight((under, layer) => over(layer.rgb, layer.alpha, under), [255, 255, 255]);
    const text = rgba(getComputedStyle(target).color);
    const seen = over(text.rgb, text.alpha * opacity, behind);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const linear = (channel: number) => {
        const c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const [lighter, darker] = [luminance(seen), luminance(behind)].sort((a, b) => b - a) as [number, number];
    return (lighter + 0.05) / (darker + 0.05);
  });
}

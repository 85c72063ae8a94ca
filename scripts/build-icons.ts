/**
 * `npm run icons`: renders assets/icons/icon.svg, the one source of the app's icon, into what the
 * installers need: PNGs for Linux (and the window), icon.icns for macOS, icon.ico for Windows.
 * The outputs are committed, so building installers needs no renderer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const ICONS = join(import.meta.dirname, '../assets/icons');
/** Linux icon themes pick the size they need from these (electron-builder reads the folder). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

const svg = readFileSync(join(ICONS, 'icon.svg'), 'utf8');
for (const size of PNG_SIZES) writeFileSync(join(ICONS, 'png', `${size}x${size}.png`), renderPng(svg, size));
const master = renderPng(svg, 1024);
writeFileSync(join(ICONS, 'icon.png'), master);
const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0);
const ico = png2icons.createICO(master, png2icons.BICUBIC, 0, false, true);
if (!icns || !ico) throw new Error('png2icons could not convert the icon');
writeFileSync(join(ICONS, 'icon.icns'), icns);
writeFileSync(join(ICONS, 'icon.ico'), ico);
console.log(`wrote ${PNG_SIZES.length} PNGs, icon.png, icon.icns and icon.ico in assets/icons`);

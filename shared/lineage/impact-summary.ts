import { counted, joinedWith } from '../model/word-list';
import type { Impact } from './impact';

/** What an impact reaches, in one sentence: `1 product, 2 ports, 1 link and 1 transformation downstream.` */
export function impactSummary(impact: Impact): string {
  const reached = [
    counted(impact.products.length, 'product'),
    counted(impact.ports.length, 'port'),
    counted(impact.links.length, 'link'),
    counted(impact.transformations.length, 'transformation'),
  ];
  return `${joinedWith(reached, 'and')} downstream.`;
}

import ecommerce from '../../assets/samples/ecommerce.mesh.json?raw';
import seedLogicalView from '../../assets/samples/seed-logical-view.mesh.json?raw';

export interface Sample {
  id: string;
  title: string;
  summary: string;
  text: string;
}

export const SAMPLES: readonly Sample[] = [
  {
    id: 'ecommerce',
    title: 'E-commerce workshop',
    summary: 'Orders, customers and shipping feeding a customer 360 and a sales dashboard, with CDC.',
    text: ecommerce,
  },
  {
    id: 'seed-logical-view',
    title: 'Logical view',
    summary: 'Two domains owning five data products, linked port to port.',
    text: seedLogicalView,
  },
];

import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { Simulation } from '../../../shared/simulation';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

/** Night-report steps reading an observatory's columns named like SQL keywords, unqualified. */
const STEPS = {
  band_counts: 'SELECT filter, COUNT(*) AS frames, SUM(exposure) AS seconds FROM frames GROUP BY filter',
  band_rank:
    'SELECT frame_id, range, ROW_NUMBER() OVER (PARTITION BY range ORDER BY exposure, frame_id) AS rk FROM frames',
  calibrated: 'SELECT f.frame_id, z.zero_point FROM frames f JOIN zero_points z ON z.band = filter',
};

function observatory(): Mesh {
  const telescope = aSystem('telescope')
    .withTable('frames', { frame_id: 'integer', filter: 'text', range: 'integer', exposure: 'real' })
    .withTable('zero_points', { band: 'text', zero_point: 'real' })
    .withCdcTopic('frames-cdc', 'frames')
    .withCdcTopic('zero-points-cdc', 'zero_points');
  const frame = aContract('frame', 'entity', 'frames')
    .withKey('frame_id', 'integer')
    .withProperty('filter', 'string')
    .withProperty('range', 'integer')
    .withProperty('exposure', 'number');
  const zeroPoint = aContract('zero-point', 'entity', 'zero_points')
    .withKey('band', 'string')
    .withProperty('zero_point', 'number');
  const bandCount = aContract('band-count', 'entity', 'band_counts')
    .withKey('filter', 'string')
    .withProperty('frames', 'integer')
    .withProperty('seconds', 'number');
  const bandRank = aContract('band-rank', 'entity', 'band_rank')
    .withKey('frame_id', 'integer')
    .withProperty('range', 'integer')
    .withProperty('rk', 'integer');
  const calibrated = aContract('calibrated', 'entity', 'calibrated')
    .withKey('frame_id', 'integer')
    .withProperty('zero_point', 'number');
  return aMesh()
    .with(
      telescope,
      aProduct('frames').withInput('frames-in').withOutput('frames-out', 'frame'),
      aProduct('zero-points').withInput('zero-points-in').withOutput('zero-points-out', 'zero-point'),
      aProduct('night', 'aggregate')
        .withInput('frames-in')
        .withInput('zero-points-in')
        .withTransformation('band_counts', STEPS.band_counts)
        .withTransformation('band_rank', STEPS.band_rank)
        .withTransformation('calibrated', STEPS.calibrated)
        .withOutput('band-counts-out', 'band-count')
        .withOutput('band-rank-out', 'band-rank')
        .withOutput('calibrated-out', 'calibrated'),
      frame,
      zeroPoint,
      bandCount,
      bandRank,
      calibrated,
    )
    .withLink('telescope/frames-cdc', 'frames/frames-in')
    .withLink('telescope/zero-points-cdc', 'zero-points/zero-points-in')
    .withLink('frames/frames-out', 'night/frames-in')
    .withLink('zero-points/zero-points-out', 'night/zero-points-in')
    .build();
}

const night = () =>
  aScenario()
    .withData('telescope', 'frames', 20, {
      frame_id: { kind: 'sequence', start: 1 },
      filter: { kind: 'oneOf', values: ['g', 'r', 'i'] },
      range: { kind: 'integer', min: 1, max: 3 },
    })
    .withData('telescope', 'zero_points', 0)
    .withRate('telescope', 'frames', {
      inserts: 2,
      updates: 3,
      deletes: 1,
      updateColumns: ['filter', 'range', 'exposure'],
    })
    .at(1, 'telescope', 'zero_points', 'insert', { values: { band: 'g', zero_point: 25.1 } })
    .at(1, 'telescope', 'zero_points', 'insert', { values: { band: 'r', zero_point: 24.9 } })
    .at(3, 'telescope', 'zero_points', 'update', { values: { zero_point: 26 }, where: { band: 'g' } })
    .build();

const tableOf = (simulation: Simulation, step: string) =>
  rowsOf(simulation, 'night', `SELECT * FROM ${step} ORDER BY 1, 2`);

describe('columns named like SQL keywords (filter, range) in incremental recomputation', () => {
  it('recomputes by unit, with the rows a full recomputation gives and no SQL error', async () => {
    const mesh = observatory();
    const incremental = await simulate(mesh, night());
    const full = await simulate(mesh, night(), { recompute: 'full' });

    for (let tick = 1; tick <= 6; tick++) {
      const { errors } = incremental.step();
      full.step();
      expect(errors, `tick ${tick}`).toEqual([]);
      for (const step of Object.keys(STEPS)) {
        expect(tableOf(incremental, step), `${step} at tick ${tick}`).toEqual(tableOf(full, step));
      }
    }

    const { transformations } = incremental.metrics();
    for (const step of Object.keys(STEPS)) {
      expect(transformations[`night/${step}`], step).toMatchObject({ mode: 'incremental' });
    }
    incremental.dispose();
    full.dispose();
  });
});

/** A catalog's steps whose output is named `desc` or `asc`, SQLite's alias with AS or without. */
const ALIAS_STEPS = {
  by_description: 'SELECT description desc, COUNT(*) AS products FROM products GROUP BY description',
  price_labels: 'SELECT p.product_id AS asc, p.price FROM products p',
};

function catalog(): Mesh {
  const shop = aSystem('shop')
    .withTable('products', { product_id: 'integer', description: 'text', price: 'real' })
    .withCdcTopic('products-cdc', 'products');
  const product = aContract('product', 'entity', 'products')
    .withKey('product_id', 'integer')
    .withProperty('description', 'string')
    .withProperty('price', 'number');
  const byDescription = aContract('by-description', 'entity', 'by_description')
    .withKey('desc', 'string')
    .withProperty('products', 'integer');
  const priceLabel = aContract('price-label', 'entity', 'price_labels')
    .withKey('asc', 'integer')
    .withProperty('price', 'number');
  return aMesh()
    .with(
      shop,
      aProduct('products').withInput('products-in').withOutput('products-out', 'product'),
      aProduct('report', 'aggregate')
        .withInput('products-in')
        .withTransformation('by_description', ALIAS_STEPS.by_description)
        .withTransformation('price_labels', ALIAS_STEPS.price_labels)
        .withOutput('by-description-out', 'by-description')
        .withOutput('price-labels-out', 'price-label'),
      product,
      byDescription,
      priceLabel,
    )
    .withLink('shop/products-cdc', 'products/products-in')
    .withLink('products/products-out', 'report/products-in')
    .build();
}

const trading = () =>
  aScenario()
    .withData('shop', 'products', 10, {
      product_id: { kind: 'sequence', start: 1 },
      description: { kind: 'oneOf', values: ['mug', 'plate', 'bowl'] },
    })
    .withRate('shop', 'products', { inserts: 2, updates: 2, deletes: 1, updateColumns: ['description', 'price'] })
    .build();

describe('an output named desc or asc, an alias SQLite reads with AS or without, in incremental recomputation', () => {
  it('recomputes by group and by unit, with the rows a full recomputation gives and no SQL error', async () => {
    const mesh = catalog();
    const incremental = await simulate(mesh, trading());
    const full = await simulate(mesh, trading(), { recompute: 'full' });

    for (let tick = 1; tick <= 4; tick++) {
      const { errors } = incremental.step();
      full.step();
      expect(errors, `tick ${tick}`).toEqual([]);
      for (const step of Object.keys(ALIAS_STEPS)) {
        const rows = rowsOf(incremental, 'report', `SELECT * FROM ${step} ORDER BY 1, 2`);
        expect(rows, `${step} at tick ${tick}`).toEqual(rowsOf(full, 'report', `SELECT * FROM ${step} ORDER BY 1, 2`));
      }
    }

    const { transformations } = incremental.metrics();
    for (const step of Object.keys(ALIAS_STEPS)) {
      expect(transformations[`report/${step}`], step).toMatchObject({ mode: 'incremental' });
    }
    incremental.dispose();
    full.dispose();
  });
});

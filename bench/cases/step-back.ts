/**
 * Step back at tick 1000: the e-commerce sample's workshop scenario on sql.js, sized as the app's
 * worker sizes it, run to tick 1000 and stepped back one tick as the app's Step back asks the
 * engine (`rewind`, collecting every tick's counters for the charts).
 */
import { loadavg } from 'node:os';
import initSqlJs from 'sql.js';
import {
  createSimulation,
  INTERACTIVE_BROKER_ROOM_BYTES,
  sqlJsWorkspace,
  type TickMetrics,
} from '../../shared/simulation';
import { loadEcommerceSample } from '../ecommerce-sample';
import { writeSection } from '../report';

const TICK = 1000;

const loadAtStart = loadavg()[0]?.toFixed(2);
const sample = loadEcommerceSample();
const workshop = sample.scenarios[0];
if (!workshop) throw new Error('the e-commerce sample has no scenario');
const sqlite = sqlJsWorkspace(await initSqlJs(), INTERACTIVE_BROKER_ROOM_BYTES);
const created = createSimulation(sample, workshop, { sqlite });
if (!created.ok) throw new Error(JSON.stringify(created.errors));
const simulation = created.value;

const forwardStart = performance.now();
simulation.runUntil(TICK);
const forwardMs = Math.round(performance.now() - forwardStart);

const ticks: TickMetrics[] = [];
const backStart = performance.now();
const rewound = simulation.rewind(TICK - 1, (tick) => ticks.push(tick));
const backMs = Math.round(performance.now() - backStart);
simulation.dispose();
if (rewound.tick !== TICK - 1) throw new Error(`stepped back to tick ${rewound.tick}, not ${TICK - 1}`);

writeSection(
  'Simulation: step back',
  [
    `The e-commerce sample's workshop scenario on sql.js in Node, run to tick ${TICK} and stepped back one tick the way the app's Step back asks its worker (\`rewind\`, with every tick's counters for the charts). Load average when the run started: ${loadAtStart}.`,
    '',
    '| measure | time |',
    '| --- | --- |',
    `| running ticks 1 to ${TICK} | ${forwardMs.toLocaleString('en')} ms |`,
    `| step back at tick ${TICK} (to tick ${TICK - 1}) | ${backMs.toLocaleString('en')} ms |`,
    '',
    'Step back rebuilds the run from tick 0 and replays it to the tick before, so it costs at least what running to the tick did: there are no checkpoints yet (see docs/simulation.md).',
  ].join('\n'),
);
console.log(`step back at tick ${TICK}: ${backMs} ms (running to it: ${forwardMs} ms)`);

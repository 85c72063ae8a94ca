import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { designFileStem } from '../../shared/export/file-names';
import { type Mesh, shownName } from '../../shared/model';
import { metricsCsv, seriesLabel } from '../../shared/simulation/metrics-history';
import { useIsDark } from '../diagrams/use-is-dark';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { countingAxis } from './chart-axes';
import { ConsumerOffsets } from './consumer-offsets';
import { legendSwatch } from './legend-swatch';
import { RunErrors } from './run-errors';
import { seriesStyle } from './series-style';
import { useSimulationStore } from './simulation-store';
import { TransformationRuns } from './transformation-runs';

const CHART_HEIGHT = 150;

type Series = Record<string, number[]>;

/** Named after the design, as its other exports are: `water-network-metrics.csv`. */
function metricsFileName(mesh: Mesh | null): string {
  return `${designFileStem(mesh ?? { name: '' })}-metrics.csv`;
}

/**
 * Throughput per link and in total, lag per consumer, quarantined records per port: live, and as
 * CSV; each consumer's offsets per partition; how each transformation recomputes.
 */
export function MetricsTab() {
  const history = useSimulationStore((state) => state.history);
  const mesh = useDocumentStore((state) => state.mesh);
  const label = (id: string) => (mesh ? seriesLabel(mesh, id) : id);
  const host = useHost();
  const notify = useNoticeStore((state) => state.show);
  // Through the Host, as every export: the desktop app asks where with its save dialog.
  const saveCsv = async () => {
    try {
      const saved = await host.saveExport(metricsFileName(mesh), metricsCsv(history, label));
      if (saved !== null) notify({ tone: 'info', text: `Saved ${shownName(saved)}` });
    } catch (error) {
      notify({ tone: 'error', text: `Could not save the metrics: ${(error as Error).message}` });
    }
  };
  return (
    <section className="metrics-tab" aria-label="Metrics">
      <div className="metrics-tab__bar">
        <span>{history.ticks.length} points</span>
        <button type="button" onClick={saveCsv} disabled={history.ticks.length === 0}>
          Export CSV
        </button>
      </div>
      <Chart
        title="Records per tick"
        ticks={history.ticks}
        series={{ total: history.total, ...history.throughput }}
        label={(id) => (id === 'total' ? 'all links' : label(id))}
      />
      <Chart title="Consumer lag (records waiting)" ticks={history.ticks} series={history.lag} label={label} />
      <Chart
        title="Quarantined records (contract violations)"
        ticks={history.ticks}
        series={history.quarantined}
        label={label}
      />
      <ConsumerOffsets />
      <TransformationRuns />
      <RunErrors />
    </section>
  );
}

function Chart({
  title,
  ticks,
  series,
  label,
}: {
  title: string;
  ticks: number[];
  series: Series;
  label: (id: string) => string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const names = Object.keys(series);
  const shape = names.join('\n');
  const isDark = useIsDark();

  // A chart is rebuilt only when its series change; new points just replace its data.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` stands for the series names, `isDark` for the axis and line colours (the OS's theme under `system`)
  useEffect(() => {
    if (!container.current) return;
    const width = container.current.clientWidth || 380;
    // The canvas cannot read CSS variables: take the theme's text colour as it is now.
    const text = getComputedStyle(container.current).color;
    const styles = names.map((_, index) => seriesStyle(index, isDark));
    const created = new uPlot(
      {
        width,
        height: CHART_HEIGHT,
        scales: { x: { time: false } },
        axes: [countingAxis(text), countingAxis(text, { size: 44 })],
        // A marker drawn as its line, dashes included: uPlot's own is a solid border in the line's colour.
        legend: {
          live: false,
          markers: { width: 0, fill: (_, seriesIndex) => legendSwatch(styles[seriesIndex - 1] ?? { stroke: text }) },
        },
        series: [
          { label: 'tick' },
          ...names.map((name, index) => ({
            label: label(name),
            ...styles[index],
            width: name === 'total' ? 2.5 : 1.5,
            points: { show: false },
          })),
        ],
      },
      [ticks, ...names.map((name) => series[name] ?? [])],
      container.current,
    );
    chart.current = created;
    const observer = new ResizeObserver(() => {
      if (container.current) created.setSize({ width: container.current.clientWidth, height: CHART_HEIGHT });
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      created.destroy();
      chart.current = null;
    };
  }, [shape, isDark]);

  useEffect(() => {
    chart.current?.setData([ticks, ...names.map((name) => series[name] ?? [])]);
  });

  return (
    <figure className="metrics-chart">
      <figcaption>{title}</figcaption>
      {names.length === 0 ? (
        <p className="simulation-panel__hint">Nothing yet.</p>
      ) : (
        <div ref={container} data-testid={`chart-${title}`} />
      )}
    </figure>
  );
}

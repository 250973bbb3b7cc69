import { DataTable } from './DataTable.js';

export interface Bar {
  label: string;
  value: number;
  /** how the value reads (a percentage, a count); the value itself when absent */
  text?: string;
}

const ROW = 26;
const LABEL = 150;
const WIDTH = 560;

/**
 * Horizontal bars drawn in SVG: one <rect> per value with data-label and data-value (tests compare them with the
 * API's answer), a <title> and aria-label for the chart, and the same numbers as a hidden table.
 */
export function BarChart({ id, title, bars, max }: { id: string; title: string; bars: readonly Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 0) || 1;
  const height = Math.max(bars.length, 1) * ROW;
  const rows = bars.map((b) => ({ label: b.label, text: b.text ?? String(b.value) }));
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg data-chart={id} role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" height={height}>
        <title>{title}</title>
        {bars.length === 0 && (
          <text x={0} y={18}>
            无数据
          </text>
        )}
        {bars.map((bar, i) => {
          const width = Math.max(0, (bar.value / top) * (WIDTH - LABEL - 70));
          const y = i * ROW;
          return (
            <g key={bar.label}>
              <text x={LABEL - 6} y={y + 17} text-anchor="end" class="axis">
                {bar.label.length > 11 ? `${bar.label.slice(0, 10)}…` : bar.label}
              </text>
              <rect class="mark" data-mark="" data-label={bar.label} data-value={String(bar.value)} x={LABEL} y={y + 4} width={width} height={ROW - 8}>
                <title>{`${bar.label}: ${bar.text ?? bar.value}`}</title>
              </rect>
              <text x={LABEL + width + 6} y={y + 17} class="value">
                {bar.text ?? bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable caption={title} rows={rows} />
    </figure>
  );
}

import { DataTable } from './DataTable.js';

export interface Point {
  label: string;
  value: number;
}

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/**
 * A line over time in SVG: one <circle> per point with data-label and data-value, a <title> and aria-label for the
 * chart, and the same numbers as a hidden table. The y axis starts at zero so a change is not exaggerated.
 */
export function LineChart({ id, title, points, unit = '' }: { id: string; title: string; points: readonly Point[]; unit?: string }) {
  const top = Math.max(...points.map((p) => p.value), 0) || 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length > 1 ? (i / (points.length - 1)) * innerW : innerW / 2);
  const y = (value: number) => PAD.top + innerH - (value / top) * innerH;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg data-chart={id} role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT}>
        <title>{title}</title>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} class="axis-line" />
        <text x={PAD.left - 6} y={PAD.top + 10} text-anchor="end" class="axis">
          {`${top}${unit}`}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} text-anchor="end" class="axis">
          0
        </text>
        <path d={path} class="line" />
        {points.map((p, i) => (
          <g key={p.label}>
            <circle class="mark" data-mark="" data-label={p.label} data-value={String(p.value)} cx={x(i)} cy={y(p.value)} r={4}>
              <title>{`${p.label}: ${p.value}${unit}`}</title>
            </circle>
            {(i % 2 === 0 || points.length <= 6) && (
              <text x={x(i)} y={HEIGHT - 8} text-anchor="middle" class="axis">
                {p.label.replace(/^\d{4}年/, '')}
              </text>
            )}
          </g>
        ))}
      </svg>
      <DataTable caption={title} rows={points.map((p) => ({ label: p.label, text: `${p.value}${unit}` }))} />
    </figure>
  );
}

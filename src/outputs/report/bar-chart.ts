// A horizontal bar chart as inline SVG: labels on the left, bars scaled to the largest value, counts at the end.
import { esc } from './escape.ts';

/** An SVG bar chart of labelled counts (already in display order). */
export function barChart(
  rows: readonly [string, number][],
  opts: { title: string; colour?: string; width?: number },
): string {
  const width = opts.width ?? 640;
  const labelW = 220;
  const barH = 18;
  const gap = 6;
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const plotW = width - labelW - 50;
  const height = rows.length * (barH + gap) + gap;
  const bars = rows
    .map(([label, n], i) => {
      const y = gap + i * (barH + gap);
      const w = Math.max(1, Math.round((n / max) * plotW));
      const shown = label.length > 32 ? `${label.slice(0, 31)}…` : label;
      return (
        `<g><title>${esc(`${label}: ${n}`)}</title>` +
        `<text x="${labelW - 8}" y="${y + 13}" text-anchor="end">${esc(shown)}</text>` +
        `<rect x="${labelW}" y="${y}" width="${w}" height="${barH}" rx="2" fill="${opts.colour ?? '#2e86c1'}"/>` +
        `<text x="${labelW + w + 6}" y="${y + 13}">${n}</text></g>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(opts.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${bars}</svg>`;
}

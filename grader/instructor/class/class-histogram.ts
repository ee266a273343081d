/**
 * The class report's histogram of scores: eleven bands of the maximum, drawn as inline SVG (no
 * script, no external asset), each bar with its count above it and in its title.
 */
import { htmlText } from '../../outputs/escape.js';

function learners(number: number): string {
  return `${number} learner${number === 1 ? '' : 's'}`;
}

/** Eleven bins: 0–9 %, …, 90–99 %, and 100 % on its own so that full marks stand out. */
export function histogramBins(percents: readonly number[]): { label: string; count: number }[] {
  const bins = Array.from({ length: 11 }, (_, index) => ({ label: index === 10 ? '100' : `${index * 10}–${index * 10 + 9}`, count: 0 }));
  for (const percent of percents) {
    const index = percent >= 100 ? 10 : Math.min(9, Math.max(0, Math.floor(percent / 10)));
    const bin = bins[index];
    if (bin) bin.count += 1;
  }
  return bins;
}

export function histogramSvg(bins: { label: string; count: number }[]): string {
  const width = 960;
  const height = 240;
  const left = 36;
  const bottom = 36;
  const top = 20;
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const slot = (width - left - 8) / bins.length;
  const scale = (height - top - bottom) / highest;
  const parts: string[] = [];
  for (let tick = 0; tick <= highest; tick += Math.max(1, Math.ceil(highest / 5))) {
    const y = height - bottom - tick * scale;
    parts.push(`<line x1="${left}" x2="${width - 8}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" class="axis" text-anchor="end">${tick}</text>`);
  }
  bins.forEach((bin, index) => {
    const x = left + index * slot + 4;
    const barHeight = bin.count * scale;
    const y = height - bottom - barHeight;
    parts.push(
      `<g class="bin" data-bin="${htmlText(bin.label)}" data-count="${bin.count}">` +
        `<title>${htmlText(bin.label)} %: ${learners(bin.count)}</title>` +
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot - 8).toFixed(1)}" height="${barHeight.toFixed(1)}" class="${index === 10 ? 'bar full' : 'bar'}"/>` +
        (bin.count > 0 ? `<text x="${(x + (slot - 8) / 2).toFixed(1)}" y="${(y - 5).toFixed(1)}" class="count" text-anchor="middle">${bin.count}</text>` : '') +
        `<text x="${(x + (slot - 8) / 2).toFixed(1)}" y="${height - bottom + 16}" class="axis" text-anchor="middle">${htmlText(bin.label)}</text>` +
        '</g>',
    );
  });
  parts.push(`<text x="${(left + width) / 2}" y="${height - 4}" class="axis" text-anchor="middle">score (% of the maximum)</text>`);
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Histogram of the class's scores">${parts.join('')}</svg>`;
}

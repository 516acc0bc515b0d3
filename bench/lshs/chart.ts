// SPDX-License-Identifier: Apache-2.0
/**
 * An SVG chart of per-node peak memory, bytes received and bytes sent for several schedulers on
 * one experiment: one panel per quantity, one group of bars per node, one bar per scheduler, on a
 * log scale (the schedulers differ by orders of magnitude). Plain strings, no dependencies.
 */
import type { LshsRunDetail } from "./run.js";

const COLORS: Record<string, string> = { lshs: "#1b7837", cyclic: "#2166ac", dynamic: "#b2182b" };
const PANELS = [
  { key: "peakMemory", title: "peak memory" },
  { key: "bytesIn", title: "bytes received" },
  { key: "bytesOut", title: "bytes sent" },
] as const;

const W = 960;
const PANEL_H = 190;
const LEFT = 70;
const TOP = 56;
const GAP = 44;

function label(bytes: number): string {
  if (bytes >= 1e9) return `${bytes / 1e9} GB`;
  if (bytes >= 1e6) return `${bytes / 1e6} MB`;
  if (bytes >= 1e3) return `${bytes / 1e3} kB`;
  return `${bytes} B`;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** The chart for `runs` (one per scheduler, same experiment and node count). */
export function chartSvg(runs: readonly LshsRunDetail[], title: string): string {
  const nodes = runs[0]!.perNode.length;
  const values = runs.flatMap((r) => r.perNode.flatMap((n) => [n.peakMemory, n.bytesIn, n.bytesOut])).filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.max(1, Math.min(...values))));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const height = TOP + PANELS.length * (PANEL_H + GAP) + 10;
  const plotW = W - LEFT - 20;
  const groupW = plotW / nodes;
  const barW = (groupW * 0.8) / runs.length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${height}" fill="white"/>`,
    `<text x="${LEFT}" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
  ];
  runs.forEach((r, i) => {
    const x = LEFT + i * 110;
    out.push(`<rect x="${x}" y="30" width="12" height="12" fill="${COLORS[r.scheduler] ?? "#777"}"/>`);
    out.push(`<text x="${x + 16}" y="40">${escape(r.scheduler)}</text>`);
  });
  PANELS.forEach((panel, p) => {
    const top = TOP + p * (PANEL_H + GAP);
    const y = (v: number) => top + PANEL_H - ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * PANEL_H;
    out.push(`<text x="${LEFT}" y="${top - 6}" font-weight="bold">${panel.title} per node (log scale)</text>`);
    for (let e = lo; e <= hi; e++) {
      out.push(`<line x1="${LEFT}" x2="${W - 20}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#ddd"/>`);
      out.push(`<text x="${LEFT - 6}" y="${y(10 ** e) + 4}" text-anchor="end">${label(10 ** e)}</text>`);
    }
    for (let n = 0; n < nodes; n++) {
      runs.forEach((r, i) => {
        const v = r.perNode[n]![panel.key];
        const x = LEFT + n * groupW + groupW * 0.1 + i * barW;
        const yTop = v > 0 ? y(v) : top + PANEL_H;
        out.push(`<rect x="${x.toFixed(1)}" y="${yTop.toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + PANEL_H - yTop).toFixed(1)}" fill="${COLORS[r.scheduler] ?? "#777"}"><title>${r.scheduler}, node ${n}: ${v} bytes</title></rect>`);
      });
      out.push(`<text x="${(LEFT + (n + 0.5) * groupW).toFixed(1)}" y="${top + PANEL_H + 13}" text-anchor="middle">${n}</text>`);
    }
    out.push(`<line x1="${LEFT}" x2="${W - 20}" y1="${top + PANEL_H}" y2="${top + PANEL_H}" stroke="#333"/>`);
  });
  out.push(`<text x="${LEFT + plotW / 2}" y="${height - 2}" text-anchor="middle">node</text>`);
  out.push("</svg>");
  return out.join("\n") + "\n";
}

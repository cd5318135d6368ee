// The bench report: records each mode's figures and writes bench/results/README.md with an SVG chart
// per mode (scripts/bench.sh calls it; no chart library, the SVG is written here).
//
//   deno run -A bench/report.ts record <dir> <mode> <command> <loadavg> <body.json>
//     stores <dir>/data/<mode>.json: the body ({ ratios, lines, series? }) with the command, the
//     date (UTC), the load average before the mode ran and the machine's core count.
//   deno run -A bench/report.ts write <dir>
//     reads every <dir>/data/*.json and writes <dir>/README.md and <dir>/<mode>.svg.

export interface Ratio {
  label: string;
  value: number;
  /** The target, when there is one; `better` says which side of it passes. */
  target?: number | null;
  better?: "higher" | "lower";
}

export interface Series {
  title: string;
  xLabel: string;
  yLabel: string;
  points: { x: number; y: number }[];
}

export interface ModeResult {
  mode: string;
  title: string;
  command: string;
  date: string;
  loadavg: number[];
  cores: number;
  ratios: Ratio[];
  /** Lines of figures, as printed. */
  lines: string[];
  series?: Series;
  /** Anything else worth saying under the figures. */
  note?: string;
}

const MODE_ORDER = ["engine", "budgets", "concurrency", "rls", "hnsw", "appends", "webhooks"];

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Whether a ratio meets its target (null when it has none). */
export function meets(r: Ratio): boolean | null {
  if (r.target === undefined || r.target === null) return null;
  return (r.better ?? "higher") === "higher" ? r.value >= r.target : r.value <= r.target;
}

/** A number as a chart or table shows it: three significant digits, no exponent. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  const a = Math.abs(v);
  if (a === 0) return "0";
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

/** A "nice" axis maximum at or above v: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * Horizontal bars, one per ratio, each with its value; a target is drawn as a dashed mark on its bar
 * (green bar: met, red: not met, grey: no target).
 */
export function barChart(title: string, bars: Ratio[], subtitle = ""): string {
  if (bars.length === 0) throw new Error("barChart: no bars");
  const width = 760, labelW = 330, valueW = 70, rowH = 34, top = subtitle ? 58 : 40, bottom = 30;
  const plotW = width - labelW - valueW - 20;
  const max = niceMax(Math.max(...bars.map((b) => Math.max(b.value, b.target ?? 0))));
  const height = top + rows(bars.length) + bottom;
  function rows(n: number) {
    return n * rowH;
  }
  const x = (v: number) => labelW + (plotW * v) / max;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  );
  if (subtitle) out.push(`<text x="10" y="42" fill="#555555">${escapeXml(subtitle)}</text>`);
  // Grid: five steps.
  for (let i = 0; i <= 5; i++) {
    const v = (max * i) / 5, gx = x(v);
    out.push(
      `<line x1="${gx.toFixed(1)}" y1="${top - 6}" x2="${gx.toFixed(1)}" y2="${top + rows(bars.length)}" stroke="#e5e5e5"/>`,
      `<text x="${gx.toFixed(1)}" y="${top + rows(bars.length) + 16}" text-anchor="middle" fill="#555555">${fmt(v)}</text>`,
    );
  }
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const ok = meets(b);
    const color = ok === null ? "#8c8c8c" : ok ? "#2e8b57" : "#c0392b";
    out.push(
      `<text x="${labelW - 8}" y="${y + 19}" text-anchor="end">${escapeXml(b.label)}</text>`,
      `<rect x="${labelW}" y="${y + 6}" width="${Math.max(1, x(b.value) - labelW).toFixed(1)}" height="${rowH - 12}" fill="${color}"/>`,
      `<text x="${(x(b.value) + 6).toFixed(1)}" y="${y + 19}">${fmt(b.value)}</text>`,
    );
    if (b.target !== undefined && b.target !== null) {
      const tx = x(b.target);
      out.push(
        `<line x1="${tx.toFixed(1)}" y1="${y + 2}" x2="${tx.toFixed(1)}" y2="${y + rowH - 2}" stroke="#000000" stroke-width="2" stroke-dasharray="4,3"/>`,
        `<title>target ${(b.better ?? "higher") === "higher" ? "&gt;=" : "&lt;="} ${fmt(b.target)}</title>`,
      );
    }
  });
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

/** A line with its points marked and labelled, from x and y axes that start at zero. */
export function lineChart(s: Series): string {
  if (s.points.length === 0) throw new Error("lineChart: no points");
  const width = 760, height = 380, left = 70, right = 30, top = 40, bottom = 50;
  const plotW = width - left - right, plotH = height - top - bottom;
  const xs = s.points.map((p) => p.x), ys = s.points.map((p) => p.y);
  const xMax = niceMax(Math.max(...xs)), yMax = niceMax(Math.max(...ys));
  const px = (v: number) => left + (plotW * v) / xMax;
  const py = (v: number) => top + plotH - (plotH * v) / yMax;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(s.title)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const yv = (yMax * i) / 5, xv = (xMax * i) / 5;
    out.push(
      `<line x1="${left}" y1="${py(yv).toFixed(1)}" x2="${left + plotW}" y2="${py(yv).toFixed(1)}" stroke="#e5e5e5"/>`,
      `<text x="${left - 8}" y="${(py(yv) + 4).toFixed(1)}" text-anchor="end" fill="#555555">${fmt(yv)}</text>`,
      `<text x="${px(xv).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle" fill="#555555">${fmt(xv)}</text>`,
    );
  }
  out.push(
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#000000"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#000000"/>`,
    `<text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(s.xLabel)}</text>`,
    `<text x="16" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + plotH / 2})">${escapeXml(s.yLabel)}</text>`,
  );
  const sorted = [...s.points].sort((a, b) => a.x - b.x);
  out.push(
    `<polyline fill="none" stroke="#1f6fb2" stroke-width="2" points="${
      sorted.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ")
    }"/>`,
  );
  for (const p of sorted) {
    out.push(
      `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="4" fill="#1f6fb2"/>`,
      `<text x="${px(p.x).toFixed(1)}" y="${(py(p.y) - 9).toFixed(1)}" text-anchor="middle">${fmt(p.y)}</text>`,
    );
  }
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

/** Whether the machine was busy before the mode ran: a 1-minute load average above half its cores. */
export function loaded(r: Pick<ModeResult, "loadavg" | "cores">): boolean {
  return r.loadavg[0] > r.cores / 2;
}

function targetText(r: Ratio): string {
  if (r.target === undefined || r.target === null) return "none";
  return `${(r.better ?? "higher") === "higher" ? ">=" : "<="} ${fmt(r.target)}`;
}

/** The Markdown report and its charts (file name to content), modes in a fixed order. */
export function renderReport(results: ModeResult[]): Map<string, string> {
  const files = new Map<string, string>();
  const sorted = [...results].sort((a, b) => {
    const ia = MODE_ORDER.indexOf(a.mode), ib = MODE_ORDER.indexOf(b.mode);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.mode.localeCompare(b.mode);
  });
  const md: string[] = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (scripts/bench.sh; each section names the command that produced it).",
    "Figures come from one shared development machine: a section marked *loaded* ran while other work",
    "kept the machine busy (1-minute load average above half its cores before it started), so its",
    "absolute figures are low and noisy; the ratios, measured against a reference taken in the same",
    "run, are the figures to compare.",
    "",
    "| Mode | Ratio | Value | Target | Met |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of sorted) {
    for (const q of r.ratios) {
      const ok = meets(q);
      md.push(`| ${r.mode} | ${q.label} | ${fmt(q.value)} | ${targetText(q)} | ${ok === null ? "-" : ok ? "yes" : "**no**"} |`);
    }
  }
  for (const r of sorted) {
    const load = `load average ${r.loadavg.map((l) => l.toFixed(2)).join(", ")} on ${r.cores} cores`;
    md.push(
      "",
      `## ${r.title}`,
      "",
      `Command: \`${r.command}\`, ${r.date}; ${loaded(r) ? `**loaded** machine (${load} before the run)` : load}.`,
      "",
    );
    if (r.ratios.length) {
      files.set(`${r.mode}.svg`, barChart(r.title, r.ratios, `${r.date}${loaded(r) ? ", machine loaded" : ""}; dashed: target`));
      md.push(`![${r.title}](${r.mode}.svg)`, "");
    }
    if (r.series) {
      files.set(`${r.mode}-series.svg`, lineChart(r.series));
      md.push(`![${r.series.title}](${r.mode}-series.svg)`, "");
    }
    md.push("```", ...r.lines, "```");
    if (r.note) md.push("", r.note);
  }
  files.set("README.md", md.join("\n") + "\n");
  return files;
}

function parseResult(text: string, name: string): ModeResult {
  const r = JSON.parse(text) as ModeResult;
  for (const k of ["mode", "title", "command", "date"] as const) {
    if (typeof r[k] !== "string" || !r[k]) throw new Error(`${name}: ${k} missing`);
  }
  if (!Array.isArray(r.ratios) || !Array.isArray(r.lines) || !Array.isArray(r.loadavg)) {
    throw new Error(`${name}: ratios, lines and loadavg must be arrays`);
  }
  for (const q of r.ratios) {
    if (typeof q.label !== "string" || !Number.isFinite(q.value)) throw new Error(`${name}: a ratio without label or value`);
  }
  return r;
}

if (import.meta.main) {
  const [cmd, dir, ...rest] = Deno.args;
  if (cmd === "record" && rest.length === 5) {
    const [mode, command, loadavg, bodyFile, title] = rest;
    const body = JSON.parse(await Deno.readTextFile(bodyFile));
    const result: ModeResult = {
      mode,
      title,
      command,
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      loadavg: loadavg.trim().split(/\s+/).slice(0, 3).map(Number),
      cores: navigator.hardwareConcurrency,
      ratios: body.ratios ?? [],
      lines: body.lines ?? [],
      ...(body.series ? { series: body.series } : {}),
      ...(body.note ? { note: body.note } : {}),
    };
    parseResult(JSON.stringify(result), mode);
    await Deno.mkdir(`${dir}/data`, { recursive: true });
    await Deno.writeTextFile(`${dir}/data/${mode}.json`, JSON.stringify(result, null, 2) + "\n");
  } else if (cmd === "write" && rest.length === 0) {
    const results: ModeResult[] = [];
    for await (const e of Deno.readDir(`${dir}/data`)) {
      if (e.isFile && e.name.endsWith(".json")) {
        results.push(parseResult(await Deno.readTextFile(`${dir}/data/${e.name}`), e.name));
      }
    }
    if (results.length === 0) throw new Error(`no results in ${dir}/data`);
    for (const [name, content] of renderReport(results)) await Deno.writeTextFile(`${dir}/${name}`, content);
    console.log(`report: ${dir}/README.md (${results.length} modes)`);
  } else {
    console.error("usage: report.ts record <dir> <mode> <command> <loadavg> <body.json> <title> | write <dir>");
    Deno.exit(2);
  }
}

// The bench report writer (bench/report.ts): targets judged on the right side, charts that are
// well-formed SVG with every bar and point where its value puts it, labels escaped, the Markdown
// naming each figure's command and date and saying when the machine was loaded, and bad records
// refused.
import { assert, assertEquals } from "../_support/assert.ts";
import {
  barChart,
  escapeXml,
  fmt,
  lineChart,
  loaded,
  meets,
  type ModeResult,
  niceMax,
  renderReport,
} from "../../bench/report.ts";

Deno.test("meets judges a target from the side the ratio should be on", () => {
  assertEquals(meets({ label: "x", value: 0.6, target: 0.5, better: "higher" }), true);
  assertEquals(meets({ label: "x", value: 0.4, target: 0.5, better: "higher" }), false);
  assertEquals(meets({ label: "x", value: 0.5, target: 0.5 }), true); // higher by default, inclusive
  assertEquals(meets({ label: "x", value: 1.2, target: 1.3, better: "lower" }), true);
  assertEquals(meets({ label: "x", value: 1.31, target: 1.3, better: "lower" }), false);
  assertEquals(meets({ label: "x", value: 3 }), null);
  assertEquals(meets({ label: "x", value: 3, target: null }), null);
});

Deno.test("numbers and axes", () => {
  assertEquals(fmt(1234.4), "1234");
  assertEquals(fmt(12.345), "12.3");
  assertEquals(fmt(1.2345), "1.23");
  assertEquals(fmt(0.12345), "0.123");
  assertEquals(fmt(0), "0");
  let threw = false;
  try {
    fmt(NaN);
  } catch {
    threw = true;
  }
  assert(threw, "fmt(NaN) must throw, not print NaN into a chart");
  assertEquals(niceMax(0.93), 1);
  assertEquals(niceMax(1.3), 2);
  assertEquals(niceMax(2.2), 2.5);
  assertEquals(niceMax(31), 50);
  assertEquals(niceMax(0), 1);
  assertEquals(escapeXml(`a<b & "c">`), "a&lt;b &amp; &quot;c&quot;&gt;");
});

/** The SVG's elements of one tag, with their attributes. */
function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, "g"))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]))
  );
}

Deno.test("a bar chart draws each bar to scale, coloured by its target, with the label escaped", () => {
  const svg = barChart("Ratios <&>", [
    { label: "met", value: 0.6, target: 0.5, better: "higher" },
    { label: "missed", value: 1.5, target: 1.3, better: "lower" },
    { label: "no target", value: 0.75 },
  ]);
  assert(svg.startsWith("<svg ") && svg.trim().endsWith("</svg>"), "one svg element");
  assert(svg.includes("Ratios &lt;&amp;&gt;"), "title escaped");
  assert(!svg.includes("NaN"), "no NaN");
  const bars = elements(svg, "rect").slice(1); // the first is the background
  assertEquals(bars.map((b) => b.fill), ["#2e8b57", "#c0392b", "#8c8c8c"]);
  // The axis runs to niceMax(1.5) = 2: widths are proportional to the values.
  const widths = bars.map((b) => Number(b.width));
  assert(Math.abs(widths[0] / widths[1] - 0.6 / 1.5) < 0.01, `widths ${widths}`);
  assert(Math.abs(widths[2] / widths[1] - 0.75 / 1.5) < 0.01, `widths ${widths}`);
  // Two dashed target marks, none for the bar without a target.
  assertEquals(elements(svg, "line").filter((l) => l["stroke-dasharray"]).length, 2);
  let threw = false;
  try {
    barChart("empty", []);
  } catch {
    threw = true;
  }
  assert(threw, "a chart without bars is refused");
});

Deno.test("a line chart puts each point where its value is, in x order", () => {
  const svg = lineChart({
    title: "Throughput",
    xLabel: "loops",
    yLabel: "per s",
    points: [{ x: 4, y: 400 }, { x: 1, y: 100 }, { x: 2, y: 200 }, { x: 8, y: 500 }],
  });
  const dots = elements(svg, "circle").map((c) => ({ x: Number(c.cx), y: Number(c.cy) }));
  assertEquals(dots.length, 4);
  for (let i = 1; i < dots.length; i++) {
    assert(dots[i].x > dots[i - 1].x, "points in x order");
  }
  // y grows upwards: the 500 point is highest; 200 is twice as far above the axis as 100.
  const axisY = Number(elements(svg, "line").find((l) => l.x1 === "70" && l.y1 === l.y2 && l.stroke === "#000000")!.y1);
  const h = dots.map((d) => axisY - d.y);
  assert(Math.abs(h[1] / h[0] - 2) < 0.01, `heights ${h}`);
  assertEquals(Math.max(...h), h[3]);
});

const result = (over: Partial<ModeResult>): ModeResult => ({
  mode: "rls",
  title: "RLS list",
  command: "CL_BENCH_MODE=rls npm run bench",
  date: "2026-12-02T06:00:00Z",
  loadavg: [3.5, 2, 1],
  cores: 2,
  ratios: [{ label: "median user", value: 1.07, target: 1.3, better: "lower" }],
  lines: ["ratio (list under RLS / same list as service_role, worst case): 1.07"],
  ...over,
});

Deno.test("the report names each figure's command and date, says when the machine was loaded, and links its charts", () => {
  assertEquals(loaded({ loadavg: [3.5, 1, 1], cores: 2 }), true);
  assertEquals(loaded({ loadavg: [0.5, 1, 1], cores: 2 }), false);
  const files = renderReport([
    result({ mode: "hnsw", title: "HNSW", command: "CL_BENCH_MODE=hnsw npm run bench", loadavg: [0.2, 0.1, 0.1], ratios: [{ label: "recall@10", value: 0.9, target: 0.95 }] }),
    result({}),
    result({
      mode: "concurrency",
      title: "Concurrency",
      command: "CL_BENCH_MODE=concurrency npm run bench",
      ratios: [],
      series: { title: "loops", xLabel: "loops", yLabel: "per s", points: [{ x: 1, y: 10 }] },
    }),
  ]);
  assertEquals([...files.keys()].sort(), ["README.md", "concurrency-series.svg", "hnsw.svg", "rls.svg"]);
  const md = files.get("README.md")!;
  // Fixed order: concurrency, rls, hnsw (not the order given).
  assert(md.indexOf("## Concurrency") < md.indexOf("## RLS list") && md.indexOf("## RLS list") < md.indexOf("## HNSW"), md);
  assert(md.includes("Command: `CL_BENCH_MODE=rls npm run bench`, 2026-12-02T06:00:00Z; **loaded** machine"), md);
  assert(md.includes("Command: `CL_BENCH_MODE=hnsw npm run bench`, 2026-12-02T06:00:00Z; load average 0.20"), md);
  assert(!/hnsw npm run bench`[^\n]*loaded/.test(md), "an idle run is not called loaded");
  assert(md.includes("| rls | median user | 1.07 | <= 1.30 | yes |"), md);
  assert(md.includes("| hnsw | recall@10 | 0.900 | >= 0.950 | **no** |"), md);
  assert(md.includes("![RLS list](rls.svg)") && md.includes("![loops](concurrency-series.svg)"), md);
});

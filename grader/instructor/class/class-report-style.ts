/**
 * The class report's style sheet, inline in the page: one file that opens from disk with no
 * network, and prints (bars and status colours kept, rows not split across pages).
 */
export const classReportStyle = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6570; --line: #d8dde3; --good: #2f8f46; --fair: #c98a12; --poor: #c2413b; --bar: #3c6fb0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 18px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 150px; }
.card .value { font-size: 24px; font-weight: 650; }
.card .label { color: var(--muted); font-size: 13px; }
section.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
#histogram svg { display: block; width: 100%; height: auto; }
svg .bar { fill: var(--bar); }
svg .bar.full { fill: var(--good); }
svg .grid { stroke: #edf0f3; }
svg .axis { fill: var(--muted); font-size: 12px; }
svg .count { fill: var(--ink); font-size: 12px; font-weight: 600; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.rate { width: 290px; white-space: nowrap; }
.meter { display: inline-block; width: 140px; height: 10px; background: #edf0f3; border-radius: 5px; overflow: hidden; vertical-align: middle; margin-right: 8px; }
.fill { display: block; height: 100%; }
.fill.good { background: var(--good); } .fill.fair { background: var(--fair); } .fill.poor { background: var(--poor); }
.figure { font-variant-numeric: tabular-nums; }
.tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 4px; background: #eef1f5; color: var(--muted); }
.status { display: inline-block; font-size: 12px; padding: 1px 6px; border-radius: 4px; background: #eef1f5; margin: 1px 0; }
.status.passed { background: #e3f3e7; } .status.failed { background: #fbe7e5; }
.none { color: var(--muted); }
code { font-size: 13px; white-space: nowrap; }
.legend { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
.apart { margin: 14px 0 0; }
td.learner a { color: var(--bar); }
.notrun { display: inline-block; font-size: 12px; padding: 1px 6px; border-radius: 4px; background: #fbe7e5; margin: 1px 2px; }
ul.choices { list-style: none; margin: 0; padding: 0; font-size: 13px; }
ul.choices li { margin: 1px 0; }
ul.choices li.right b { color: var(--good); }
ul.choices .choice { color: var(--muted); }
.level { color: var(--muted); font-size: 12px; }
@media print {
  body { background: #fff; font-size: 12px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, .card, section.panel { break-inside: avoid; }
  .fill, .status, .notrun, svg .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  td.learner a { color: var(--ink); text-decoration: none; }
}
`;

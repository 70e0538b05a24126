// SPDX-License-Identifier: MIT
#include "report/html/page_style.h"

namespace whohungup::detail::html {

namespace {

// No "//" anywhere in the page (the tests look for network references): comments are /* */.
constexpr std::string_view kCss = R"CSS(
:root {
  --bg: #ffffff; --fg: #1b1f24; --muted: #5b6570; --line: #d6dbe1; --panel: #f5f7f9;
  --accent: #1f4e79; --bad: #9b1c1c;
  --k0: #1f4e79; --k1: #1f4e79; --k1b: #bcd3e8; --k2: #9ec3e6; --k3: #6b7785; --k4: #3c4650; --k4b: #e3e7eb;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14181c; --fg: #e4e8ec; --muted: #9aa5b1; --line: #343c45; --panel: #1d2329;
    --accent: #8cbcec; --bad: #f19999;
    --k0: #a9cdf2; --k1: #a9cdf2; --k1b: #3d5a78; --k2: #4f7094; --k3: #8d99a6; --k4: #c9d1d9; --k4b: #2a3139;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
p.lead, .muted { color: var(--muted); }
p.lead { margin: 0 0 18px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 12px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .n { display: block; font-size: 24px; font-weight: 650; }
.card .l { display: block; font-weight: 600; font-size: 13.5px; }
.card .s { display: block; color: var(--muted); font-size: 12.5px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 28px; align-items: start; }
figure { margin: 8px 0 16px; overflow-x: auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
svg.chart { width: 100%; height: auto; max-width: 900px; min-width: 560px; display: block; font-size: 12px; }
svg.chart text { fill: var(--fg); }
svg.chart .ttl { font-size: 15px; font-weight: 650; }
svg.chart .tick, svg.chart .note { fill: var(--muted); font-size: 11px; }
svg.chart .axis { fill: var(--muted); font-size: 12px; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .axisline { stroke: var(--muted); stroke-width: 1; }
svg.chart .hit { fill: transparent; }
svg.chart .col:hover rect:not(.hit), svg.chart .row:hover rect { opacity: 0.8; }
svg.chart .legend rect { stroke: var(--muted); }
.k0 { fill: var(--k0); } .k1 { fill: var(--k1); } .k1b { fill: var(--k1b); } .k2 { fill: var(--k2); }
.k3 { fill: var(--k3); } .k4 { fill: var(--k4); } .k4b { fill: var(--k4b); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
table.compact { width: auto; min-width: 50%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.error td { color: var(--bad); }
#inputs-table { font-size: 13px; }
#inputs-table td { padding: 3px 8px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 8px 0 10px; }
.controls input, .controls select, .controls button, th button {
  font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }
.controls input[type=search] { min-width: 260px; }
th button { border: 0; background: none; padding: 0; font-weight: 600; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " \25B2"; }
th[aria-sort=descending] button::after { content: " \25BC"; }
#calls tbody tr.call { cursor: pointer; }
#calls tbody tr.call:hover, #calls tbody tr.call:focus { background: var(--panel); outline: none; }
#calls tbody tr.call[aria-expanded=true] { background: var(--panel); }
#calls td.contact { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; white-space: nowrap; }
#calls td.mono { white-space: nowrap; font-size: 12.5px; }
tr.evidence td { background: var(--panel); padding: 8px 14px 12px; }
tr.evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 8px; }
tr.evidence dt { color: var(--muted); }
tr.evidence dd { margin: 0; }
tr.evidence ol { margin: 4px 0 0; padding-left: 22px; }
tr.evidence li { margin: 3px 0; }
tr.evidence .pos { color: var(--muted); margin: 0 8px; }
tr.evidence code { white-space: pre-wrap; overflow-wrap: anywhere; }
.who-agent { font-weight: 650; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 720px) {
  main { padding: 14px 12px 32px; }
  .grid2 { grid-template-columns: 1fr; }
  h1 { font-size: 21px; }
  table { font-size: 13px; }
  .controls input[type=search] { min-width: 0; width: 100%; }
  #calls .wide { display: none; }
  #calls td.contact { white-space: normal; word-break: break-all; }
}
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444c55; --line: #c4cad1; --panel: #f3f5f7; --bad: #9b1c1c;
    --k0: #1f4e79; --k1: #1f4e79; --k1b: #bcd3e8; --k2: #9ec3e6; --k3: #6b7785; --k4: #3c4650; --k4b: #e3e7eb;
  }
  body { background: #fff; color: #000; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .controls, .pager, noscript { display: none; }
  h2 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  svg.chart { max-width: 100%; min-width: 0; }
}
)CSS";

}  // namespace

std::string_view page_css() {
    return kCss;
}

}  // namespace whohungup::detail::html

// SPDX-License-Identifier: MIT
#include "report/html/calls_script.h"

#include <fmt/format.h>

#include "report/html/html_escape.h"

namespace whohungup::detail::html {

namespace {

constexpr std::size_t kRowsPerPage = 100;

// The table's behaviour. Plain ES5-level DOM code, no framework. Input strings only ever reach
// the page through textContent (never innerHTML), so they stay text. The data element's JSON is
// escaped for a <script> element by the reporter. No "//" in here (the page must hold no
// network-looking reference): comments are /* */.
constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var started = Date.now();
  var root = JSON.parse(document.getElementById('calls-data').textContent);
  var S = root.data.strings, P = root.parties, C = root.categories, F = root.confidences;
  var calls = root.data.calls, PAGE = root.page;
  var E_END = 0, E_START = 1, E_BY = 2, E_CAT = 3, E_CONF = 4, E_REASON = 5, E_RAW = 6, E_AGENT = 7,
      E_CONTACT = 8, E_SOURCE = 9, E_INPUT = 10, E_DETAIL = 11, E_OUTCOME = 12, E_EVIDENCE = 13,
      E_CHANNEL = 14, E_AGREEMENT = 15, E_SOURCES = 16;
  var A = root.agreements;
  var state = { col: -1, dir: 1, text: '', who: '', cat: '', conf: '', page: 0, open: {} };
  var view = [];
  var hay = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function time(ms) {
    if (ms === null) return '-';
    var d = new Date(ms);
    if (isNaN(d.getTime())) return String(ms);
    return d.toISOString().replace('T', ' ').replace('Z', '');
  }
  function durationMs(c) { return c[E_END] !== null && c[E_START] !== null ? c[E_END] - c[E_START] : null; }
  function duration(c) { var d = durationMs(c); return d === null ? '-' : (d / 1000).toFixed(1) + 's'; }
  function when(c) { return c[E_END] !== null ? c[E_END] : c[E_START]; }

  var columns = [
    function (c) { return when(c); },
    function (c) { return durationMs(c); },
    function (c) { return P[c[E_BY]]; },
    function (c) { return S[c[E_REASON]]; },
    function (c) { return c[E_CONF]; },
    function (c) { return S[c[E_AGENT]]; },
    function (c) { return c[E_CONTACT]; },
    function (c) { return S[c[E_SOURCE]]; }
  ];

  function compare(a, b) {
    var ka = columns[state.col](calls[a]), kb = columns[state.col](calls[b]);
    if (ka === kb) return a - b;
    if (ka === null || ka === '') return 1;
    if (kb === null || kb === '') return -1;
    return (ka < kb ? -1 : 1) * state.dir;
  }

  function haystack(i) {
    if (hay === null) hay = new Array(calls.length);
    if (hay[i] === undefined) {
      var c = calls[i];
      hay[i] = [c[E_CONTACT], S[c[E_AGENT]], S[c[E_REASON]], S[c[E_RAW]], S[c[E_SOURCE]], S[c[E_INPUT]],
                P[c[E_BY]], C[c[E_CAT]], time(when(c))].join('\n').toLowerCase();
    }
    return hay[i];
  }

  function refilter() {
    var text = state.text.toLowerCase();
    view = [];
    for (var i = 0; i < calls.length; i++) {
      var c = calls[i];
      if (state.who !== '' && P[c[E_BY]] !== state.who) continue;
      if (state.cat !== '' && C[c[E_CAT]] !== state.cat) continue;
      if (state.conf !== '' && F[c[E_CONF]] !== state.conf) continue;
      if (text !== '' && haystack(i).indexOf(text) < 0) continue;
      view.push(i);
    }
    if (state.col >= 0) view.sort(compare);
    state.page = 0;
  }

  function evidenceRow(i) {
    var c = calls[i];
    var tr = el('tr', 'evidence');
    var td = el('td');
    td.colSpan = 8;
    td.appendChild(el('p', 'detail', S[c[E_DETAIL]]));
    var dl = el('dl');
    var facts = [['category', C[c[E_CAT]]], ['raw reason', S[c[E_RAW]]], ['outcome', S[c[E_OUTCOME]]],
                 ['channel', S[c[E_CHANNEL]] === 'unknown' ? '' : S[c[E_CHANNEL]]],
                 ['sources', c[E_AGREEMENT] === 0 ? '' : A[c[E_AGREEMENT]] + ': ' + S[c[E_SOURCES]]],
                 ['started (UTC)', time(c[E_START])], ['ended (UTC)', time(c[E_END])], ['input', S[c[E_INPUT]]]];
    for (var f = 0; f < facts.length; f++) {
      if (facts[f][1] === '' || facts[f][1] === '-') continue;
      dl.appendChild(el('dt', null, facts[f][0]));
      dl.appendChild(el('dd', null, facts[f][1]));
    }
    td.appendChild(dl);
    var ev = c[E_EVIDENCE];
    if (ev.length === 0) {
      td.appendChild(el('p', 'muted', 'No evidence lines for this call.'));
    } else {
      var ol = el('ol');
      for (var k = 0; k < ev.length; k++) {
        var line = ev[k];
        var li = el('li');
        li.appendChild(el('span', 'mono', time(line[0])));
        li.appendChild(el('span', 'pos mono', S[line[1]] + (line[2] > 0 ? ':' + line[2] : ' byte ' + line[3])));
        li.appendChild(el('code', null, line[4]));
        ol.appendChild(li);
      }
      td.appendChild(ol);
    }
    tr.appendChild(td);
    return tr;
  }

  function toggle(i) {
    if (state.open[i]) {
      delete state.open[i];
    } else {
      state.open[i] = true;
    }
    render();
    var again = document.querySelector('#calls tr[data-i="' + i + '"]');
    if (again) again.focus();
  }

  function callRow(i) {
    var c = calls[i];
    var tr = el('tr', 'call');
    tr.setAttribute('data-i', String(i));
    tr.tabIndex = 0;
    tr.setAttribute('aria-expanded', state.open[i] ? 'true' : 'false');
    var cells = [[time(when(c)), 'mono'], [duration(c), 'num'], [P[c[E_BY]], 'who-' + P[c[E_BY]]],
                 [S[c[E_REASON]], ''], [F[c[E_CONF]], 'wide'], [S[c[E_AGENT]] || '-', ''],
                 [c[E_CONTACT], 'contact'], [S[c[E_SOURCE]], 'wide']];
    for (var k = 0; k < cells.length; k++) tr.appendChild(el('td', cells[k][1], cells[k][0]));
    tr.addEventListener('click', function () { toggle(i); });
    tr.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(i); }
    });
    return tr;
  }

  function render() {
    var body = $('calls-body');
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var from = state.page * PAGE, to = Math.min(view.length, from + PAGE);
    var fragment = document.createDocumentFragment();
    for (var r = from; r < to; r++) {
      fragment.appendChild(callRow(view[r]));
      if (state.open[view[r]]) fragment.appendChild(evidenceRow(view[r]));
    }
    body.textContent = '';
    body.appendChild(fragment);
    $('calls-shown').textContent = view.length === 0 ? 'No call matches.' :
      'Calls ' + (from + 1) + '\u2013' + to + ' of ' + view.length +
      (view.length === calls.length ? '' : ' (filtered from ' + calls.length + ')');
    $('page-info').textContent = 'page ' + (state.page + 1) + ' of ' + pages;
    $('page-prev').disabled = state.page === 0;
    $('page-next').disabled = state.page + 1 >= pages;
    var heads = document.querySelectorAll('#calls thead th');
    for (var h = 0; h < heads.length; h++) {
      heads[h].setAttribute('aria-sort', h === state.col ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  }

  function fillSelect(id, names) {
    var select = $(id);
    for (var n = 0; n < names.length; n++) {
      var option = el('option', null, names[n]);
      option.value = names[n];
      select.appendChild(option);
    }
    select.addEventListener('change', function () {
      state[select.getAttribute('data-key')] = select.value;
      refilter();
      render();
    });
  }

  fillSelect('f-who', P);
  fillSelect('f-cat', C);
  fillSelect('f-conf', F);
  $('f-text').addEventListener('input', function () { state.text = $('f-text').value; refilter(); render(); });
  $('page-prev').addEventListener('click', function () { state.page--; render(); });
  $('page-next').addEventListener('click', function () { state.page++; render(); });
  var buttons = document.querySelectorAll('#calls thead button');
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener('click', function (event) {
      var col = Number(event.currentTarget.getAttribute('data-col'));
      state.dir = state.col === col ? -state.dir : 1;
      state.col = col;
      refilter();
      render();
    });
  }

  function fromHash() {
    var hash = location.hash;
    if (hash.indexOf('#call=') !== 0) return;
    var id = decodeURIComponent(hash.slice(6));
    state.text = id;
    $('f-text').value = id;
    state.open = {};
    for (var i = 0; i < calls.length; i++) if (calls[i][E_CONTACT] === id) state.open[i] = true;
  }
  window.addEventListener('hashchange', function () { fromHash(); refilter(); render(); });
  fromHash();
  refilter();
  render();
  document.documentElement.setAttribute('data-calls-ready', String(calls.length));
  document.documentElement.setAttribute('data-script-ms', String(Date.now() - started));
})();
)JS";

}  // namespace

void append_calls_section(std::string& out, const CallStore& calls) {
    out += R"(<section id="calls-section"><h2>Calls</h2>
<p class="muted">Every call, in the order whohungup read them. Click a column to sort, type to filter
(contact, agent, reason, source, input, time), click a row (or press Enter on it) for its evidence.
Add <code>#call=CONTACT-ID</code> to the page address to open one call.</p>
<div class="controls">
<input type="search" id="f-text" placeholder="Filter: contact id, agent, reason, source..." aria-label="Filter calls">
<select id="f-who" data-key="who" aria-label="Ended by"><option value="">ended by: all</option></select>
<select id="f-cat" data-key="cat" aria-label="Category"><option value="">category: all</option></select>
<select id="f-conf" data-key="conf" aria-label="Confidence"><option value="">confidence: all</option></select>
<span id="calls-shown" aria-live="polite"></span>
</div>
<noscript><p>The calls table needs scripts to be enabled; the summary and charts above do not.
The same calls are in <code>whohungup --format csv</code>.</p></noscript>
<div class="scroll"><table id="calls"><thead><tr>
<th><button type="button" data-col="0">Ended (UTC)</button></th>
<th class="num"><button type="button" data-col="1">Duration</button></th>
<th><button type="button" data-col="2">Ended by</button></th>
<th><button type="button" data-col="3">Reason</button></th>
<th class="wide"><button type="button" data-col="4">Confidence</button></th>
<th><button type="button" data-col="5">Agent</button></th>
<th><button type="button" data-col="6">Contact</button></th>
<th class="wide"><button type="button" data-col="7">Source</button></th>
</tr></thead><tbody id="calls-body"></tbody></table></div>
<div class="controls pager"><button type="button" id="page-prev">&larr; Previous</button>
<span id="page-info"></span><button type="button" id="page-next">Next &rarr;</button></div>
</section>
)";
    out += R"(<script type="application/json" id="calls-data">{"page":)";
    out += fmt::format("{}", kRowsPerPage);
    const auto names = [&out](std::string_view key, auto first, auto last) {
        out += fmt::format(",\"{}\":[", key);
        for (auto value = static_cast<int>(first); value <= static_cast<int>(last); ++value) {
            if (value != static_cast<int>(first)) {
                out.push_back(',');
            }
            append_script_json(out, to_string(static_cast<decltype(first)>(value)));
        }
        out.push_back(']');
    };
    names("parties", Party::kAgent, Party::kUnknown);
    names("categories", Category::kHangup, Category::kOther);
    names("confidences", Confidence::kHigh, Confidence::kLow);
    names("agreements", Agreement::kSingle, Agreement::kConflict);
    out += ",\"data\":";
    calls.append_json(out);
    out += "}</script>\n<script>";
    out += kScript;
    out += "</script>\n";
}

}  // namespace whohungup::detail::html

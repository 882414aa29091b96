/* ibid viewer. Two modes:
 * - served by `ibid serve`: the scholar pastes notes, the page POSTs them to
 *   /v1/notes and renders the notes document; downloads ask the server again;
 * - standalone (`ibid parse --format html`): the document (and pre-rendered
 *   exports) are embedded in <script type="application/json" id="ibid-data">.
 * Spans in the document are code-point offsets into the original input. */
(function () {
  'use strict';

  var LABELS = ['author', 'editor', 'translator', 'title', 'container-title', 'collection-title',
    'volume', 'issue', 'pages', 'date', 'publisher', 'location', 'edition', 'genre', 'note',
    'url', 'doi', 'isbn', 'archive', 'archive-location', 'other'];
  var KIND_TEXT = {
    full: 'full', ibid: 'ibid', short: 'short', abbreviation: 'abbr.',
    'cross-reference': 'cross-ref'
  };
  var EXPORTS = [
    { format: 'csl-json', label: 'CSL-JSON', file: 'ibid-works.json', type: 'application/vnd.citationstyles.csl+json' },
    { format: 'bibtex', label: 'BibTeX', file: 'ibid-works.bib', type: 'application/x-bibtex' },
    { format: 'ris', label: 'RIS', file: 'ibid-works.ris', type: 'application/x-research-info-systems' },
    { format: 'tei', label: 'TEI', file: 'ibid-notes.tei.xml', type: 'application/tei+xml' },
    { format: 'chicago', label: 'Chicago', file: 'ibid-chicago.txt', type: 'text/plain' }
  ];
  var EXAMPLE = [
    '1 Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.',
    '2 Ibid., p. 91.',
    '3 Kennedy, P. M., \u2018The Tradition of Appeasement in British Foreign Policy, 1865\u20131939\u2019, British Journal of International Studies, 2 (1976), pp. 195\u2013215.',
    '4 Parker, R. A. C., Chamberlain and Appeasement: British Policy and the Coming of the Second World War (Basingstoke, 1993), p. 12.',
    '5 Taylor, Origins, p. 99.',
    '6 Kennedy, cited in note 3, p. 200.',
    '7 Ibid., p. 201.'
  ].join('\n');

  var state = { doc: null, source: null, exports: null, input: null, offline: false };

  function $(id) { return document.getElementById(id); }

  /* Build an element: el('a', {href: '#w1', class: 'x'}, [children or text]). */
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') e.textContent = v;
        else if (k === 'class') e.className = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }

  function setStatus(text, isError) {
    var s = $('status');
    s.textContent = text;
    s.className = 'status' + (isError ? ' error' : '');
  }

  /* ---------- item formatting (the bibliography column) ---------- */

  function nameText(n) {
    if (!n) return '';
    if (n.literal) return n.literal;
    var family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
    var given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
    var s = given ? family + ', ' + given : family;
    return n.suffix ? s + ', ' + n.suffix : s;
  }

  function names(list) {
    if (!list || !list.length) return '';
    var shown = list.slice(0, 3).map(nameText).filter(Boolean);
    var s = shown.join('; ');
    return list.length > 3 ? s + ' et al.' : s;
  }

  function yearOf(item) {
    var d = item && item.issued;
    if (!d) return '';
    if (d['date-parts'] && d['date-parts'][0] && d['date-parts'][0][0]) return String(d['date-parts'][0][0]);
    return d.literal || d.raw || '';
  }

  var PART_TYPES = { chapter: 1, 'article-journal': 1, 'article-magazine': 1, 'article-newspaper': 1, 'paper-conference': 1, 'entry-encyclopedia': 1 };

  /* "Author, Title, Container, vol. (Place: Publisher, Year), pages." as DOM nodes. */
  function formatItem(item) {
    var out = [];
    function put(sep, node) { if (out.length) out.push(sep); out.push(node); }
    var who = names(item.author) || (item.editor && item.editor.length ? names(item.editor) + ' (ed.)' : '');
    if (who) put(', ', who);
    if (item.title) {
      if (PART_TYPES[item.type] || item['container-title']) put(', ', '\u2018' + item.title + '\u2019');
      else put(', ', el('cite', null, [item.title]));
    }
    if (item['container-title']) put(', ', el('cite', null, [item['container-title']]));
    var tail = [];
    if (item['collection-title']) tail.push(item['collection-title']);
    if (item.volume) tail.push('vol. ' + item.volume);
    if (item.issue) tail.push('no. ' + item.issue);
    if (tail.length) put(', ', tail.join(', '));
    var pub = [item['publisher-place'], item.publisher].filter(Boolean).join(': ');
    var paren = [pub, yearOf(item)].filter(Boolean).join(', ');
    if (paren) put(' ', '(' + paren + ')');
    var arch = [item.archive_location, item.archive, item['archive-place']].filter(Boolean).join(', ');
    if (arch) put(', ', arch);
    if (item.page) put(', ', item.page);
    if (!out.length) return [el('span', { class: 'muted' }, ['(no fields)'])];
    out.push('.');
    return out;
  }

  /* A short label for a back-reference chip: "Taylor 1961" or a title's first words. */
  function shortLabel(work) {
    if (!work) return '';
    var a = work.author && work.author[0];
    var who = a ? (a.family || a.literal || '') : '';
    if (!who && work.title) who = work.title.split(/\s+/).slice(0, 4).join(' ');
    if (!who && work['container-title']) who = work['container-title'].split(/\s+/).slice(0, 4).join(' ');
    var y = yearOf(work);
    return (who + (y ? ' ' + y : '')).trim() || work.id;
  }

  /* ---------- mapping citations onto text ---------- */

  /* UTF-16 offsets of every code point boundary of a string:
   * offs[k] is where code point k starts; n code points in all. */
  function codePointOffsets(s) {
    var offs = new Uint32Array(s.length + 1);
    var n = 0, i = 0;
    while (i < s.length) {
      offs[n++] = i;
      var c = s.charCodeAt(i);
      i += (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) ? 2 : 1;
    }
    offs[n] = i;
    return { offs: offs, n: n };
  }

  /* Runs of one note: the text to show and, in its UTF-16 offsets, the
   * citations (with fields) and diagnostic marks. With the original input,
   * the spans are used as given; otherwise (standalone file, HTML input) the
   * citation and field texts are found in the cleaned note text in order. */
  function noteRuns(note, diags, src) {
    var cites = note.citations || [];
    if (src) {
      var ns = note.span[0], ne = note.span[1];
      var ok = ns <= ne && ne <= src.n;
      cites.forEach(function (c) {
        if (!(c.span && c.span[0] >= ns && c.span[1] <= ne && c.span[0] <= c.span[1])) ok = false;
      });
      if (ok) {
        var base = src.offs[ns];
        var at = function (cp) { return src.offs[Math.max(ns, Math.min(ne, cp))] - base; };
        return {
          text: src.text.slice(base, src.offs[ne]),
          cites: cites.map(function (c, i) {
            return {
              start: at(c.span[0]), end: at(c.span[1]), index: i, c: c,
              fields: (c.fields || []).filter(function (f) {
                return f.span && f.span[0] >= c.span[0] && f.span[1] <= c.span[1];
              }).map(function (f) { return { start: at(f.span[0]), end: at(f.span[1]), label: f.label }; })
            };
          }),
          marks: diags.filter(function (d) {
            return d.span && d.span[0] >= ns && d.span[1] <= ne && d.span[0] < d.span[1];
          }).map(function (d) { return { start: at(d.span[0]), end: at(d.span[1]), d: d }; }),
          // the words that introduce a citation ("See, e.g.,", "Vgl.")
          signals: cites.filter(function (c) {
            return c.signal && c.signal.span && c.signal.span[0] >= ns && c.signal.span[1] <= ne;
          }).map(function (c) { return { start: at(c.signal.span[0]), end: at(c.signal.span[1]) }; })
        };
      }
    }
    var text = note.text || '';
    var from = 0;
    var runs = [];
    var signals = [];
    cites.forEach(function (c, i) {
      var t = c.text || '';
      var pos = t ? text.indexOf(t, from) : -1;
      if (pos < 0) return;
      var g = c.signal && c.signal.text;
      var gp = g ? text.lastIndexOf(g, pos) : -1;
      if (gp >= from) signals.push({ start: gp, end: gp + g.length });
      var fields = [];
      var fromF = 0;
      (c.fields || []).forEach(function (f) {
        var p = f.text ? t.indexOf(f.text, fromF) : -1;
        if (p < 0) return;
        fields.push({ start: pos + p, end: pos + p + f.text.length, label: f.label });
        fromF = p + f.text.length;
      });
      runs.push({ start: pos, end: pos + t.length, index: i, c: c, fields: fields });
      from = pos + t.length;
    });
    return { text: text, cites: runs, marks: [], signals: signals };
  }

  /* ---------- rendering ---------- */

  function renderNoteText(p, runs, ctx) {
    var text = runs.text;
    var points = [0, text.length];
    function add(a, b) { points.push(Math.max(0, Math.min(text.length, a)), Math.max(0, Math.min(text.length, b))); }
    runs.cites.forEach(function (r) {
      add(r.start, r.end);
      r.fields.forEach(function (f) { add(f.start, f.end); });
    });
    runs.marks.forEach(function (m) { add(m.start, m.end); });
    var signals = runs.signals || [];
    signals.forEach(function (g) { add(g.start, g.end); });
    points.sort(function (a, b) { return a - b; });
    var cuts = points.filter(function (v, i) { return i === 0 || v !== points[i - 1]; });

    var curRun = null, curCite = null, curField = null, curFieldObj = null;
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1];
      if (a >= b) continue;
      var run = null;
      for (var i = 0; i < runs.cites.length; i++) {
        if (runs.cites[i].start <= a && b <= runs.cites[i].end) { run = runs.cites[i]; break; }
      }
      var field = null;
      if (run) {
        for (var j = 0; j < run.fields.length; j++) {
          if (run.fields[j].start <= a && b <= run.fields[j].end) { field = run.fields[j]; break; }
        }
      }
      var marked = runs.marks.filter(function (m) { return m.start <= a && b <= m.end; });
      if (run !== curRun) {
        if (curRun) ctx.afterCite(p, curRun);
        curRun = run;
        curCite = run ? ctx.citeElement(run) : null;
        if (curCite) p.appendChild(curCite);
        curField = null; curFieldObj = null;
      }
      if (field !== curFieldObj) {
        curFieldObj = field;
        curField = field ? el('span', { class: 'f f-' + field.label, title: field.label }) : null;
        if (curField) curCite.appendChild(curField);
      }
      var piece = text.slice(a, b);
      var node;
      if (marked.length) {
        node = el('mark', { class: 'diag-mark', title: marked.map(function (m) { return m.d.code + ': ' + m.d.message; }).join('\n') }, [piece]);
        if (curCite) curCite.classList.add('has-diag');
      } else {
        node = document.createTextNode(piece);
      }
      var parent = curField || curCite;
      if (!parent) {
        var signal = signals.some(function (g) { return g.start <= a && b <= g.end; });
        parent = signal
          ? el('span', { class: 'signal', title: 'signal: the words that introduce the citation' })
          : el('span', { class: 'prose' });
        p.appendChild(parent);
      }
      parent.appendChild(node);
    }
    if (curRun) ctx.afterCite(p, curRun);
  }

  function render(doc, source) {
    state.doc = doc;
    var works = {};
    (doc.works || []).forEach(function (w) { if (w.id) works[w.id] = w; });
    var notes = doc.notes || [];
    var diagsByNote = {};
    var docDiags = [];
    var noteDomId = {};
    notes.forEach(function (n, i) {
      if (n.number !== null && n.number !== undefined && !(n.number in noteDomId)) noteDomId[n.number] = 'n-' + i;
    });
    (doc.diagnostics || []).forEach(function (d) {
      if (d.note !== null && d.note !== undefined && d.note in noteDomId) {
        (diagsByNote[d.note] = diagsByNote[d.note] || []).push(d);
      } else {
        docDiags.push(d);
      }
    });
    var src = null;
    if (typeof source === 'string' && doc.form !== 'html') {
      var cp = codePointOffsets(source);
      src = { text: source, offs: cp.offs, n: cp.n };
    }

    // antecedent: the last earlier note citing the same work
    var lastNoteOfWork = {};
    var counts = { cites: 0, back: 0, unresolved: 0 };
    var labelsUsed = {};

    var list = $('notes');
    list.textContent = '';
    notes.forEach(function (note, ni) {
      var domId = 'n-' + ni;
      var numberText = note.number === null || note.number === undefined ? '' : String(note.number);
      var li = el('li', { class: 'note' + ((note.citations || []).length ? '' : ' prose-only'), id: domId, 'data-number': numberText });
      li.appendChild(el('span', { class: 'note-num', 'aria-label': numberText ? 'Note ' + numberText : 'Text between notes' }, [numberText]));
      var p = el('p', { class: 'note-text' });
      var noteDiags = note.number === null || note.number === undefined ? [] : (diagsByNote[note.number] || []);
      if (noteDomId[note.number] !== domId) noteDiags = [];
      var runs = noteRuns(note, noteDiags, src);
      var seenHere = [];
      var ctx = {
        citeElement: function (run) {
          var c = run.c;
          counts.cites++;
          var back = c.kind !== 'full';
          var cls = 'cite k-' + c.kind + (back ? (c.work ? ' resolved-back' : ' unresolved') : '');
          var tip = [KIND_TEXT[c.kind] || c.kind];
          if (c.work) tip.push('work ' + c.work);
          if (c.locator) tip.push('at ' + c.locator);
          var span = el('span', { class: cls, 'data-work': c.work || null, title: tip.join(' \u00b7 ') });
          run.fields.forEach(function (f) { labelsUsed[f.label] = (labelsUsed[f.label] || 0) + 1; });
          return span;
        },
        afterCite: function (parent, run) {
          var c = run.c;
          if (c.kind === 'full') {
            if (c.work) seenHere.push(c.work);
            return;
          }
          counts.back++;
          var kind = el('span', { class: 'kind kind-' + c.kind }, [KIND_TEXT[c.kind] || c.kind]);
          parent.appendChild(kind);
          if (c.work) {
            var work = works[c.work];
            var ante = lastNoteOfWork[c.work];
            var a = el('a', {
              class: 'backref', href: '#' + c.work, 'data-work': c.work, 'data-antecedent': ante || null,
              'aria-label': (KIND_TEXT[c.kind] || c.kind) + ' refers to ' + shortLabel(work || { id: c.work }) + ', work ' + c.work
            }, ['\u2192 ' + shortLabel(work || { id: c.work })]);
            parent.appendChild(a);
            seenHere.push(c.work);
          } else {
            counts.unresolved++;
            parent.appendChild(el('span', { class: 'backref unresolved-chip', title: 'This back-reference did not resolve to a work' }, ['unresolved']));
          }
        }
      };
      renderNoteText(p, runs, ctx);
      // citations that could not be placed on the text are still listed
      var placed = {};
      runs.cites.forEach(function (r) { placed[r.index] = true; });
      (note.citations || []).forEach(function (c, i) {
        if (placed[i]) return;
        p.appendChild(document.createTextNode(' '));
        var run = { c: c, fields: [], index: i };
        var span = ctx.citeElement(run);
        span.appendChild(document.createTextNode(c.text || ''));
        p.appendChild(span);
        ctx.afterCite(p, run);
      });
      li.appendChild(p);
      if (noteDiags.length) {
        li.appendChild(el('ul', { class: 'note-diags' }, noteDiags.map(diagItem)));
      }
      list.appendChild(li);
      seenHere.forEach(function (w) { lastNoteOfWork[w] = domId; });
    });

    var dd = $('doc-diagnostics');
    dd.textContent = '';
    if (docDiags.length) dd.appendChild(el('ul', { class: 'note-diags' }, docDiags.map(diagItem)));

    renderWorks(doc, noteDomId);
    renderAbbreviations(doc);
    renderLegend(labelsUsed);
    var nDiag = (doc.diagnostics || []).length;
    var stats = $('stats');
    stats.textContent = '';
    [[notes.length, 'notes'], [counts.cites, 'citations'], [(doc.works || []).length, 'works'],
      [counts.back, 'back-references'], [nDiag, nDiag === 1 ? 'diagnostic' : 'diagnostics']].forEach(function (s) {
      stats.appendChild(el('span', null, [el('b', null, [String(s[0])]), ' ' + s[1]]));
    });
    $('results').hidden = false;
  }

  function diagItem(d) {
    return el('li', { class: 'diag' }, [el('span', { class: 'diag-code' }, ['\u26a0 ' + d.code]), el('span', null, [d.message])]);
  }

  function renderWorks(doc, noteDomId) {
    var ol = $('works');
    ol.textContent = '';
    var works = doc.works || [];
    $('works-empty').hidden = works.length > 0;
    works.forEach(function (w) {
      var li = el('li', { class: 'work', id: w.id || null });
      li.appendChild(el('div', { class: 'work-head' }, [
        el('span', { class: 'work-id' }, [w.id || '']), el('span', { class: 'type' }, [w.type || 'document'])
      ]));
      li.appendChild(el('div', { class: 'work-ref' }, formatItem(w)));
      var cited = w.cited_in || [];
      if (cited.length) {
        var locs = {};
        (w.locators || []).forEach(function (l) { (locs[l.note] = locs[l.note] || []).push(l.locator); });
        var line = el('div', { class: 'work-cited' }, [cited.length === 1 ? 'Cited in note ' : 'Cited in notes ']);
        cited.forEach(function (n, i) {
          if (i) line.appendChild(document.createTextNode(', '));
          var target = noteDomId[n];
          line.appendChild(target ? el('a', { href: '#' + target, 'data-note-link': target }, [String(n)]) : document.createTextNode(String(n)));
          if (locs[n]) line.appendChild(document.createTextNode(' (' + locs[n].join('; ') + ')'));
        });
        li.appendChild(line);
      }
      var links = w.links || (w.custom && w.custom.links) || {};
      var ls = [];
      if (links.doi) ls.push(el('a', { href: links.doi, target: '_blank', rel: 'noopener noreferrer' }, ['DOI']));
      if (links.google_scholar) ls.push(el('a', { href: links.google_scholar, target: '_blank', rel: 'noopener noreferrer' }, ['Google Scholar']));
      if (links.worldcat) ls.push(el('a', { href: links.worldcat, target: '_blank', rel: 'noopener noreferrer' }, ['WorldCat']));
      if (ls.length) li.appendChild(el('div', { class: 'work-links' }, ls));
      ol.appendChild(li);
    });
  }

  function renderAbbreviations(doc) {
    var dl = $('abbreviations');
    dl.textContent = '';
    var abbrs = doc.abbreviations || [];
    $('abbrev-block').hidden = abbrs.length === 0;
    abbrs.forEach(function (a) {
      dl.appendChild(el('dt', null, [a.short]));
      var dd = el('dd', null, [a.long]);
      if (a.work) dd.appendChild(el('a', { href: '#' + a.work, class: 'small' }, [' (' + a.work + ')']));
      dl.appendChild(dd);
    });
  }

  function renderLegend(used) {
    var lg = $('legend');
    lg.textContent = '';
    LABELS.forEach(function (l) {
      if (!used[l]) return;
      lg.appendChild(el('span', { class: 'f f-' + l }, [l.replace(/-/g, ' ') + ' \u00b7 ' + used[l]]));
    });
  }

  /* ---------- hover: antecedent note and work ---------- */

  function highlight(target, on) {
    var ante = target.getAttribute('data-antecedent');
    var work = target.getAttribute('data-work');
    if (ante) { var n = $(ante); if (n) n.classList.toggle('antecedent', on); }
    if (work) { var w = $(work); if (w) w.classList.toggle('hl', on); }
  }

  function hoverTarget(e) {
    var t = e.target;
    if (!t || !t.closest) return null;
    var chip = t.closest('a.backref');
    if (chip) return chip;
    var cite = t.closest('.cite');
    if (!cite) return null;
    // a back-reference's text highlights what its chip points to
    var next = cite.nextElementSibling;
    while (next && next.classList.contains('kind')) next = next.nextElementSibling;
    if (next && next.matches('a.backref')) return next;
    return cite.hasAttribute('data-work') ? cite : null;
  }

  function wireHover() {
    var notes = $('notes');
    var current = null;
    function enter(e) {
      var t = hoverTarget(e);
      if (t === current) return;
      if (current) highlight(current, false);
      current = t;
      if (t) highlight(t, true);
    }
    function leave() { if (current) highlight(current, false); current = null; }
    notes.addEventListener('mouseover', enter);
    notes.addEventListener('mouseleave', leave);
    notes.addEventListener('focusin', enter);
    notes.addEventListener('focusout', leave);
    $('works').addEventListener('mouseover', function (e) {
      var a = e.target.closest && e.target.closest('a[data-note-link]');
      document.querySelectorAll('.note.antecedent').forEach(function (n) { n.classList.remove('antecedent'); });
      if (a) { var n = $(a.getAttribute('data-note-link')); if (n) n.classList.add('antecedent'); }
    });
    $('works').addEventListener('mouseleave', function () {
      document.querySelectorAll('.note.antecedent').forEach(function (n) { n.classList.remove('antecedent'); });
    });
  }

  /* ---------- downloads ---------- */

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: name, class: 'visually-hidden' });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  function download(x, button) {
    if (state.offline) {
      var text = state.exports && state.exports[x.format];
      if (typeof text !== 'string') { setStatus(x.label + ' is not embedded in this file.', true); return; }
      save(new Blob([text], { type: x.type + ';charset=utf-8' }), x.file);
      setStatus('Saved ' + x.file + '.');
      return;
    }
    if (state.input === null) return;
    button.disabled = true;
    fetch('v1/notes?format=' + encodeURIComponent(x.format), {
      method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: state.input
    }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(errorText(r.status, t)); });
      return r.blob();
    }).then(function (blob) {
      save(new Blob([blob], { type: x.type + ';charset=utf-8' }), x.file);
      setStatus('Saved ' + x.file + '.');
    }).catch(function (e) {
      setStatus('Download failed: ' + e.message, true);
    }).then(function () { button.disabled = false; });
  }

  function renderDownloads() {
    var box = $('download-buttons');
    box.textContent = '';
    EXPORTS.forEach(function (x) {
      var b = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-format': x.format, 'aria-label': 'Download ' + x.label }, [x.label]);
      if (state.offline && !(state.exports && typeof state.exports[x.format] === 'string')) {
        b.disabled = true;
        b.title = 'Not embedded in this file';
      }
      b.addEventListener('click', function () { download(x, b); });
      box.appendChild(b);
    });
  }

  /* ---------- online parsing ---------- */

  function errorText(status, body) {
    var msg = '';
    try { msg = JSON.parse(body).error || ''; } catch (e) { msg = (body || '').slice(0, 200); }
    if (status === 413) return 'the input is larger than the server accepts' + (msg ? ' (' + msg + ')' : '');
    if (status === 503) return 'the server is busy, try again in a moment';
    if (status === 504) return 'the server took too long on this input';
    return 'HTTP ' + status + (msg ? ': ' + msg : '');
  }

  function parse(text) {
    var btn = $('parse-btn');
    if (!text.trim()) { setStatus('Paste some notes first.', true); return; }
    btn.disabled = true;
    setStatus('Reading your notes\u2026');
    var t0 = performance.now();
    fetch('v1/notes?format=json', {
      method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' }, body: text
    }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(errorText(r.status, t)); });
      return r.json();
    }).then(function (doc) {
      state.input = text;
      render(doc, text);
      var ms = Math.round(performance.now() - t0);
      setStatus('Read ' + (doc.notes || []).length + ' notes in ' + ms + ' ms.');
    }).catch(function (e) {
      setStatus('Could not parse: ' + e.message, true);
    }).then(function () { btn.disabled = false; });
  }

  function readFile(file) {
    if (!file) return;
    if (file.size > 50 * 1024 * 1024) { setStatus('That file is too large for the page (over 50 MB).', true); return; }
    if (/\.docx$/i.test(file.name)) {
      setStatus('The page reads text and HTML files. For ' + file.name + ', run "ibid parse ' + file.name +
        ' --format html" or POST the file to v1/notes.', true);
      return;
    }
    file.text().then(function (t) {
      $('notes-input').value = t;
      setStatus('Loaded ' + file.name + '.');
      parse(t);
    }, function () { setStatus('Could not read ' + file.name + '.', true); });
  }

  function wireInput() {
    $('input-form').addEventListener('submit', function (e) { e.preventDefault(); parse($('notes-input').value); });
    $('example-btn').addEventListener('click', function () { $('notes-input').value = EXAMPLE; parse(EXAMPLE); });
    $('file-input').addEventListener('change', function (e) { readFile(e.target.files && e.target.files[0]); e.target.value = ''; });
    var zone = $('drop-zone');
    ['dragenter', 'dragover'].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      zone.addEventListener(t, function () { zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      readFile(f);
    });
    $('notes-input').addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); parse($('notes-input').value); }
    });
  }

  function init() {
    var data = $('ibid-data');
    $('colour-toggle').addEventListener('change', function (e) {
      $('results').classList.toggle('colours-off', !e.target.checked);
    });
    wireHover();
    if (data) {
      state.offline = true;
      document.body.classList.add('standalone');
      $('footer-note').textContent = 'A standalone page: the notes document and its exports are embedded in this file.';
      var payload;
      try { payload = JSON.parse(data.textContent); } catch (e) { setStatus('The embedded document cannot be read.', true); return; }
      state.exports = payload.exports || {};
      renderDownloads();
      render(payload.document || {}, typeof payload.source === 'string' ? payload.source : null);
      setStatus('');
      return;
    }
    $('footer-note').textContent = 'Your text is sent only to this ibid server and is not stored.';
    renderDownloads();
    wireInput();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

/* Acervo search: reads the static index that the build writes under <lang>/search/ (see
   org.acervo.search.IndexFiles). Index files are classic scripts that call acervoSearch.*, so
   search works from file:// as well as over http. Nothing here inserts index text as HTML. */
(function () {
  'use strict';
  var LEVELS = 44, TOP = 10, FEW = 5, PREFIX_SHARDS = 2, TYPO_SHARDS = 3;
  var indexes = {}, waiting = {};

  // ---- analysis: the same steps, in the same order, as SearchAnalyzer.java ----------------
  var WORD = /[\p{L}\p{Nd}\p{M}]+/gu, MARK = /\p{Mn}/gu;
  function lower(w) {
    var out = '';
    for (var ch of w) { var l = ch.toLowerCase(); out += [...l].length === 1 ? l : ch === '\u0130' ? 'i' : ch; }
    return out;
  }
  function fold(w) {
    var out = '';
    for (var ch of w) out += ch < '\x80' || ch === '\u00f1' ? ch : ch.normalize('NFD').replace(MARK, '');
    return out;
  }
  function stemEs(s) {
    var n = s.length;
    if (n < 5) return s;
    s = s.replace(/[àáâä]/g, 'a').replace(/[òóôö]/g, 'o').replace(/[èéêë]/g, 'e').replace(/[ùúûü]/g, 'u').replace(/[ìíîï]/g, 'i');
    var c = s[n - 1];
    if (c === 'o' || c === 'a' || c === 'e') return s.slice(0, n - 1);
    if (c === 's') {
      if (s[n - 2] === 'e' && s[n - 3] === 's' && s[n - 4] === 'e') return s.slice(0, n - 2);
      if (s[n - 2] === 'e' && s[n - 3] === 'c') return s.slice(0, n - 3) + 'z';
      if (s[n - 2] === 'o' || s[n - 2] === 'a' || s[n - 2] === 'e') return s.slice(0, n - 2);
    }
    return s;
  }
  function stemEn(s) {
    var n = s.length;
    if (n < 3 || s[n - 1] !== 's') return s;
    switch (s[n - 2]) {
      case 'u': case 's': return s;
      case 'e':
        if (n > 3 && s[n - 3] === 'i' && s[n - 4] !== 'a' && s[n - 4] !== 'e') return s.slice(0, n - 3) + 'y';
        if (s[n - 3] === 'i' || s[n - 3] === 'a' || s[n - 3] === 'o' || s[n - 3] === 'e') return s;
      // falls through
      default: return s.slice(0, n - 1);
    }
  }
  /* Words of a text with their analysed terms (null for stop words). The Java stemmers work on
     UTF-16 units and only look at ASCII letters, so string indexes are the same here. */
  function analyse(text, m) {
    var out = [], stop = m.stopSet || (m.stopSet = new Set(m.stop));
    var stem = m.stem === 'es' ? stemEs : m.stem === 'en' ? stemEn : function (s) { return s; };
    text = text.normalize('NFC');
    WORD.lastIndex = 0;
    for (var match; (match = WORD.exec(text));) {
      // Lucene's CharTokenizer splits words longer than 255 UTF-16 units
      for (var i = 0; i < match[0].length; i += 255) {
        var piece = match[0].slice(i, i + 255), t = fold(lower(piece));
        out.push({word: piece, at: match.index + i, term: stop.has(t) ? null : stem(t)});
      }
    }
    return out;
  }

  // ---- loading: classic scripts, which also work from file:// ------------------------------
  /* High priority: scripts added from script are otherwise low priority, and Chromium holds
     back low-priority requests, so ten shards would go out in two or three rounds. */
  function load(url) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url; s.charset = 'utf-8'; s.async = true; s.fetchPriority = 'high';
      s.onload = function () { s.remove(); resolve(); };
      s.onerror = function () { s.remove(); reject(new Error('cannot load ' + url)); };
      document.head.appendChild(s);
    });
  }
  var api = window.acervoSearch = {
    manifest: function (m) {
      m.base = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, '') : '';
      m.digit = {}; for (var i = 0; i < m.abc.length; i++) m.digit[m.abc[i]] = i;
      m.terms = []; m.docs = []; m.pending = {};
      indexes[m.lang] = m;
      (waiting[m.lang] || []).forEach(function (f) { f(m); });
    },
    terms: function (lang, shard, flat) {
      var map = new Map();
      for (var i = 0; i < flat.length; i += 2) map.set(flat[i], flat[i + 1]);
      indexes[lang].terms[shard] = map;
    },
    docs: function (lang, shard, records) { indexes[lang].docs[shard] = records; },
    analyse: analyse
  };
  function manifestOf(lang, url) {
    if (indexes[lang]) return Promise.resolve(indexes[lang]);
    return new Promise(function (resolve, reject) {
      (waiting[lang] = waiting[lang] || []).push(resolve);
      if (url && !waiting[lang].requested) { waiting[lang].requested = true; load(url).catch(reject); }
    });
  }
  function shard(m, kind, i) {
    var have = kind === 't' ? m.terms : m.docs, key = kind + i;
    if (have[i]) return Promise.resolve();
    if (!m.pending[key]) m.pending[key] = load(m.base + (kind === 't' ? m.tf : m.df)[i]);
    return m.pending[key];
  }
  function termShard(m, term) { // the last shard whose first term is <= term
    var lo = 0, hi = m.tk.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (m.tk[mid] <= term) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function docShard(m, doc) {
    var lo = 0, hi = m.dk.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (m.dk[mid] <= doc) lo = mid; else hi = mid - 1; }
    return lo;
  }

  // ---- matching ------------------------------------------------------------------------------
  function oneEdit(a, b) { // Damerau (adjacent transposition) distance of at most one
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0; while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  /* Adds a term's pages to `into` (page -> {score, title, exact}); `exact` is false for the
     variants of a word (prefix, typo), which rank after the pages that hold the word itself. */
  function decode(m, postings, weight, into, exact) {
    var scale = Math.log1p(m.max);
    for (var i = 0, doc = -1; i < postings.length;) {
      var s = m.digit[postings[i++]], gap = 0, mult = 1, d;
      while ((d = m.digit[postings[i++]]) >= LEVELS) { gap += (d - LEVELS) * mult; mult *= LEVELS; }
      gap += d * mult; doc += gap + 1;
      var score = Math.expm1((s % LEVELS) / (LEVELS - 1) * scale) * weight, old = into.get(doc);
      if (!old) into.set(doc, {score: score, title: s >= LEVELS, exact: !!exact});
      else if (exact && !old.exact) { old.score = score; old.title = s >= LEVELS; old.exact = true; }
      else if (old.score < score && !(old.exact && !exact)) { old.score = score; old.title = s >= LEVELS; }
    }
  }
  /* The query as words: each with its exact term, and the shards that may hold its variants
     (prefix for the word being typed, one-edit typos for words of five letters or more).
     Words that the glossary translates (groups, from translations()) become one word whose
     alternatives are their own terms and the translations; a translation of several words
     matches pages that hold all of them. */
  function plan(m, query, typing, groups) {
    var words = [];
    typing = typing && !/\s$/.test(query);
    analyse(query, m).forEach(function (w, i, all) {
      var g = (groups || []).find(function (g) { return g.at.indexOf(w.at) >= 0; });
      if (g) {
        if (!g.word) {
          g.word = {term: w.term || g.alts[0][0], raw: '', alts: g.alts.slice(), shards: []};
          words.push(g.word);
        }
        if (w.term) g.word.alts.push([w.term]);
        g.word.alts.forEach(function (a) { a.forEach(function (t) { g.word.shards.push(termShard(m, t)); }); });
        return;
      }
      if (!w.term || words.some(function (x) { return x.term === w.term; })) return;
      var x = {term: w.term, raw: fold(lower(w.word)), prefix: typing && i === all.length - 1 && w.term.length >= 2, shards: [termShard(m, w.term)]};
      if (x.prefix) x.shards = x.shards.concat(range(m, w.term, PREFIX_SHARDS));
      words.push(x);
    });
    return words;
  }
  /* Runs of the query's words that the glossary translates into another language (the
     manifest's pairs: analysed form -> analysed forms of the other language), longest first:
     [{at: positions of the words in the query, alts: [[term, ...], ...]}]. */
  function translations(m, query, other) {
    var pairs = m.pairs && m.pairs[other], out = [];
    if (!pairs) return out;
    var ws = analyse(query, m).filter(function (w) { return w.term; });
    for (var i = 0; i < ws.length;) {
      for (var j = ws.length; j > i; j--) {
        var key = ws.slice(i, j).map(function (w) { return w.term; }).join(' ');
        if (Object.prototype.hasOwnProperty.call(pairs, key)) {
          out.push({at: ws.slice(i, j).map(function (w) { return w.at; }), alts: pairs[key].map(function (f) { return f.split(' '); })});
          break;
        }
      }
      i = j > i ? j : i + 1;
    }
    return out;
  }
  function range(m, prefix, cap) { // shards holding terms that start with prefix
    var first = termShard(m, prefix), out = [];
    for (var i = first; i < m.tk.length && out.length < cap && (i === first || m.tk[i].startsWith(prefix)); i++) out.push(i);
    return out;
  }
  function postingsOf(m, term) {
    var map = m.terms[termShard(m, term)];
    return map && map.get(term);
  }
  function collect(m, word) {
    var docs = new Map(), exact = false;
    if (word.alts) { // a translated word: any of its forms; a form of several terms needs all of them
      word.alts.forEach(function (form) {
        var parts = form.map(function (t) { var p = postingsOf(m, t), one = new Map(); if (p) decode(m, p, 1, one, true); return one; });
        if (parts.some(function (p) { return !p.size; })) return;
        exact = true;
        parts[0].forEach(function (first, doc) {
          if (!parts.every(function (p) { return p.has(doc); })) return;
          var score = 0, title = false;
          parts.forEach(function (p) { score += p.get(doc).score; title = title || p.get(doc).title; });
          var old = docs.get(doc);
          if (!old || old.score < score) docs.set(doc, {score: score, title: title, exact: true});
        });
      });
      return {docs: docs, exact: exact};
    }
    var seen = new Set(word.shards);
    seen.forEach(function (i) {
      var map = m.terms[i]; if (!map) return;
      map.forEach(function (postings, term) {
        if (term === word.term) { exact = true; decode(m, postings, 1, docs, true); }
        else if (word.prefix && term.startsWith(word.term)) decode(m, postings, 0.6, docs);
        else if (word.typo && word.raw.length >= 5 && term.length >= 4 && oneEdit(term, word.term)) decode(m, postings, 0.5, docs);
      });
    });
    return {docs: docs, exact: exact};
  }
  function typoShards(m, word) { // shards of the terms sharing the word's first two letters
    return range(m, word.term.slice(0, 2), TYPO_SHARDS).concat(termShard(m, word.term));
  }
  function rank(m, words) {
    var hits = new Map(), n = words.length;
    words.forEach(function (w, wi) {
      w.found.docs.forEach(function (p, doc) {
        var h = hits.get(doc);
        if (!h) hits.set(doc, h = {doc: doc, words: 0, exactWords: 0, score: 0, titleWords: 0, lang: m.lang});
        h.words++; h.score += p.score; if (p.title) h.titleWords++; if (p.exact) h.exactWords++;
      });
    });
    var list = Array.from(hits.values());
    list.forEach(function (h) {
      h.exactTitle = n > 0 && h.titleWords === n && m.digit[m.tt[h.doc]] === n;
    });
    list.sort(function (a, b) {
      // all words first; then the words as written before their variants (a word being typed
      // shows its own pages before those of longer words, so results do not jump as one types)
      return (b.words - a.words) || (b.exactWords - a.exactWords) || (b.exactTitle - a.exactTitle) || (b.score - a.score) || (a.doc - b.doc);
    });
    return list;
  }
  function facetValues(m) {
    if (!m.facetDocs) m.facetDocs = m.facets.map(function (f) {
      // single-valued filters: one character per page ('!' for none); others: pages separated by '!'
      var cells = f.one ? Array.from(f.col, function (c) { return c === '!' ? '' : c; }) : f.col.split('!');
      return cells.map(function (s) { return Array.from(s, function (c) { return m.digit[c]; }); });
    });
    return m.facetDocs;
  }
  /* Runs a query against one language: loads what is needed in at most two rounds (term
     shards, then the document shards of the top results); a third only for typos. */
  function search(m, query, filters, typing, groups) {
    var words = plan(m, query, typing, groups);
    if (!words.length) return Promise.resolve({lang: m.lang, m: m, list: [], words: words});
    var shards = new Set(); words.forEach(function (w) { w.shards.forEach(function (s) { shards.add(s); }); });
    return Promise.all(Array.from(shards, function (i) { return shard(m, 't', i); })).then(function () {
      var again = [];
      words.forEach(function (w) {
        w.found = collect(m, w);
        if (!w.found.exact && w.raw.length >= 5) { w.typo = true; w.shards = w.shards.concat(typoShards(m, w)); again = again.concat(w.shards); }
      });
      return Promise.all(again.map(function (i) { return shard(m, 't', i); }));
    }).then(function () {
      words.forEach(function (w) { if (w.typo) w.found = collect(m, w); });
      var all = rank(m, words), fv = facetValues(m);
      var list = all.filter(function (h) {
        return m.facets.every(function (f, fi) {
          var want = filters[f.key]; return want === undefined || fv[fi][h.doc].indexOf(want) >= 0;
        });
      });
      return {lang: m.lang, m: m, all: all, list: list, words: words};
    });
  }
  function details(r, count) {
    var top = r.list.slice(0, count), need = new Set(top.map(function (h) { return docShard(r.m, h.doc); }));
    return Promise.all(Array.from(need, function (i) { return shard(r.m, 'd', i); })).then(function () {
      top.forEach(function (h) { var i = docShard(r.m, h.doc); h.record = r.m.docs[i][h.doc - r.m.dk[i]]; });
      return top;
    });
  }

  // ---- the page --------------------------------------------------------------------------------
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function highlighted(parent, text, m, terms) { // query words in <mark>, all as text nodes
    var last = 0;
    analyse(text, m).forEach(function (w) {
      if (!w.term || !terms.some(function (t) { return w.term === t || w.term.startsWith(t) && t.length >= 3; })) return;
      parent.appendChild(document.createTextNode(text.slice(last, w.at)));
      parent.appendChild(el('mark', null, w.word));
      last = w.at + w.word.length;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }
  function start(form) {
    var input = form.querySelector('input[name=q]'), out = document.querySelector('[data-search-results]');
    var nojs = document.querySelector('[data-search-nojs]'), lang = document.documentElement.lang;
    var ui = JSON.parse(form.getAttribute('data-strings') || '{}'), filters = {}, run = 0, root = null;
    if (nojs) nojs.hidden = true;
    function url(m, path) {
      var u = m.base + '../../' + m.lang + '/' + path;
      return location.protocol === 'file:' && /\/$/.test(u) ? u + 'index.html' : u;
    }
    function item(h, m, terms, other) {
      var r = h.record, li = el('li', {'data-result': '', 'class': 'result'});
      if (other) li.setAttribute('lang', m.lang);
      var a = highlighted(el('a', {href: url(m, r[1])}), r[0], m, terms);
      li.appendChild(el('h2')).appendChild(a);
      var meta = el('p', {'class': 'result-meta'}), fv = facetValues(m)[0] ? facetValues(m)[0][h.doc] : [];
      var section = m.facets[0] && fv.length ? m.facets[0].values[fv[0]][1] : '';
      meta.textContent = [section, r[2], m.name].filter(Boolean).join(' · ');
      if (other) meta.appendChild(el('span', {'class': 'lang-label', 'data-other-language': m.lang}, ' (' + m.name + ')'));
      li.appendChild(meta);
      li.appendChild(highlighted(el('p', {'class': 'result-excerpt'}), r[3], m, terms));
      return li;
    }
    function facetsBox(res) {
      var box = el('div', {'class': 'search-filters', 'data-search-filters': ''}), fv = facetValues(res.m);
      res.m.facets.forEach(function (f, fi) {
        var counts = new Map();
        res.all.forEach(function (h) {
          var ok = res.m.facets.every(function (g, gi) { return gi === fi || filters[g.key] === undefined || fv[gi][h.doc].indexOf(filters[g.key]) >= 0; });
          if (ok) fv[fi][h.doc].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
        });
        if (!counts.size) return;
        var fs = el('fieldset', {'data-filter': f.key}); fs.appendChild(el('legend', null, f.label));
        Array.from(counts.entries()).sort(function (a, b) { return b[1] - a[1]; }).forEach(function (e) {
          var id = 'f-' + f.key + '-' + e[0], label = el('label', {'for': id});
          var box2 = el('input', {type: 'checkbox', id: id, 'data-filter-value': f.values[e[0]][0]});
          box2.checked = filters[f.key] === e[0];
          box2.addEventListener('change', function () { filters[f.key] = box2.checked ? e[0] : undefined; go(false); });
          label.appendChild(box2); label.appendChild(document.createTextNode(' ' + f.values[e[0]][1] + ' (' + e[1] + ')'));
          fs.appendChild(label);
        });
        box.appendChild(fs);
      });
      return box;
    }
    function go(typing) {
      var q = input.value, mine = ++run;
      if (!q.trim()) { out.replaceChildren(); return; }
      manifestOf(lang).then(function (m) {
        return search(m, q, filters, typing).then(function (res) {
          var others = Object.keys(m.other || {});
          if (res.list.length >= FEW || !others.length) return [res];
          // few results here: the other languages follow, labelled
          return Promise.all(others.map(function (o) {
            return manifestOf(o, m.base + m.other[o]).then(function (om) { return search(om, q, {}, typing, translations(m, q, o)); });
          })).then(function (rest) { return [res].concat(rest); });
        });
      }).then(function (results) {
        return Promise.all(results.map(function (r, i) { return details(r, i === 0 ? TOP : Math.max(0, TOP - results[0].list.length)); }))
          .then(function (tops) { return {results: results, tops: tops}; });
      }).then(function (x) {
        if (mine !== run) return;
        var res = x.results[0], frag = document.createDocumentFragment();
        var status = el('p', {'class': 'search-status', 'data-search-count': String(res.list.length), 'data-search-query': q},
          (res.list.length === 1 ? ui.one || '1' : (ui.many || '{0}').replace('{0}', res.list.length)));
        frag.appendChild(status);
        frag.appendChild(facetsBox(res));
        var ol = el('ol', {'class': 'results'});
        x.results.forEach(function (r, i) {
          var terms = [];
          r.words.forEach(function (w) { (w.alts || [[w.term]]).forEach(function (a) { terms = terms.concat(a); }); });
          x.tops[i].forEach(function (h) { ol.appendChild(item(h, r.m, terms, i > 0)); });
        });
        if (!ol.children.length) status.textContent = ui.none || '0';
        frag.appendChild(ol);
        out.replaceChildren(frag);
      }).catch(function (e) {
        if (mine !== run) return;
        out.replaceChildren(el('p', {'class': 'search-status'}, ui.error || String(e)));
      });
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
      go();
    });
    input.addEventListener('input', function () { filters = {}; go(true); });
    var q = new URLSearchParams(location.search).get('q');
    if (q) { input.value = q; go(); }
  }
  function init() {
    var form = document.querySelector('form[data-search]');
    if (!form) return;
    var index = form.getAttribute('data-index');
    // the page normally loads the manifest itself, beside this script (one round trip less)
    if (index && !document.querySelector('script[data-search-manifest]')) manifestOf(document.documentElement.lang, index);
    start(form);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();

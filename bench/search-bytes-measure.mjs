// Measures, in headless Chromium through the DevTools network log, what a reader downloads to
// see the top 10 results (with excerpts) of a query: Acervo's search page against Pagefind on
// the same HTML. Run by bench/search-bytes; prints one table.
// Every response waits LATENCY_MS (a short network round trip): on a bare loopback a response
// can end before a request issued in the same instant is recorded as started, which would count
// requests sent together as a chain of round trips.
//   node search-bytes-measure.mjs PUBLIC_DIR
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.resolve(process.argv[2]);
const LATENCY_MS = 20;
const QUERIES = {
  es: ['datos', 'paquete', 'análisis de datos', 'comunidad', 'ciencia abierta', 'reproducibilidad', 'funciones', 'investigación'],
  en: ['data', 'package', 'data analysis', 'community', 'open science', 'reproducibility', 'functions', 'research'],
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

function serve(gzip) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = path.join(root, p);
      if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
      let body = fs.readFileSync(file);
      const ext = path.extname(file);
      const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
      if (gzip && /\.(html|css|js|json|svg|xml|txt)$/.test(file) && /gzip/.test(req.headers['accept-encoding'] || '')) {
        body = zlib.gzipSync(body, { level: 6 }); headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      setTimeout(() => { res.writeHead(200, headers); res.end(body); }, LATENCY_MS);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// Records every request of a page, including those of its workers (Pagefind searches in a
// worker), with start, end and bytes on the wire (headers + encoded body).
async function recorder(page) {
  const done = [];
  page.on('requestfinished', (req) => done.push((async () => {
    const t = req.timing(), z = await req.sizes();
    return { url: req.url(), type: req.resourceType() === 'document' ? 'Document' : req.resourceType() === 'stylesheet' ? 'Stylesheet' : req.resourceType(),
      start: t.startTime, end: t.startTime + t.responseEnd, bytes: z.responseBodySize + z.responseHeadersSize };
  })()));
  return { async take() { const out = await Promise.all(done.splice(0)); return out; } };
}

// Bytes, requests and sequential round trips (a request that starts after another finished is one round later).
function summary(reqs) {
  const counted = reqs.filter((r) => r.type !== 'Document' && r.type !== 'Stylesheet' && !/favicon/.test(r.url) && !r.url.startsWith('data:'));
  counted.sort((a, b) => a.start - b.start);
  for (const r of counted) {
    r.round = 1 + Math.max(0, ...counted.filter((a) => a !== r && a.end !== null && a.end <= r.start).map((a) => a.round || 0));
  }
  return { bytes: counted.reduce((s, r) => s + r.bytes, 0), requests: counted.length, rounds: Math.max(0, ...counted.map((r) => r.round)) };
}

async function acervo(browser, base, lang, q1, q2) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const rec = await recorder(page);
  await page.goto(`${base}/${lang}/search/?q=${encodeURIComponent(q1)}`);
  await page.waitForSelector(`[data-search-query="${q1}"]`, { timeout: 60000 });
  const cold = summary(await rec.take());
  const shown = await page.$$eval('[data-result] .result-excerpt', (e) => e.length);
  await page.fill('input[name=q]', q2);
  await page.waitForSelector(`[data-search-query="${q2}"]`, { timeout: 60000 });
  const second = summary(await rec.take());
  await context.close();
  return { cold, second, shown };
}

async function pagefind(browser, base, lang, q1, q2) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/${lang}/`);
  const rec = await recorder(page);
  const run = (q) => page.evaluate(async (q) => {
    const pf = window.__pf || (window.__pf = await import('/pagefind/pagefind.js'));
    const s = await pf.search(q);
    const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
    return data.filter((d) => d.excerpt).length;
  }, q);
  await rec.take();
  const shown = await run(q1);
  await page.waitForTimeout(0);
  const cold = summary(await rec.take());
  await run(q2);
  const second = summary(await rec.take());
  await context.close();
  return { cold, second, shown };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const kb = (b) => (b / 1024).toFixed(1);
for (const gzip of [true, false]) {
  const server = await serve(gzip);
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(`\n== server gzip ${gzip ? 'on' : 'off'} ==  (KB / requests / sequential round trips after the HTML)`);
  console.log(['lang', 'query', 'acervo cold', 'pagefind cold', 'ratio', 'acervo 2nd', 'pagefind 2nd', 'results a/p'].join('\t'));
  for (const lang of ['es', 'en']) {
    const qs = QUERIES[lang];
    const sums = { a: 0, p: 0, a2: 0, p2: 0, ar: 0 };
    for (let i = 0; i < qs.length; i++) {
      const q1 = qs[i], q2 = qs[(i + 1) % qs.length];
      const a = await acervo(browser, base, lang, q1, q2);
      const p = await pagefind(browser, base, lang, q1, q2);
      sums.a += a.cold.bytes; sums.p += p.cold.bytes; sums.a2 += a.second.bytes; sums.p2 += p.second.bytes;
      sums.ar = Math.max(sums.ar, a.cold.rounds);
      console.log([lang, q1, `${kb(a.cold.bytes)}/${a.cold.requests}/${a.cold.rounds}`, `${kb(p.cold.bytes)}/${p.cold.requests}/${p.cold.rounds}`,
        (a.cold.bytes / p.cold.bytes * 100).toFixed(0) + '%', `${kb(a.second.bytes)}/${a.second.requests}`, `${kb(p.second.bytes)}/${p.second.requests}`,
        `${a.shown}/${p.shown}`].join('\t'));
    }
    const n = qs.length;
    console.log([lang, 'MEAN', kb(sums.a / n), kb(sums.p / n), (sums.a / sums.p * 100).toFixed(0) + '%', kb(sums.a2 / n), kb(sums.p2 / n),
      `max acervo rounds ${sums.ar}`].join('\t'));
  }
  server.close();
}
await browser.close();

// The page of `ibid serve`, and the standalone `ibid parse --format html`
// file, driven in headless Chromium (Debian's /usr/bin/chromium).
//
//   IBID_BIN        the ibid binary (default: target/release/ibid, else target/debug/ibid)
//   CHROMIUM        the browser (default /usr/bin/chromium)
//   SCREENSHOT_DIR  where to save screenshots (default: this folder)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const fixture = join(root, 'examples', 'notes.txt');
const shots = process.env.SCREENSHOT_DIR || here;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function ibidBin() {
  if (process.env.IBID_BIN) return process.env.IBID_BIN;
  for (const p of ['target/release/ibid', 'target/debug/ibid']) {
    if (existsSync(join(root, p))) return join(root, p);
  }
  throw new Error('no ibid binary: build it first (cargo build --release -p ibid-cli)');
}

let server, base, context, userDir, workDir;

/** Start `ibid serve` on a free loopback port; resolve with its base URL. */
function startServer() {
  return new Promise((resolveUrl, reject) => {
    const proc = spawn(ibidBin(), ['serve', '--host', '127.0.0.1', '--port', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    const timer = setTimeout(() => reject(new Error('ibid serve did not start:\n' + log)), 30000);
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk) => {
      log += chunk;
      const m = log.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m && !base) {
        clearTimeout(timer);
        base = m[1];
        resolveUrl(base);
      }
    });
    proc.on('exit', (code) => {
      if (!base) reject(new Error(`ibid serve exited with ${code}:\n${log}`));
    });
    server = proc;
  });
}

before(async () => {
  await startServer();
  userDir = mkdtempSync(join(tmpdir(), 'ibid-chromium-'));
  workDir = mkdtempSync(join(tmpdir(), 'ibid-browser-'));
  context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    bypassCSP: true, // to inject axe-core; the page itself runs under its CSP in real browsers
    viewport: { width: 1360, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  if (context) await context.close();
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  for (const d of [userDir, workDir]) if (d) rmSync(d, { recursive: true, force: true });
});

/** Errors the page reports (script errors, failed loads). */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/** What every rendering must show, whatever the mode. */
async function checkRendering(page, doc) {
  // every note, every work
  assert.equal(await page.locator('#notes > li.note').count(), doc.notes.length);
  assert.equal(await page.locator('#works > li.work').count(), doc.works.length);

  // fields are coloured: label classes with a background
  const fields = await page.$$eval('.note-text .f', (els) => els.map((e) => ({
    cls: e.className, bg: getComputedStyle(e).backgroundColor, text: e.textContent,
  })));
  const nFields = doc.notes.reduce((n, note) => n + note.citations.reduce((m, c) => m + (c.fields || []).length, 0), 0);
  assert.ok(fields.length > 0, 'coloured fields are shown');
  assert.ok(fields.length >= nFields * 0.9, `most fields shown (${fields.length} of ${nFields})`);
  for (const f of fields) {
    assert.match(f.cls, /\bf-[a-z-]+\b/);
    assert.notEqual(f.bg, 'rgba(0, 0, 0, 0)', `field ${f.cls} has a colour`);
  }
  const authors = fields.filter((f) => /\bf-author\b/.test(f.cls)).map((f) => f.text);
  assert.ok(authors.some((a) => a.includes('Taylor')), 'Taylor is coloured as an author');

  // signals ("see also") are marked apart from prose
  const nSignals = doc.notes.reduce((n, note) => n + note.citations.filter((c) => c.signal).length, 0);
  const signals = await page.$$eval('.note-text .signal', (els) => els.map((e) => e.textContent));
  assert.ok(nSignals > 0, 'the fixture has signals');
  assert.ok(signals.length >= nSignals, `every signal marked (${signals.length} of ${nSignals})`);
  assert.ok(signals.some((g) => /see also/i.test(g)), `"see also" is a signal: ${signals}`);

  // prose is dimmed
  const prose = await page.$$eval('.note-text .prose', (els) => els.map((e) => getComputedStyle(e).color));
  assert.ok(prose.length > 0 && prose.every((c) => c !== 'rgb(27, 31, 36)'), 'prose dimmed');

  // an ibid links to its work, which exists in the bibliography
  const ibidCites = doc.notes.flatMap((n) => n.citations).filter((c) => c.kind === 'ibid' && c.work);
  assert.ok(ibidCites.length > 0, 'the fixture has resolved ibids');
  const links = await page.$$eval('.cite.k-ibid + .kind + a.backref', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, ibidCites.length);
  for (const href of links) {
    assert.match(href, /^#w\d+$/);
    const inWorks = await page.$eval('#works', (w, id) => !!w.querySelector('[id="' + id + '"]'), href.slice(1));
    assert.ok(inWorks, `${href} points at a work`);
  }
  assert.deepEqual(links.map((h) => h.slice(1)), ibidCites.map((c) => c.work));

  // hovering a back-reference highlights its antecedent note and its work
  const chip = page.locator('a.backref[data-antecedent]').first();
  const ante = await chip.getAttribute('data-antecedent');
  const work = await chip.getAttribute('data-work');
  await chip.hover();
  assert.match(await page.locator('#' + ante).getAttribute('class'), /\bantecedent\b/);
  assert.match(await page.locator('#' + work).getAttribute('class'), /\bhl\b/);
  await page.mouse.move(5, 5);

  // following the link lands on the work
  await chip.click();
  assert.equal(await page.evaluate(() => location.hash), '#' + work);

  // diagnostics are flagged
  assert.equal(await page.locator('.diag').count(), doc.diagnostics.length);
}

/** axe-core finds no serious or critical accessibility violation. */
async function checkAccessibility(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], JSON.stringify(violations, null, 1));
}

/** Click a download button; return the saved file's text. */
async function download(page, format) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`#download-buttons button[data-format="${format}"]`),
  ]);
  const path = join(workDir, dl.suggestedFilename());
  await dl.saveAs(path);
  return readFileSync(path, 'utf8');
}

function checkCslJson(text, doc) {
  const items = JSON.parse(text);
  assert.ok(Array.isArray(items));
  assert.equal(items.length, doc.works.length);
  for (const it of items) {
    assert.equal(typeof it.id, 'string');
    assert.equal(typeof it.type, 'string');
  }
}

test('the served page: paste, see, hover, download', async () => {
  const notes = readFileSync(fixture, 'utf8');
  const doc = await (await fetch(base + '/v1/notes', { method: 'POST', body: notes })).json();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(base + '/');
  await page.getByLabel(/Paste footnotes/).fill(notes);
  await page.getByRole('button', { name: 'Parse notes' }).click();
  await page.waitForSelector('#results:not([hidden]) #notes > li.note');
  await page.waitForSelector('#status:has-text("Read")');
  await checkRendering(page, doc);
  await checkAccessibility(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, 'screenshot.png'), fullPage: true });

  checkCslJson(await download(page, 'csl-json'), doc);
  const bib = await download(page, 'bibtex');
  assert.match(bib, /^@\w+\{/m);
  const ris = await download(page, 'ris');
  assert.match(ris, /^TY {2}- /);
  const tei = await download(page, 'tei');
  assert.match(tei, /<biblStruct/);
  const chicago = await download(page, 'chicago');
  assert.match(chicago, /Taylor/);

  // a file given to the file input is read and parsed too
  const file = join(workDir, 'two-notes.txt');
  writeFileSync(file, '1 Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.\n2 Ibid., p. 91.\n');
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => document.querySelectorAll('#notes > li.note').length === 2);
  assert.equal(await page.locator('a.backref').count(), 1);

  // an HTML page pasted in: its notes are shown on their cleaned text
  const html = '<html><body><ol class="footnotes"><li id="fn1">Taylor, A. J. P., <i>The Origins of the Second World War</i> (London, 1961), p. 88.</li><li id="fn2">Ibid., p. 91.</li></ol></body></html>';
  await page.getByLabel(/Paste footnotes/).fill(html);
  await page.getByRole('button', { name: 'Parse notes' }).click();
  await page.waitForFunction(() => !document.querySelector('#notes').textContent.includes('Watt'));
  await page.waitForSelector('#notes .f-title');
  const shown = await page.locator('#notes').textContent();
  assert.ok(!shown.includes('<i>'), 'no markup shown');
  assert.match(await page.locator('#notes .f-title').first().textContent(), /Origins of the Second World War/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the standalone file of `ibid parse --format html` works offline', async () => {
  const html = execFileSync(ibidBin(), ['parse', '--format', 'html', fixture], { maxBuffer: 64 << 20 });
  const path = join(workDir, 'notes.html');
  writeFileSync(path, html);
  const doc = JSON.parse(execFileSync(ibidBin(), ['parse', '--format', 'json', fixture], { maxBuffer: 64 << 20 }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  // offline: any request that leaves the file fails the test
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
  await page.goto('file://' + path);
  await page.waitForSelector('#results:not([hidden]) #notes > li.note');
  assert.equal(await page.locator('#input-panel').isVisible(), false);
  await checkRendering(page, doc);
  checkCslJson(await download(page, 'csl-json'), doc);
  assert.match(await download(page, 'bibtex'), /^@\w+\{/m);
  await page.screenshot({ path: join(shots, 'screenshot-standalone.png'), fullPage: false });
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await page.close();
});

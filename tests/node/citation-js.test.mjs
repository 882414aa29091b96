// ibid's BibTeX, BibLaTeX, RIS and CSL-JSON read back by citation-js.
//
// The files come from `cargo run -p ibid-emit --example emit_fixture -- DIR`;
// DIR is taken from IBID_FIXTURE_DIR (the test writes it itself when unset
// and cargo is on the PATH).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fixtureDir() {
  const given = process.env.IBID_FIXTURE_DIR;
  if (given && existsSync(join(given, 'expected.json'))) return given;
  const dir = mkdtempSync(join(tmpdir(), 'ibid-fixture-'));
  execFileSync('cargo', ['run', '-q', '-p', 'ibid-emit', '--example', 'emit_fixture', '--', dir], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

const dir = fixtureDir();
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const byId = Object.fromEntries(expected.map((e) => [e.id, e]));

function read(file) {
  return new Cite(readFileSync(join(dir, file), 'utf8')).data;
}

function year(issued) {
  if (!issued) return null;
  if (issued['date-parts']) return Number(issued['date-parts'][0][0]);
  const m = String(issued.raw ?? issued.literal ?? '').match(/\d{4}/);
  return m ? Number(m[0]) : null;
}

const dash = (s) => String(s).replace(/[–—]|--/g, '-');

function familyMatches(got, want) {
  if (want.literal) return got.literal === want.literal || got.family === want.literal;
  const withParticle = want.particle ? `${want.particle} ${want.family}` : want.family;
  return got.family === want.family || got.family === withParticle;
}

// Every format: same number of works, in order, with the same titles, years
// and author family names; the article and chapter keep container, pages
// and DOI.
function checkCommon(items, name) {
  assert.equal(items.length, expected.length, `${name}: number of entries`);
  items.forEach((got, i) => {
    const want = expected[i];
    const where = `${name} entry ${i + 1} (${want.id})`;
    assert.equal(got.title, want.title, `${where}: title`);
    assert.equal(year(got.issued), want.year, `${where}: year`);
    const authors = got.author ?? [];
    assert.equal(authors.length, want.authors.length, `${where}: number of authors`);
    authors.forEach((a, j) => {
      assert.ok(familyMatches(a, want.authors[j]), `${where}: author ${JSON.stringify(a)} vs ${JSON.stringify(want.authors[j])}`);
    });
  });
  for (const id of ['w2', 'w3']) {
    const i = expected.findIndex((e) => e.id === id);
    const got = items[i];
    const want = byId[id];
    assert.equal(got['container-title'], want.container, `${name} ${id}: container`);
    assert.equal(dash(got.page), dash(want.page), `${name} ${id}: pages`);
    assert.equal(got.DOI ?? null, want.DOI, `${name} ${id}: DOI`);
  }
}

test('BibTeX parsed by citation-js', () => {
  const items = read('fixture.bib');
  checkCommon(items, 'bibtex');
  assert.equal(items[0].id, 'taylor1961origins');
  assert.equal(items[0].publisher, 'Hamish Hamilton');
  assert.equal(items[0]['publisher-place'], 'London');
});

test('BibLaTeX parsed by citation-js', () => {
  const items = read('fixture-biblatex.bib');
  checkCommon(items, 'biblatex');
  const types = items.map((d) => d.type);
  assert.deepEqual(types.slice(0, 3), ['book', 'article-journal', 'chapter']);
  assert.equal(types[5], 'legal_case');
  assert.equal(types[7], 'webpage');
  // The letter's date survives to the day.
  assert.deepEqual(items[3].issued['date-parts'][0], [1925, 5, 4]);
});

test('RIS parsed by citation-js', () => {
  const items = read('fixture.ris');
  checkCommon(items, 'ris');
  assert.deepEqual(
    items.map((d) => d.type),
    ['book', 'article-journal', 'chapter', 'personal_communication', 'article-newspaper', 'legal_case', 'thesis', 'webpage'],
  );
  // citation-js reads DB (the archive) as `source`; it has no mapping for AN.
  assert.equal(items[3].source, 'The National Archives, Kew');
  assert.deepEqual(items[3].issued['date-parts'][0], [1925, 5, 4]);
  assert.equal(items[7].URL, 'https://avalon.law.yale.edu/subject_menus/versailles_menu.asp');
});

test('CSL-JSON read by citation-js', () => {
  const items = read('fixture.json');
  checkCommon(items, 'csl-json');
  items.forEach((got, i) => {
    const want = expected[i];
    assert.equal(got.id, want.id);
    assert.equal(got.type, want.type, `${want.id}: type`);
    assert.equal(got['container-title'] ?? null, want.container, `${want.id}: container`);
    assert.equal(got.page ?? null, want.page, `${want.id}: page`);
    assert.equal(got.DOI ?? null, want.DOI, `${want.id}: DOI`);
  });
  // Formatting through citation-js's own CSL engine works on ibid's data.
  const html = new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
  assert.match(html, /Taylor, A\. J\. P\. \(1961\)/);
});

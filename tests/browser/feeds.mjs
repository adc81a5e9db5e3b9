// feeds.mjs — browser tests of feeds and export (issue 5): after a search the page offers the
// Atom feed, CSV and JSON Lines of exactly that search, keeps the feed's <link rel="alternate">
// in <head> in step, and links the OpenSearch description. The downloads are fetched and checked
// against the API's total, over the tests/corpus dev set (79 articles, several outlets).

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { open_page, stack_config, use_stack } from './harness.mjs';

const suite = use_stack({ corpus: path.join(stack_config().root, 'tests', 'corpus') });

// Waits until the page shows the answer for its current state and returns the count it shows.
async function wait_for_count(page) {
  await page.locator('main[aria-busy="false"]').waitFor();
  const count = page.locator('#result-count').filter({ hasText: /^\d[\d,]* articles?$/ });
  await count.waitFor();
  return Number((await count.textContent()).replace(/\D/g, ''));
}

// RFC 4180 records (CRLF outside quotes ends one; "" inside quotes is a quote).
function csv_records(text) {
  const records = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      records.at(-1).push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.at(-1).push(field);
      field = '';
      records.push([]);
      i += 1;
    } else field += c;
  }
  if (records.at(-1).length === 0 && field === '') records.pop();
  return records;
}

// The page's export links by name, as absolute URLs.
async function export_links(page) {
  const links = {};
  for (const name of ['Atom feed', 'CSV', 'JSON Lines']) {
    const href = await page.locator('#export-links').getByRole('link', { name, exact: true }).getAttribute('href');
    links[name] = new URL(href, page.url());
  }
  return links;
}

describe('feeds and export', () => {
  test('the export links carry the search and return its whole result set', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    // The outlet with the most articles, and a search narrowed to it.
    const all = await (await page.request.get('api/search?size=1')).json();
    const outlet = all.facets.outlet[0].value;
    const search = new URLSearchParams({ q: 'said', outlet, sort: 'oldest', page: '1' });
    const expected = await (await page.request.get(`api/search?${search}`)).json();
    assert.ok(expected.total > 1, 'the search has several matches');

    await page.goto(`./?${search}`);
    assert.equal(await wait_for_count(page), expected.total);
    const links = await export_links(page);
    for (const [name, url] of Object.entries(links)) {
      assert.equal(url.searchParams.get('q'), 'said', `${name} carries q`);
      assert.deepEqual(url.searchParams.getAll('outlet'), [outlet], `${name} carries the outlet`);
      assert.ok(!url.searchParams.has('page') && !url.searchParams.has('size'), `${name} is not one page`);
    }
    assert.equal(links.CSV.pathname, '/api/search.csv');
    assert.equal(links.CSV.searchParams.get('sort'), 'oldest', 'the export keeps the sort order');
    assert.equal(links['JSON Lines'].pathname, '/api/search.jsonl');
    assert.equal(links['Atom feed'].pathname, '/api/search.atom');
    assert.ok(!links['Atom feed'].searchParams.has('sort'), 'the feed is always newest first');

    const csv = await page.request.get(links.CSV.href);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    assert.match(csv.headers()['content-disposition'], /^attachment/);
    const records = csv_records(await csv.text());
    assert.deepEqual(records[0], ['id', 'title', 'date', 'outlet', 'author', 'speakers', 'url']);
    assert.equal(records.length, expected.total + 1, 'a header and one record per match');
    assert.ok(records.slice(1).every((record) => record.length === 7 && record[3] === outlet));

    const jsonl = await page.request.get(links['JSON Lines'].href);
    assert.equal(jsonl.status(), 200);
    const lines = (await jsonl.text()).split('\n');
    assert.equal(lines.pop(), '', 'the last line ends with a newline');
    assert.equal(lines.length, expected.total, 'one line per match');
    const hits = lines.map((line) => JSON.parse(line));
    // Oldest first, like the page: the first page of the search is the start of the export.
    assert.deepEqual(hits.slice(0, expected.hits.length).map((hit) => hit.id), expected.hits.map((hit) => hit.id));
    assert_no_errors();
  });

  test('the head links the feed of the current search and the feed parses', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    await wait_for_count(page);
    const searchbox = page.getByRole('combobox', { name: 'Search', exact: true });
    await searchbox.fill('minister');
    await searchbox.press('Enter');
    await page.waitForURL(/[?&]q=minister(&|$)/);
    const total = await wait_for_count(page);
    assert.ok(total > 0, 'some articles name a minister');

    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    assert.equal(await alternate.count(), 1);
    const feed_url = new URL(await alternate.getAttribute('href'), page.url());
    assert.equal(feed_url.pathname, '/api/search.atom');
    assert.equal(feed_url.searchParams.get('q'), 'minister');
    assert.match(await alternate.getAttribute('title'), /minister/);
    assert.equal(feed_url.href, (await export_links(page))['Atom feed'].href, 'head and page link agree');

    const feed = await page.evaluate(async (url) => {
      const text = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: doc.documentElement.localName,
        ns: doc.documentElement.namespaceURI,
        entries: doc.getElementsByTagNameNS(atom, 'entry').length,
        ids: [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => entry.getElementsByTagNameNS(atom, 'id')[0].textContent),
        updated: [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => entry.getElementsByTagNameNS(atom, 'updated')[0].textContent),
      };
    }, feed_url.href);
    assert.equal(feed.error, false, 'the feed is well-formed XML');
    assert.equal(feed.root, 'feed');
    assert.equal(feed.ns, 'http://www.w3.org/2005/Atom');
    assert.equal(feed.entries, Math.min(total, 20));
    assert.ok(feed.ids.every((id) => id.startsWith('urn:broadsheet:article:')));
    // Newest first: the same articles in the same order as the API's newest-first search.
    const newest = await (await page.request.get('api/search?q=minister&sort=newest&size=20')).json();
    assert.deepEqual(
      feed.ids,
      newest.hits.map((hit) => `urn:broadsheet:article:${encodeURIComponent(hit.id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`),
    );
    const dated = newest.hits.filter((hit) => hit.date).length;
    assert.deepEqual(feed.updated.slice(0, dated), newest.hits.slice(0, dated).map((hit) => `${hit.date}T00:00:00Z`));

    // Another search moves the head link along; the quotes view hides the export links.
    await searchbox.fill('election');
    await searchbox.press('Enter');
    await page.waitForURL(/[?&]q=election(&|$)/);
    await wait_for_count(page);
    assert.equal(new URL(await alternate.getAttribute('href'), page.url()).searchParams.get('q'), 'election');
    await page.getByRole('link', { name: 'Quotes', exact: true }).click();
    await page.waitForURL(/view=quotes/);
    await page.locator('main[aria-busy="false"]').waitFor();
    assert.equal(await page.locator('#export-links').isHidden(), true);
    assert_no_errors();
  });

  test('the OpenSearch description is linked and valid', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { viewport: { width: 390, height: 844 } });
    await page.goto('./');
    await wait_for_count(page);
    const link = page.locator('head link[rel="search"][type="application/opensearchdescription+xml"]');
    assert.equal(await link.getAttribute('title'), 'Broadsheet');
    const url = new URL(await link.getAttribute('href'), page.url());
    const description = await page.evaluate(async (href) => {
      const response = await fetch(href);
      const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
      const ns = 'http://a9.com/-/spec/opensearch/1.1/';
      return {
        type: response.headers.get('content-type'),
        error: doc.getElementsByTagName('parsererror').length > 0,
        short_name: doc.getElementsByTagNameNS(ns, 'ShortName')[0]?.textContent,
        templates: Object.fromEntries(
          [...doc.getElementsByTagNameNS(ns, 'Url')].map((node) => [node.getAttribute('type'), node.getAttribute('template')]),
        ),
      };
    }, url.href);
    assert.match(description.type, /^application\/opensearchdescription\+xml/);
    assert.equal(description.error, false);
    assert.equal(description.short_name, 'Broadsheet');
    const origin = new URL(suite.stack.base_url).origin;
    assert.equal(description.templates['text/html'], `${origin}/?q={searchTerms}`);
    assert.equal(description.templates['application/atom+xml'], `${origin}/api/search.atom?q={searchTerms}`);
    // The links fit a phone-width screen and can be reached by keyboard.
    const csv = page.locator('#export-links').getByRole('link', { name: 'CSV', exact: true });
    await csv.focus();
    assert.equal(await csv.evaluate((node) => node === document.activeElement), true);
    const box = await csv.boundingBox();
    assert.ok(box && box.x + box.width <= 390, 'the CSV link is on screen at 390 px');
    assert_no_errors();
  });
});

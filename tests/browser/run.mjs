// run.mjs — end-to-end browser tests: headless Chromium drives the real web page served by the
// real broadsheet-server over an index the real broadsheet-indexer built from corpus/.
// Run through ctest (which sets the binary paths) or: BROADSHEET_INDEXER=… BROADSHEET_SERVER=…
// node --test tests/browser/run.mjs

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assert_eventually, open_page, start_stack, use_stack } from './harness.mjs';

use_stack();

const count_of = (page) => page.locator('#result-count');
const facet = (page, name) => page.getByRole('group', { name });

// Waits until the page has finished loading its current state (app.js clears aria-busy when the
// answer is on screen) and the result count reads exactly "N article(s)". Waiting for the count
// alone could be satisfied by the previous state when both have the same total.
async function expect_count(page, total) {
  await page.locator('main[aria-busy="false"]').waitFor();
  await count_of(page).filter({ hasText: new RegExp(`^${total} articles?$`) }).waitFor();
}

// Waits until the result count reads "N article(s)" and returns N.
async function wait_for_count(page) {
  await page.locator('main[aria-busy="false"]').waitFor();
  await count_of(page).filter({ hasText: /^\d[\d,]* articles?$/ }).waitFor();
  return Number((await count_of(page).textContent()).replace(/\D/g, ''));
}

// The API's own answer for a query string, to compare the page with.
async function api_search(page, search) {
  const response = await page.request.get(`api/search${search}`);
  assert.equal(response.status(), 200, `api/search${search}`);
  return response.json();
}

describe('search page', () => {
  test('searching, ticking a facet and going back keep the URL and the page in step', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    const everything = await api_search(page, '');
    assert.ok(everything.total >= 5, 'the corpus has at least the five seeds');
    assert.equal(await wait_for_count(page), everything.total, 'an empty query browses everything');
    const health = await (await page.request.get('api/health')).json();
    await page.locator('#index-status').filter({ hasText: new RegExp(`^${health.documents} articles indexed`) }).waitFor();

    await page.getByRole('combobox', { name: 'Search', exact: true }).fill('Syria');
    await page.getByRole('combobox', { name: 'Search', exact: true }).press('Enter');
    await page.waitForURL(/[?&]q=Syria(&|$)/);
    const syria = await api_search(page, '?q=Syria');
    assert.ok(syria.total > 0, 'the seeds are about Syria');
    await expect_count(page, syria.total);
    const titles = await page.locator('#results .hit-title a').allTextContents();
    assert.deepEqual(titles, syria.hits.map((hit) => hit.title || '(untitled)'), 'hits in the API order');
    assert.ok((await page.locator('#results .hit-snippet mark').count()) > 0, 'snippets highlight the query');

    // Tick the outlet with the fewest matches, so the count visibly changes.
    const outlets = syria.facets.outlet;
    assert.ok(outlets.length > 0, 'the Syria results name an outlet');
    const smallest = outlets[outlets.length - 1];
    const checkbox = facet(page, 'Outlet').getByRole('checkbox', { name: starts_with(smallest.value) });
    await checkbox.check();
    await page.waitForURL((url) => url.searchParams.getAll('outlet').includes(smallest.value));
    await expect_count(page, smallest.count);
    assert.ok(await checkbox.isChecked());
    await page.getByRole('button', { name: `Remove filter Outlet: ${smallest.value}` }).waitFor();
    // The other outlets keep their counts: a facet ignores its own selection.
    assert.equal(await facet(page, 'Outlet').getByRole('checkbox').count(), outlets.length);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Syria' && !url.searchParams.has('outlet'));
    await expect_count(page, syria.total);
    await assert_eventually(async () => !(await checkbox.isChecked()), 'back unticks the outlet');
    assert.equal(await page.getByRole('combobox', { name: 'Search', exact: true }).inputValue(), 'Syria');

    await page.goForward();
    await expect_count(page, smallest.count);
    await assert_eventually(() => checkbox.isChecked(), 'forward ticks it again');

    await page.reload();
    await expect_count(page, smallest.count);
    assert.ok(await checkbox.isChecked(), 'reload restores the facet');
    assert.equal(await page.getByRole('combobox', { name: 'Search', exact: true }).inputValue(), 'Syria');
    assert_no_errors();
  });

  test('an article opens with its title, metadata and quotes grouped by speaker', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const everything = await api_search(page, '?size=100');
    const quoted = everything.hits.find((hit) => hit.speakers.length > 0);
    assert.ok(quoted, 'some seed article has quoted speakers');
    const article = await (await page.request.get(`api/articles/${encodeURIComponent(quoted.id)}`)).json();

    await page.goto('./?size=100');
    await wait_for_count(page);
    await page.locator('#results .hit-title a').filter({ hasText: quoted.title }).first().click();
    await page.waitForURL((url) => url.searchParams.get('article') === quoted.id);
    const heading = page.getByRole('heading', { level: 2, name: quoted.title });
    await heading.waitFor();
    assert.ok(await page.locator('#results-view').isHidden(), 'the result list gives way to the article');

    // Every quote is listed under its speaker, and each speaker has exactly one group.
    const expected = new Map();
    for (const quote of article.quotes) {
      const speaker = quote.speaker || '';
      expected.set(speaker, [...(expected.get(speaker) ?? []), quote.text]);
    }
    const groups = page.locator('.speaker-quotes');
    assert.equal(await groups.count(), expected.size, 'one group per speaker');
    for (const [speaker, texts] of expected) {
      const name = starts_with(speaker || 'Unattributed');
      const group = groups.filter({ has: page.getByRole('heading', { level: 4, name }) });
      const shown = await group.locator('blockquote').allTextContents();
      assert.deepEqual(shown, texts, `quotes of ${speaker || 'nobody'}`);
    }
    assert.ok((await page.locator('.article-body p').count()) > 1, 'the body is split into paragraphs');
    if (article.outlet) {
      await page.locator('.article-meta').getByRole('link', { name: article.outlet }).waitFor();
    }

    await page.getByRole('link', { name: '← Back to results' }).click();
    await page.waitForURL((url) => !url.searchParams.has('article'));
    await wait_for_count(page);
    await page.goBack();
    await heading.waitFor();
    assert_no_errors();
  });

  test('an unknown article id shows the 404 in the alert and a way back', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { allowed: [/status of 404/] });
    await page.goto('./?q=Syria&article=no-such-article');
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await page.getByRole('link', { name: '← Back to results' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Syria' && !url.searchParams.has('article'));
    await wait_for_count(page);
    assert_no_errors();
  });

  test('the reading view highlights the query and steps through the results across pages', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const first_page = await api_search(page, '?q=Syria&size=2');
    assert.ok(first_page.total > 2, 'enough Syria articles for two pages');
    const second_page = await api_search(page, '?q=Syria&size=2&page=2');

    await page.goto(`./?q=Syria&size=2&article=${encodeURIComponent(first_page.hits[1].id)}`);
    await page.locator('#article-title').waitFor();
    const marks = await page.locator('.article-body mark').allTextContents();
    assert.ok(marks.length > 0, 'the query words are marked in the body');
    assert.ok(marks.every((text) => /^syria/i.test(text)), `only query words are marked: ${marks}`);

    await page.getByRole('link', { name: 'Next result ›' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('article') === second_page.hits[0].id && url.searchParams.get('page') === '2',
    );
    await page.getByRole('heading', { level: 2, name: second_page.hits[0].title }).waitFor();
    await page.getByRole('link', { name: '‹ Previous result' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('article') === first_page.hits[1].id && !url.searchParams.has('page'),
    );
    await page.getByRole('heading', { level: 2, name: first_page.hits[1].title }).waitFor();
    assert_no_errors();
  });

  test('a misspelt query offers "Did you mean" and the link searches for the correction', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const misspelt = await api_search(page, '?q=syra');
    assert.equal(typeof misspelt.suggestion, 'string', 'the index has spelling data for "syra"');
    const corrected = await api_search(page, `?q=${encodeURIComponent(misspelt.suggestion)}`);

    await page.goto('./?q=syra');
    const link = page.locator('#suggestion').getByRole('link', { name: misspelt.suggestion });
    await link.click();
    await page.waitForURL((url) => url.searchParams.get('q') === misspelt.suggestion);
    await expect_count(page, corrected.total);
    assert.equal(await page.getByRole('combobox', { name: 'Search', exact: true }).inputValue(), misspelt.suggestion);
    assert_no_errors();
  });

  test('a query that does not parse shows the server error in the alert region', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { allowed: [/status of 400/] });
    await page.goto('./');
    await wait_for_count(page);
    await page.getByRole('combobox', { name: 'Search', exact: true }).fill('title:(');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: /\S/ }).waitFor();
    const api = await page.request.get('api/search?q=' + encodeURIComponent('title:('));
    assert.equal(api.status(), 400);
    const { error } = await api.json();
    assert.ok((await alert.textContent()).includes(error.message), 'the alert shows the server message');
    assert.equal(await page.locator('#results .hit').count(), 0, 'no stale results stay on screen');

    // Going back to a good query clears the alert.
    await page.goBack();
    await wait_for_count(page);
    // An empty alert region is hidden, so it is found by id rather than by role here.
    const alert_text = () => page.locator('#alert').textContent();
    await assert_eventually(async () => (await alert_text()) === '', 'the alert clears');

    // A bad parameter (a date range that ends before it starts) is reported the same way.
    const reversed = '?from=2018-01-01&to=2017-01-01';
    const bad = await page.request.get(`api/search${reversed}`);
    assert.equal(bad.status(), 400);
    await page.goto(`./${reversed}`);
    await alert.filter({ hasText: (await bad.json()).error.message }).waitFor();
    assert_no_errors();
  });

  test('a shared link restores query, filters, sort and date range', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const everything = await api_search(page, '?size=100');
    const year = everything.facets.year[0];
    assert.ok(year, 'some seed article has a date');
    const search = `?q=Syria&from=${year.value}-01-01&to=${year.value}-12-31&sort=oldest`;
    const expected = await api_search(page, search);

    await page.goto(`./${search}`);
    await expect_count(page, expected.total);
    assert.equal(await page.getByRole('combobox', { name: 'Search', exact: true }).inputValue(), 'Syria');
    assert.equal(await page.getByLabel('Sort').inputValue(), 'oldest');
    assert.equal(await page.getByLabel('From').inputValue(), `${year.value}-01-01`);
    assert.equal(await page.getByLabel('To').inputValue(), `${year.value}-12-31`);
    // A whole-year range shows as that year ticked in the Year facet.
    assert.ok(await facet(page, 'Year').getByRole('checkbox', { name: starts_with(year.value) }).isChecked());
    assert_no_errors();
  });

  test('ticking a year sets the date range; sort and pagination update the URL', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const everything = await api_search(page, '');
    const year = everything.facets.year[0];
    assert.ok(year, 'some seed article has a date');

    await page.goto('./');
    await wait_for_count(page);
    await facet(page, 'Year').getByRole('checkbox', { name: starts_with(year.value) }).check();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('from') === `${year.value}-01-01` && url.searchParams.get('to') === `${year.value}-12-31`,
    );
    await expect_count(page, year.count);
    // Other years (if any) stay listed with their counts.
    assert.equal(await facet(page, 'Year').getByRole('checkbox').count(), everything.facets.year.length);
    await page.getByRole('button', { name: /^Remove filter Date/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('from'));
    await expect_count(page, everything.total);

    // Typing the same range into the date inputs gives the same result.
    await page.getByLabel('From').fill(`${year.value}-01-01`);
    await page.getByLabel('To').fill(`${year.value}-12-31`);
    await page.getByLabel('To').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('to') === `${year.value}-12-31`);
    assert.equal(new URL(page.url()).searchParams.get('from'), `${year.value}-01-01`);
    await expect_count(page, year.count);
    await page.getByRole('button', { name: /^Remove filter Date/ }).click();
    await expect_count(page, everything.total);

    await page.getByLabel('Sort').selectOption('oldest');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'oldest');
    const oldest = await api_search(page, '?sort=oldest');
    await assert_eventually(
      async () =>
        same(
          await page.locator('#results .hit-title a').allTextContents(),
          oldest.hits.map((hit) => hit.title || '(untitled)'),
        ),
      'the list follows the oldest-first order',
    );

    // Pagination appears once there are more hits than one page holds.
    const paged = await api_search(page, '?size=2');
    if (paged.total > 2) {
      await page.goto('./?size=2');
      await page.getByRole('link', { name: 'Page 2' }).click();
      await page.waitForURL((url) => url.searchParams.get('page') === '2');
      await page.getByRole('link', { name: 'Page 2' }).and(page.locator('[aria-current=page]')).waitFor();
    }
    assert_no_errors();
  });

  test('keyboard only: "/" to search, Tab to a facet, Space to tick it, Enter to open a result', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    await wait_for_count(page);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q', '"/" focuses the search box');
    await page.keyboard.type('Syria');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Syria');
    await wait_for_count(page);

    const focused = () =>
      page.evaluate(() => ({
        tag: document.activeElement.tagName,
        name: document.activeElement.name ?? '',
        value: document.activeElement.value ?? '',
        checked: document.activeElement.checked ?? false,
        hit: Boolean(document.activeElement.closest('.hit-title')),
      }));
    await tab_until(page, async () => (await focused()).name === 'outlet', 'an outlet checkbox');
    const outlet = (await focused()).value;
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.getAll('outlet').includes(outlet));
    await page.locator(`#facet-outlet input[value="${outlet.replace(/"/g, '\\"')}"]:checked`).waitFor();
    const after = await focused();
    assert.deepEqual([after.name, after.value, after.checked], ['outlet', outlet, true], 'focus stays on the box');

    await tab_until(page, async () => (await focused()).hit, 'a result title');
    await page.keyboard.press('Enter');
    await page.locator('#article-title').waitFor();
    await assert_eventually(
      () => page.evaluate(() => document.activeElement.id === 'article-title'),
      'the article title takes focus',
    );
    assert_no_errors();
  });

  test('a long facet list folds behind "Show all" and its typeahead finds any value', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    // The search response lists the first facet_size speakers; the whole list is one request away.
    const all = await page.request.get('api/facets/speaker?limit=1000');
    const speakers = (await all.json()).values;
    assert.ok(speakers.length > 9, 'the seeds quote more speakers than a folded list asks for');
    const boxes = facet(page, 'Speaker').getByRole('checkbox');

    // The page asks the search only for what it draws: nine values per facet (eight shown, one
    // telling there are more), the hit fields it renders, and the histogram for its timeline.
    const asked = page.waitForRequest((request) => new URL(request.url()).pathname.endsWith('/api/search'));
    await page.goto('./');
    const url = new URL((await asked).url());
    assert.equal(url.searchParams.get('facet_size'), '9');
    assert.equal(url.searchParams.get('fields'), 'title,date,outlet,author,speakers,snippet');
    assert.equal(url.searchParams.get('facets'), 'outlet,speaker,year');
    assert.equal(url.searchParams.get('histogram'), '1');
    await wait_for_count(page);
    assert.equal(await boxes.count(), 8, 'folded to eight');
    const more = page.waitForRequest((request) => request.url().includes('/api/facets/speaker?'));
    await page.getByRole('button', { name: 'Show all speakers' }).click();
    assert.equal(new URL((await more).url()).searchParams.get('limit'), '1000');
    await assert_eventually(async () => (await boxes.count()) === speakers.length, 'all speakers after "Show all"');
    await page.getByRole('button', { name: 'Show fewer speakers' }).click();
    assert.equal(await boxes.count(), 8, 'folded again');

    // The last named speaker is hidden while folded; the typeahead finds it by the start of its
    // last word (GET /api/facets/speaker), and picking it filters.
    const last = speakers.filter((entry) => entry.value !== '(unknown)').at(-1);
    const word = last.value.split(/[^\p{L}\p{N}]+/u).filter(Boolean).at(-1);
    await page.getByRole('combobox', { name: 'Find speakers' }).fill(word.slice(0, 3));
    await page.getByRole('option', { name: starts_with(last.value) }).first().click();
    await page.waitForURL((url) => url.searchParams.getAll('speaker').includes(last.value));
    await expect_count(page, last.count);
    const found = facet(page, 'Speaker').getByRole('checkbox', { name: starts_with(last.value) });
    assert.ok(await found.isChecked(), 'a ticked value stays listed in the folded list');
    assert_no_errors();
  });

  test('text from queries is shown as text, never run as markup', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { allowed: [/status of 400/] });
    const hostile = '"<img src=x onerror=alert(1)>"';
    await page.goto(`./?q=${encodeURIComponent(hostile)}`);
    await page.locator('#result-count:not(:empty), #alert:not(:empty)').first().waitFor();
    const injected = await page.locator('main img, #alert img').count();
    assert.equal(injected, 0, 'no element was created from the query');
    assert.equal(await page.getByRole('combobox', { name: 'Search', exact: true }).inputValue(), hostile);
    assert_no_errors();
  });

  test('the page fits a phone-width screen', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { viewport: { width: 375, height: 740 } });
    await page.goto('./?q=Syria');
    await wait_for_count(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
    // Filters fold away on a phone and open from their button.
    const outlet_group = facet(page, 'Outlet');
    assert.equal(await outlet_group.isVisible(), false, 'filters start folded');
    const toggle = page.getByRole('button', { name: /^Filters\b/ });
    await toggle.click();
    await outlet_group.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('#results .hit-title a').first().click();
    await page.locator('#article-title').waitFor();
    const article_overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(article_overflow <= 0, `the article fits too (overflow ${article_overflow}px)`);
    assert_no_errors();
  });
});

// An article whose every field is markup or script, indexed on its own: the page must show all
// of it as text. The sidecar sets fields the text cannot (a javascript: URL, which the indexer
// drops, and a marked-up outlet).
describe('hostile article content', () => {
  const kTitle = '<img src=x onerror=alert(1)> Hostile <b>headline</b>';
  const kQuote = '<script>alert(2)</script> we will win &amp; never <mark>stop</mark>.';
  const kOutlet = '<b>Evil Outlet</b>';
  const kUrl = 'javascript:alert(3)';
  let corpus;
  let hostile;

  before(async () => {
    corpus = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-hostile-'));
    const body = `${kTitle}\n\nThe minister said: “${kQuote}” It was late.\n`;
    await writeFile(path.join(corpus, 'evil.txt'), body);
    await writeFile(path.join(corpus, 'evil.meta.json'), JSON.stringify({ url: kUrl, outlet: kOutlet }));
    hostile = await start_stack({ corpus });
  });

  after(async () => {
    await hostile?.stop();
    if (corpus) await rm(corpus, { recursive: true, force: true });
  });

  test('titles, outlets, quotes and URLs from articles are shown as text, never run', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { target: hostile });
    await page.goto('./?q=hostile');
    await expect_count(page, 1);
    assert.equal(await page.locator('#results .hit-title a').textContent(), kTitle);
    await facet(page, 'Outlet').getByRole('checkbox', { name: starts_with(kOutlet) }).waitFor();
    // The only elements inside a hit are the page's own and the server's <mark>.
    const tags = await page.locator('#results .hit *').evaluateAll((nodes) => nodes.map((node) => node.tagName));
    const allowed = new Set(['A', 'H3', 'MARK', 'P', 'SPAN', 'TIME']);
    assert.deepEqual(tags.filter((tag) => !allowed.has(tag)), [], 'no element made from article text');

    await page.locator('#results .hit-title a').click();
    await page.locator('#article-title').filter({ hasText: kTitle }).waitFor();
    assert.equal(await page.locator('.speaker-quotes blockquote').textContent(), kQuote);
    const meta = page.locator('.article-meta');
    await meta.getByRole('link', { name: kOutlet }).waitFor();
    // The indexer keeps only http(s) URLs: a javascript: URL is dropped with a warning.
    assert.ok(!(await meta.textContent()).includes(kUrl), 'a javascript: URL is not stored');
    assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, 'nor ever a link');
    assert.equal(await page.locator('#article-view img, #article-view script, #article-view b').count(), 0);
    assert_no_errors();
  });

  test('quotes, speaker labels and the matrix show article text as text too', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { target: hostile });
    await page.goto('./?view=quotes&q=never');
    await page.locator('#result-count').filter({ hasText: /^1 quote$/ }).waitFor();
    const quote = page.locator('#results .quote-hit blockquote');
    assert.equal(await quote.textContent(), kQuote, 'the quote, escaped by the server, reads as written');
    // The server's own <mark> around the query word is the only mark; the quoted "<mark>" is text.
    assert.deepEqual(await quote.locator('mark').allTextContents(), ['never']);
    await page.locator('#results .quote-open').click();
    await page.locator('.article-body .quote-target').waitFor();
    await page.goto('./?view=matrix');
    await page.locator('table.matrix').or(page.locator('#matrix .no-results')).first().waitFor();
    const made = '#article-view img, #article-view script, #article-view b, main img, main script, main b';
    assert.equal(await page.locator(made).count(), 0, 'no element made from article text');
    assert_no_errors();
  });
});

function escape_regex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// An accessible-name pattern for "<value> <count>" labels and "<name> (n quotes)" headings.
function starts_with(text) {
  return new RegExp(`^${escape_regex(text)}(\\s|$)`);
}

function same(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

// Presses Tab until the condition holds, at most 60 times (the page has fewer stops than that
// before the first result: facet values with their exclude controls, chips, export links).
async function tab_until(page, condition, what) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    if (await condition()) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

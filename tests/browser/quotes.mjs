// quotes.mjs — end-to-end browser tests of quotes and speakers (issue 4): the Quotes view, a quote
// opened in its article, speaker pages and the speaker matrix, driven in headless Chromium against
// the real server over an index the real indexer built from corpus/. Every expectation is taken
// from the API's own answer for the same request, so the page and the server must agree.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api_get, open_page, use_stack } from './harness.mjs';

use_stack();

// Waits for the current state to be on screen and the count to read "N quote(s)".
async function expect_quote_count(page, total) {
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.locator('#result-count').filter({ hasText: new RegExp(`^${total} quotes?$`) }).waitFor();
}

// The text of a server-highlighted quote without its <mark> tags and entities.
function plain(html) {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

// A word of at least six letters from the quote, to search for.
function word_of(text) {
  return (text.match(/\p{L}{6,}/gu) ?? [])[0];
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('quotes and speakers', () => {
  test('the Quotes tab shows the search as quotes, in the API order, and the URL restores it', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const all = await api_get(page, 'api/quotes?size=100');
    const attributed = all.hits.find((hit) => hit.speaker && word_of(plain(hit.text)));
    assert.ok(attributed, 'the seeds have an attributed quote');
    const word = word_of(plain(attributed.text));
    const expected = await api_get(page, `api/quotes?q=${encodeURIComponent(word)}`);
    assert.ok(expected.total >= 1, `the quote's own word "${word}" finds it`);

    await page.goto('./');
    await page.getByRole('link', { name: 'Quotes', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'quotes');
    await expect_quote_count(page, all.total);
    await page.getByRole('combobox', { name: 'Search', exact: true }).fill(word);
    await page.getByRole('combobox', { name: 'Search', exact: true }).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === word && url.searchParams.get('view') === 'quotes');
    await expect_quote_count(page, expected.total);
    const texts = await page.locator('#results .quote-hit blockquote').allTextContents();
    assert.deepEqual(texts, expected.hits.map((hit) => plain(hit.text)), 'quotes in the API order');
    // The server's <mark>s become real marks, and nothing else does.
    const server_marks = expected.hits.flatMap((hit) => [...hit.text.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => plain(m[1])));
    const page_marks = await page.locator('#results .quote-hit blockquote mark').allTextContents();
    assert.deepEqual(page_marks, server_marks, 'the server highlighting is shown as marks');
    assert.ok(page_marks.length > 0, 'the searched word is marked');
    const speakers = await page.locator('#results .quote-hit .quote-who .speaker-name').allTextContents();
    assert.deepEqual(speakers, expected.hits.filter((hit) => hit.speaker).map((hit) => hit.speaker));

    // The outlet facet counts quotes; ticking one narrows the quotes to it.
    const outlet = expected.facets.outlet.at(-1);
    await page.getByRole('group', { name: 'Outlet' }).getByRole('checkbox', { name: new RegExp(`^${escape_regex(outlet.value)}\\s`) }).check();
    await page.waitForURL((url) => url.searchParams.getAll('outlet').includes(outlet.value));
    await expect_quote_count(page, outlet.count);

    await page.reload();
    await expect_quote_count(page, outlet.count);
    assert.equal(await page.getByRole('link', { name: 'Quotes', exact: true }).getAttribute('aria-current'), 'page');
    await page.goBack();
    await expect_quote_count(page, expected.total);

    // The speaker facet links each name to its page too.
    const first = expected.facets.speaker[0].value;
    await page.getByRole('link', { name: `Speaker page of ${first}` }).click();
    await page.waitForURL((url) => url.searchParams.get('speaker_page') === first);
    await page.getByRole('heading', { level: 2, name: first }).waitFor();
    assert_no_errors();
  });

  test('a quote opens in its article, scrolled to, highlighted, focused and labelled', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { viewport: { width: 1280, height: 600 } });
    const all = await api_get(page, 'api/quotes?size=100');
    // The quote furthest into its article, so that opening it has to scroll.
    const hit = [...all.hits].filter((h) => h.speaker).sort((a, b) => b.char_begin - a.char_begin)[0];
    const article = await api_get(page, `api/articles/${encodeURIComponent(hit.article.id)}`);
    const position = Number(/~q(\d+)$/.exec(hit.id)[1]);
    const quote = article.quotes[position - 1];
    assert.equal(quote.text, plain(hit.text), 'the quote id names its position in the article');

    await page.goto(`./?view=quotes&size=100`);
    await expect_quote_count(page, all.total);
    const item = page.locator('#results .quote-hit').nth(all.hits.indexOf(hit));
    await item.getByRole('link', { name: /^In context:/ }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('article') === hit.article.id && url.searchParams.get('quote') === String(position),
    );
    const mark = page.locator(`#quote-${position}`);
    await mark.waitFor();
    assert.ok((await mark.getAttribute('class')).includes('quote-target'), 'the quote is highlighted');
    assert.equal(await page.evaluate(() => document.activeElement.id), `quote-${position}`, 'and focused');
    const box = await mark.boundingBox();
    assert.ok(box.y >= 0 && box.y < 600, `and scrolled into view (top at ${box.y}px)`);
    const label = page.locator(`#quote-label-${position}`);
    assert.equal(await label.locator('.quote-speaker').textContent(), hit.speaker, 'labelled with its speaker');
    if (quote.cue) {
      assert.ok(await label.locator('.quote-cue').isVisible(), 'the cue shows while the quote has focus');
      assert.ok((await mark.getAttribute('title')).includes(quote.cue), 'and in its tooltip');
    }

    // Every quote of the article is marked, low-confidence ones differently and said so.
    for (const [i, each] of article.quotes.entries()) {
      const body_mark = page.locator(`#quote-${i + 1}`);
      if ((await body_mark.count()) === 0) continue;
      const low = Boolean(each.speaker) && Number(each.confidence) < 0.5;
      assert.equal((await body_mark.getAttribute('class')).includes('quote-low'), low, `quote ${i + 1} styling`);
      assert.equal((await page.locator(`#quote-label-${i + 1}`).textContent()).includes('(uncertain)'), low);
    }

    // Back leads to the quote list the article was opened from.
    await page.getByRole('link', { name: '← Back to results' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'quotes' && !url.searchParams.has('article'));
    await expect_quote_count(page, all.total);
    assert_no_errors();
  });

  test('a speaker name leads to the speaker page with counts, timeline, outlets, terms and quotes', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const all = await api_get(page, 'api/quotes?size=100');
    const name = all.facets.speaker[0].value;
    const profile = await api_get(page, `api/speakers/${encodeURIComponent(name)}`);

    await page.goto('./?view=quotes&size=100');
    await expect_quote_count(page, all.total);
    await page.locator('#results .quote-who').getByRole('link', { name, exact: true }).first().click();
    await page.waitForURL((url) => url.searchParams.get('speaker_page') === name);
    await page.getByRole('heading', { level: 2, name }).waitFor();
    const counts = await page.locator('.speaker-counts').textContent();
    assert.ok(counts.startsWith(`${profile.quotes} quote`), counts);
    assert.ok(counts.includes(`in ${profile.articles} article`), counts);

    const months = profile.per_month.filter((entry) => entry.count > 0);
    if (months.length > 0) {
      const chart = page.getByRole('img', { name: new RegExp(`^Quotes of ${escape_regex(name)} per month`) });
      await chart.waitFor();
      const titles = await chart.locator('title').allTextContents();
      for (const entry of months) {
        assert.ok(titles.some((title) => title.endsWith(`: ${entry.count} quote${entry.count === 1 ? '' : 's'}`)), entry.month);
      }
    }
    const outlets = await page.locator('.speaker-outlets li a').allTextContents();
    assert.deepEqual(outlets, profile.outlets.map((entry) => entry.value));
    const terms = await page.locator('.speaker-terms li a').allTextContents();
    assert.deepEqual(terms, profile.terms.map((entry) => entry.term));
    const recent = await page.locator('.speaker-recent blockquote').allTextContents();
    assert.deepEqual(recent, profile.recent_quotes.map((hit) => plain(hit.text)));

    // "All quotes" searches the quotes of this speaker.
    await page.locator('.speaker-counts').getByRole('link', { name: 'All quotes' }).click();
    await page.waitForURL((url) => url.searchParams.getAll('speaker').includes(name) && url.searchParams.get('view') === 'quotes');
    await expect_quote_count(page, profile.quotes);
    await page.goBack();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    assert_no_errors();
  });

  test('the timeline has one labelled bar per month from the first to the last quoted one', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const all = await api_get(page, 'api/quotes?size=100');
    const dated = all.hits.find((hit) => hit.speaker && hit.article?.date);
    assert.ok(dated, 'some seed quote is attributed and dated');
    const profile = await api_get(page, `api/speakers/${encodeURIComponent(dated.speaker)}`);
    const months = profile.per_month.map((entry) => entry.month).sort();
    const span = (Number(months.at(-1).slice(0, 4)) - Number(months[0].slice(0, 4))) * 12 +
      Number(months.at(-1).slice(5)) - Number(months[0].slice(5)) + 1;

    await page.goto(`./?speaker_page=${encodeURIComponent(dated.speaker)}`);
    const chart = page.getByRole('img', { name: new RegExp(`^Quotes of ${escape_regex(dated.speaker)} per month`) });
    await chart.waitFor();
    assert.equal(await chart.locator('rect.timeline-bar').count(), Math.min(span, 120), 'one bar per month, gaps included');
    const titles = await chart.locator('title').allTextContents();
    for (const entry of profile.per_month) {
      const plural = entry.count === 1 ? '' : 's';
      assert.ok(titles.some((title) => title.endsWith(`: ${entry.count} quote${plural}`)), `bar for ${entry.month}`);
    }
    assert_no_errors();
  });

  test('a low-confidence attribution looks different and says so, in the list and the article', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const all = await api_get(page, 'api/quotes?size=100');
    const doubtful = all.hits.find((hit) => hit.speaker && hit.confidence < 0.5);
    assert.ok(doubtful, 'the seeds have an uncertain attribution');
    const sure = all.hits.find((hit) => hit.speaker && hit.confidence >= 0.5);
    const position = Number(/~q(\d+)$/.exec(doubtful.id)[1]);

    await page.goto(`./?view=quotes&size=100&speaker=${encodeURIComponent(doubtful.speaker)}`);
    const item = page.locator('#results .quote-hit').filter({ hasText: plain(doubtful.text) }).first();
    await item.waitFor();
    assert.ok((await item.getAttribute('class')).includes('low-confidence'));
    assert.ok((await item.locator('.quote-who').textContent()).includes('(uncertain attribution)'));
    const border = (locator) => locator.locator('blockquote').evaluate((node) => getComputedStyle(node).borderLeftStyle);
    assert.equal(await border(item), 'dashed');
    await page.goto(`./?view=quotes&size=100&speaker=${encodeURIComponent(sure.speaker)}`);
    const plain_item = page.locator('#results .quote-hit').filter({ hasText: plain(sure.text) }).first();
    await plain_item.waitFor();
    assert.equal(await border(plain_item), 'solid', 'a confident attribution keeps the plain style');

    // Keyboard: Tab to the quote's "In context" link, Enter opens the article focused on it.
    await page.goto(`./?view=quotes&size=100&speaker=${encodeURIComponent(doubtful.speaker)}`);
    await item.waitFor();
    await item.getByRole('link', { name: /^In context:/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('quote') === String(position));
    await page.locator(`#quote-${position}.quote-low`).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), `quote-${position}`);
    assert.ok((await page.locator(`#quote-label-${position}`).textContent()).includes('(uncertain)'));
    assert_no_errors();
  });

  test('the matrix shades counts, switches to months, and a cell opens its quotes', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const matrix = await api_get(page, 'api/matrix?rows=speaker&cols=outlet');
    assert.ok(matrix.rows.length > 0 && matrix.cols.length > 0, 'the seeds quote someone somewhere');

    await page.goto('./');
    await page.getByRole('link', { name: 'Speaker matrix' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'matrix');
    const table = page.locator('table.matrix');
    await table.waitFor();
    const rows = await table.locator('tbody th[scope=row]').allTextContents();
    assert.deepEqual(rows, matrix.rows);
    const heads = await table.locator('thead th').allTextContents();
    assert.deepEqual(heads.slice(1, -1), matrix.cols);

    // The biggest cell is the darkest one.
    let best = { r: 0, c: 0, count: 0 };
    matrix.cells.forEach((row, r) => row.forEach((count, c) => count > best.count && (best = { r, c, count })));
    const cell = table.locator('tbody tr').nth(best.r).locator('td').nth(best.c);
    assert.ok((await cell.getAttribute('class') ?? '').includes('matrix-dark'), 'the largest count is shaded darkest');
    await cell.getByRole('link').click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('view') === 'quotes' &&
        url.searchParams.getAll('speaker').includes(matrix.rows[best.r]) &&
        url.searchParams.getAll('outlet').includes(matrix.cols[best.c]),
    );
    await expect_quote_count(page, best.count);

    await page.goBack();
    await table.waitFor();
    await page.locator('.matrix-switch').getByRole('link', { name: 'Months' }).click();
    await page.waitForURL((url) => url.searchParams.get('cols') === 'month');
    const by_month = await api_get(page, 'api/matrix?rows=speaker&cols=month');
    await page.locator('.matrix-switch a[aria-current=true]', { hasText: 'Months' }).waitFor();
    assert.equal(await table.locator('thead th').count(), by_month.cols.length + 2);
    assert_no_errors();
  });

  test('quotes, speaker page and matrix fit a phone-width screen', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { viewport: { width: 375, height: 740 } });
    const all = await api_get(page, 'api/quotes?size=1');
    const name = all.facets.speaker[0].value;
    await page.goto(`./?speaker_page=${encodeURIComponent(name)}`);
    await page.getByRole('heading', { level: 2, name }).waitFor();
    assert.ok((await overflow(page)) <= 0, 'speaker page: no sideways scrolling');
    await page.goto('./?view=quotes&size=100');
    await expect_quote_count(page, all.total);
    assert.ok((await overflow(page)) <= 0, 'quotes view: no sideways scrolling');
    await page.goto('./?view=matrix&cols=month');
    await page.locator('table.matrix').waitFor();
    assert.ok((await overflow(page)) <= 0, 'matrix: the table scrolls inside its box, not the page');
    assert_no_errors();
  });
});

function escape_regex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

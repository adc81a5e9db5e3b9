// timeline.mjs — end-to-end browser tests of the timeline: the date histogram above the
// results, driven in headless Chromium against the real server over an index the real indexer
// built from tests/corpus/ (many dated articles, 2015–2024, and undated ones). Every expectation
// is taken from the API's own answer for the same request, so the page and the server must agree.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { api_get, open_page, stack_config, use_stack } from './harness.mjs';

use_stack({ corpus: path.join(stack_config().root, 'tests', 'corpus') });

// Waits until the current state is on screen and the count reads "N <noun>(s)"; returns N.
async function wait_for_count(page, noun = 'article') {
  await page.locator('main[aria-busy="false"]').waitFor();
  const pattern = new RegExp(`^\\d[\\d,]* ${noun}s?$`);
  await page.locator('#result-count').filter({ hasText: pattern }).waitFor();
  return Number((await page.locator('#result-count').textContent()).replace(/\D/g, ''));
}

async function expect_count(page, total, noun = 'article') {
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.locator('#result-count').filter({ hasText: new RegExp(`^${total.toLocaleString('en')} ${noun}s?$`) }).waitFor();
}

const bars = (page) => page.locator('#timeline [role="toolbar"] [role="button"]');

// The bars' accessible names parsed into { period, count }, in page order.
async function bar_labels(page, noun = 'article') {
  const labels = await bars(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
  return labels.map((label) => {
    const match = new RegExp(`^(.+): (\\d[\\d,]*) ${noun}s?$`).exec(label);
    assert.ok(match, `bar label "${label}" reads "<period>: <n> ${noun}s"`);
    return { period: match[1], count: Number(match[2].replace(/,/g, '')) };
  });
}

async function undated_note(page) {
  const note = page.locator('#timeline .search-timeline-undated');
  if ((await note.count()) === 0) return 0;
  const match = /^undated: (\d[\d,]*)$/.exec(await note.textContent());
  assert.ok(match, 'the undated note reads "undated: n"');
  return Number(match[1].replace(/,/g, ''));
}

// Waits for the URL to carry exactly this date range ('' = absent).
async function expect_range(page, from, to) {
  await page.waitForURL((url) => (url.searchParams.get('from') ?? '') === from && (url.searchParams.get('to') ?? '') === to);
}

// The indexes of the non-empty buckets of a histogram.
function non_empty(histogram) {
  return histogram.buckets.flatMap((bucket, i) => (bucket.count > 0 ? [i] : []));
}

describe('timeline', () => {
  test('bars are labelled with their period and count, adding up with undated to the total', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    const api = await api_get(page, 'api/search');
    assert.ok(api.histogram.buckets.length >= 3 && api.histogram.undated > 0, 'the corpus has dated and undated articles');
    const total = await wait_for_count(page);
    assert.equal(total, api.total);
    await page.getByRole('toolbar', { name: `Articles per ${api.histogram.interval}` }).waitFor();

    const labels = await bar_labels(page);
    assert.deepEqual(labels, api.histogram.buckets.map(({ period, count }) => ({ period, count })), 'one bar per bucket, in order');
    const undated = await undated_note(page);
    assert.equal(undated, api.histogram.undated);
    assert.equal(labels.reduce((sum, bar) => sum + bar.count, 0) + undated, total, 'bars and undated add up to the count');
    assert_no_errors();
  });

  test('clicking a bar limits the results to its period', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    const api = await api_get(page, 'api/search');
    await wait_for_count(page);
    // The busiest bar, so that the count visibly changes.
    const index = api.histogram.buckets.reduce((best, b, i, all) => (b.count > all[best].count ? i : best), 0);
    const bucket = api.histogram.buckets[index];
    await bars(page).nth(index).click();
    await expect_range(page, bucket.from, bucket.to);
    await expect_count(page, bucket.count);
    // The new histogram covers the selected period only, and still adds up.
    const labels = await bar_labels(page);
    assert.equal(labels.reduce((sum, bar) => sum + bar.count, 0), bucket.count, 'the narrowed bars add up to the bar clicked');
    assert.equal(await undated_note(page), 0, 'a date range leaves undated articles out');
    assert_no_errors();
  });

  test('dragging across bars selects the periods they span; Reset clears the range', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    const api = await api_get(page, 'api/search');
    const total = await wait_for_count(page);
    // Two bars with matches and at least one period between them.
    const filled = non_empty(api.histogram);
    const [first, last] = [filled[0], filled.find((i) => i > filled[0] + 1) ?? filled.at(-1)];
    assert.ok(last > first, 'two separate non-empty periods');
    const start = await bars(page).nth(first).boundingBox();
    const end = await bars(page).nth(last).boundingBox();
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
    await page.mouse.up();
    const from = api.histogram.buckets[first].from;
    const to = api.histogram.buckets[last].to;
    await expect_range(page, from, to);
    const spanned = api.histogram.buckets.slice(first, last + 1).reduce((sum, b) => sum + b.count, 0);
    const ranged = await api_get(page, `api/search?from=${from}&to=${to}`);
    assert.equal(ranged.total, spanned, 'the range holds exactly the bars spanned');
    await expect_count(page, spanned);

    await page.getByRole('button', { name: 'Reset date range' }).click();
    await expect_range(page, '', '');
    await expect_count(page, total);
    assert.equal(await page.getByRole('button', { name: 'Reset date range' }).count(), 0, 'no Reset without a range');
    assert_no_errors();
  });

  test('the keyboard reaches the bars, moves between them and selects with Enter or Space', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    const api = await api_get(page, 'api/search');
    await wait_for_count(page);
    const filled = non_empty(api.histogram);
    // Tab from the sort control lands on the timeline: one tab stop, the first non-empty bar.
    await page.locator('#sort').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-index'));
    assert.equal(await focused(), String(filled[0]), 'Tab reaches the first period with matches');
    // Arrow keys move along the bars; End and Home jump to the ends.
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), String(filled[0] + 1));
    await page.keyboard.press('End');
    assert.equal(await focused(), String(api.histogram.buckets.length - 1));
    await page.keyboard.press('Home');
    assert.equal(await focused(), '0');
    // Walk to the second non-empty bar and take it with Enter.
    for (let i = 0; i < filled[1]; i += 1) await page.keyboard.press('ArrowRight');
    const bucket = api.histogram.buckets[filled[1]];
    await page.keyboard.press('Enter');
    await expect_range(page, bucket.from, bucket.to);
    await expect_count(page, bucket.count);
    // Focus stays in the redrawn timeline; Space selects too (here: the one bar with matches).
    await page.waitForFunction(() => document.activeElement?.closest?.('#timeline [role="toolbar"]'));
    const narrowed = await api_get(page, `api/search?from=${bucket.from}&to=${bucket.to}`);
    const inner = narrowed.histogram.buckets[non_empty(narrowed.histogram)[0]];
    assert.equal(await focused(), String(non_empty(narrowed.histogram)[0]));
    await page.keyboard.press(' ');
    await expect_range(page, inner.from, inner.to);
    await expect_count(page, inner.count);
    assert_no_errors();
  });

  test('the Quotes view has a timeline of quotes', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./?view=quotes');
    const api = await api_get(page, 'api/quotes');
    const total = await wait_for_count(page, 'quote');
    assert.equal(total, api.total);
    const labels = await bar_labels(page, 'quote');
    assert.deepEqual(labels, api.histogram.buckets.map(({ period, count }) => ({ period, count })));
    assert.equal(labels.reduce((sum, bar) => sum + bar.count, 0) + (await undated_note(page)), total);
    const index = non_empty(api.histogram)[0];
    await bars(page).nth(index).click();
    await expect_range(page, api.histogram.buckets[index].from, api.histogram.buckets[index].to);
    await expect_count(page, api.histogram.buckets[index].count, 'quote');
    assert_no_errors();
  });

  test('at phone width the timeline fits the screen', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { viewport: { width: 390, height: 844 } });
    await page.goto('./');
    await wait_for_count(page);
    await bars(page).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
    const box = await page.locator('#timeline [role="toolbar"]').boundingBox();
    assert.ok(box.width > 200 && box.height > 30, 'the chart has a usable size');
    assert_no_errors();
  });

  test('the matrix view shows no timeline', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./?view=matrix');
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.locator('table.matrix').or(page.locator('#matrix .no-results')).first().waitFor();
    assert.equal(await page.locator('#timeline').isHidden(), true);
    assert_no_errors();
  });
});

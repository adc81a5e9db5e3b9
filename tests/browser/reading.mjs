// reading.mjs — end-to-end browser tests of the reading view's "More like this" and the search
// box's as-you-type suggestions (issue 5), in headless Chromium against the real server over an
// index the real indexer built from corpus/. Expectations come from the API's own answers.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api_get, open_page, use_stack } from './harness.mjs';

use_stack();

// Waits for the current state to be on screen and the count to read "N article(s)".
async function expect_count(page, total) {
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.locator('#result-count').filter({ hasText: new RegExp(`^${total} articles?$`) }).waitFor();
}

// The input itself is the combobox (ARIA 1.2 pattern).
const search_box = (page) => page.getByRole('combobox', { name: 'Search', exact: true });
const listbox = (page) => page.getByRole('listbox', { name: 'Suggestions', exact: true });

// Types `text` key by key into an empty search box (as a person would) and waits for the list
// of suggestions for all of it (a list still answering a shorter text is marked aria-busy).
async function type_and_wait(page, text) {
  await search_box(page).fill('');
  await search_box(page).pressSequentially(text, { delay: 20 });
  await page.locator('#q-suggestions:not([aria-busy="true"])').waitFor({ state: 'visible' });
}

describe('reading view: more like this', () => {
  test('an article lists other seed articles, never itself, and a click opens one', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const all = await api_get(page, 'api/search?size=100');
    assert.ok(all.hits.length >= 5, 'the five seeds are indexed');
    const source = all.hits[0];
    const related = await api_get(page, `api/articles/${encodeURIComponent(source.id)}/related`);
    assert.ok(related.hits.length > 0, 'the seeds share words');

    await page.goto(`./?article=${encodeURIComponent(source.id)}`);
    await page.getByRole('heading', { level: 2, name: source.title }).waitFor();
    const section = page.getByRole('region', { name: 'More like this' });
    await section.waitFor();
    const links = section.getByRole('link');
    await links.first().waitFor();
    assert.deepEqual(await links.allTextContents(), related.hits.map((hit) => hit.title));
    const targets = await links.evaluateAll((nodes) => nodes.map((a) => new URL(a.href).searchParams.get('article')));
    assert.deepEqual(targets, related.hits.map((hit) => hit.id), 'each link opens its article');
    assert.ok(!targets.includes(source.id), 'the article is not listed as like itself');
    const seed_ids = all.hits.map((hit) => hit.id);
    assert.ok(targets.every((id) => seed_ids.includes(id)), 'only seed articles are listed');

    const next = related.hits[0];
    await links.first().click();
    await page.waitForURL((url) => url.searchParams.get('article') === next.id);
    await page.getByRole('heading', { level: 2, name: next.title }).waitFor();
    // Its own list follows: the reading view shows the new article's neighbours.
    const again = await api_get(page, `api/articles/${encodeURIComponent(next.id)}/related`);
    await section.getByRole('link').first().waitFor();
    assert.deepEqual(await section.getByRole('link').allTextContents(), again.hits.map((hit) => hit.title));
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: source.title }).waitFor();
    assert_no_errors();
  });
});

describe('search box suggestions', () => {
  test('"ker" suggests John Kerry; ArrowDown and Enter apply the speaker filter', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const expected = await api_get(page, 'api/search?speaker=John%20Kerry');
    const suggested = await api_get(page, 'api/suggest?q=ker');
    assert.deepEqual(suggested.suggestions[0], { kind: 'speaker', value: 'John Kerry', count: expected.total });

    await page.goto('./');
    await page.locator('main[aria-busy="false"]').waitFor();
    const box = search_box(page);
    assert.equal(await search_box(page).getAttribute('aria-expanded'), 'false');
    assert.equal(await box.getAttribute('aria-controls'), 'q-suggestions');
    await type_and_wait(page, 'ker');
    assert.equal(await search_box(page).getAttribute('aria-expanded'), 'true');
    const options = listbox(page).getByRole('option');
    assert.equal(await options.count(), suggested.suggestions.length);
    const first = options.first();
    assert.match(await first.getAttribute('aria-label'), /^John Kerry, speaker, \d+ articles?$/);
    assert.equal(await box.getAttribute('aria-activedescendant'), null, 'nothing highlighted yet');

    await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await expect_focus_on_box(page);
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.getAll('speaker').includes('John Kerry'));
    await expect_count(page, expected.total);
    assert.equal(new URL(page.url()).searchParams.get('q'), null, 'the typed prefix is not a query');
    assert.equal(await box.inputValue(), '');
    await listbox(page).waitFor({ state: 'hidden' });
    assert.equal(await search_box(page).getAttribute('aria-expanded'), 'false');
    const titles = await page.locator('#results .hit-title').allTextContents();
    assert.deepEqual(titles, expected.hits.map((hit) => hit.title), 'the filtered results, in the API order');
    assert_no_errors();
  });

  test('a title suggestion opens its article', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const suggested = await api_get(page, 'api/suggest?q=regime%20ch');
    const title = suggested.suggestions.find((s) => s.kind === 'title');
    assert.ok(title, 'a seed title has "regime change" in it');

    await page.goto('./');
    await type_and_wait(page, 'regime ch');
    const option = listbox(page).getByRole('option', { name: `${title.value}, article` });
    await option.click();
    await page.waitForURL((url) => url.searchParams.get('article') === title.id);
    await page.getByRole('heading', { level: 2, name: title.value }).waitFor();
    await listbox(page).waitFor({ state: 'hidden' });

    // From the reading view, picking an outlet by keyboard goes back to filtered results.
    const outlets = await api_get(page, 'api/suggest?q=bloom');
    const outlet = outlets.suggestions.find((s) => s.kind === 'outlet');
    assert.ok(outlet, 'an outlet starts with "bloom"');
    await type_and_wait(page, 'bloom');
    const index = outlets.suggestions.indexOf(outlet);
    for (let i = 0; i <= index; i += 1) await search_box(page).press('ArrowDown');
    await search_box(page).press('Enter');
    await page.waitForURL((url) => url.searchParams.getAll('outlet').includes(outlet.value) && !url.searchParams.has('article'));
    await expect_count(page, outlet.count);
    assert_no_errors();
  });

  test('Escape and a click outside close the list; Enter with nothing highlighted searches', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    await page.goto('./');
    await type_and_wait(page, 'ker');
    await search_box(page).press('Escape');
    await listbox(page).waitFor({ state: 'hidden' });
    assert.equal(await search_box(page).getAttribute('aria-expanded'), 'false');
    assert.equal(await search_box(page).inputValue(), 'ker', 'Escape with the list open keeps the text');

    // ArrowDown reopens the same suggestions; a click elsewhere closes them.
    await search_box(page).press('ArrowDown');
    await listbox(page).waitFor({ state: 'visible' });
    await page.locator('.colophon').click({ position: { x: 2, y: 2 } });
    await listbox(page).waitFor({ state: 'hidden' });

    const expected = await api_get(page, 'api/search?q=kerry');
    await type_and_wait(page, 'kerry');
    await search_box(page).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'kerry');
    await expect_count(page, expected.total);
    await listbox(page).waitFor({ state: 'hidden' });
    assert_no_errors();
  });

  test('the list fits a phone-width screen', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { viewport: { width: 390, height: 800 } });
    await page.goto('./');
    await type_and_wait(page, 'syria');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
    const box = await listbox(page).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the list stays on screen');
    assert_no_errors();
  });
});

// The combobox keeps focus while an option is highlighted (aria-activedescendant, not focus).
async function expect_focus_on_box(page) {
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
}

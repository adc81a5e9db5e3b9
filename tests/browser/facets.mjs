// facets.mjs — end-to-end browser tests of facets: excluding a value ("not" chips),
// the "(unknown)" value, and the typeahead inside long facet lists, driven in headless Chromium
// against the real server over an index the real indexer built from corpus/. Expected numbers
// come from the API's own answers for the same requests, so the page and the server must agree.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api_get, assert_eventually, open_page, use_stack } from './harness.mjs';

const kUnknown = '(unknown)';

use_stack();

const facet = (page, name) => page.getByRole('group', { name });

// Waits for the current state to be on screen with the count reading "N article(s)".
async function expect_count(page, total, noun = 'article') {
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.locator('#result-count').filter({ hasText: new RegExp(`^${total} ${noun}s?$`) }).waitFor();
}

function escape_regex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// An accessible name that starts with `text` followed by a space or the end (a value, its count).
function starts_with(text) {
  return new RegExp(`^${escape_regex(text)}(\\s|$)`);
}

describe('facets', () => {
  test('excluding an outlet shows a "not" chip, drops its articles, and the chip undoes it', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const everything = await api_get(page, 'api/search');
    const outlet = everything.facets.outlet.find((entry) => entry.value !== kUnknown);
    assert.ok(outlet, 'the seeds name an outlet');

    await page.goto('./');
    await expect_count(page, everything.total);
    const exclude = facet(page, 'Outlet').getByRole('button', { name: `Exclude ${outlet.value}` });
    assert.equal(await exclude.getAttribute('aria-pressed'), 'false');
    await exclude.click();
    await page.waitForURL((url) => url.searchParams.getAll('not_outlet').includes(outlet.value));
    await expect_count(page, everything.total - outlet.count);
    const chip = page.getByRole('button', { name: `Remove filter Outlet: not ${outlet.value}` });
    await chip.waitFor();
    assert.equal(await chip.textContent(), `Outlet: not ${outlet.value}×`);
    // The outlet facet ignores its own exclusion: the excluded outlet keeps its count, marked.
    await page.locator('main[aria-busy="false"]').waitFor();
    assert.equal(await exclude.getAttribute('aria-pressed'), 'true');
    const row = facet(page, 'Outlet').locator('li.facet-excluded');
    assert.equal(await row.locator('.facet-value').textContent(), outlet.value);
    assert.equal(await row.locator('.facet-count').textContent(), String(outlet.count));
    // No hit on the page comes from the excluded outlet.
    const shown = await page.locator('#results .hit-outlet').allTextContents();
    assert.ok(!shown.includes(outlet.value), `no ${outlet.value} hit is listed`);

    await chip.click();
    await page.waitForURL((url) => !url.searchParams.has('not_outlet'));
    await expect_count(page, everything.total);
    assert.equal(await exclude.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByRole('button', { name: /^Remove filter/ }).count(), 0, 'no chip left');
    assert_no_errors();
  });

  test('"(unknown)" selects the seeds without an outlet and shows as a chip', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const everything = await api_get(page, 'api/search');
    const unknown = everything.facets.outlet.at(-1);
    assert.deepEqual(unknown, { value: kUnknown, count: 2 }, 'two of the five seeds have no outlet, listed last');

    await page.goto('./');
    await expect_count(page, everything.total);
    const box = facet(page, 'Outlet').getByRole('checkbox', { name: starts_with(kUnknown) });
    await box.check();
    await page.waitForURL((url) => url.searchParams.getAll('outlet').includes(kUnknown));
    await expect_count(page, 2);
    await page.getByRole('button', { name: `Remove filter Outlet: ${kUnknown}` }).waitFor();
    assert.equal(await page.locator('#results .hit').count(), 2);
    assert.equal(await page.locator('#results .hit-outlet').count(), 0, 'the hits have no outlet');

    // Excluding "(unknown)" instead leaves the other three.
    await facet(page, 'Outlet').getByRole('button', { name: `Exclude ${kUnknown}` }).click();
    await page.waitForURL(
      (url) => url.searchParams.getAll('not_outlet').includes(kUnknown) && !url.searchParams.has('outlet'),
    );
    await expect_count(page, everything.total - 2);
    await page.getByRole('button', { name: `Remove filter Outlet: not ${kUnknown}` }).waitFor();
    assert.equal(await page.locator('#results .hit-outlet').count(), everything.total - 2);
    assert_no_errors();
  });

  test('the typeahead finds a speaker by a word prefix, Enter selects it, Escape closes', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const everything = await api_get(page, 'api/search');
    assert.ok(everything.facets.speaker.length > 8, 'the seeds quote enough speakers for a long list');
    // A speaker with several words, found by the start of a later word (not of the name).
    const target = everything.facets.speaker.find((entry) => entry.value !== kUnknown && /\s\p{L}{3}/u.test(entry.value));
    assert.ok(target, 'a speaker with a multi-word name');
    const prefix = target.value.split(/\s+/).at(-1).slice(0, 3).toLowerCase();
    const expected = await api_get(page, `api/facets/speaker?prefix=${encodeURIComponent(prefix)}&limit=10`);
    const position = expected.values.findIndex((entry) => entry.value === target.value);
    assert.ok(position >= 0, `the API finds ${target.value} by "${prefix}"`);

    await page.goto('./');
    await expect_count(page, everything.total);
    const box = page.getByRole('combobox', { name: 'Find speakers' });
    const listbox = page.getByRole('listbox', { name: 'Matching speakers' });
    await box.fill(prefix);
    await listbox.waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    // The options are the API's values, in its order.
    const options = listbox.getByRole('option');
    await assert_eventually(async () => (await options.count()) === expected.values.length, 'one option per value');
    const names = await options.locator('.facet-value').allTextContents();
    assert.deepEqual(names, expected.values.map((entry) => entry.value));

    // Escape closes the popup and keeps what was typed; a second Escape clears the box.
    await box.press('Escape');
    await listbox.waitFor({ state: 'hidden' });
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    assert.equal(await box.inputValue(), prefix);
    await box.press('Escape');
    assert.equal(await box.inputValue(), '');

    // Type again, walk to the speaker with the arrow keys, Enter picks it.
    await box.pressSequentially(prefix);
    await listbox.waitFor();
    await assert_eventually(async () => (await options.count()) === expected.values.length, 'options again');
    for (let i = 0; i <= position; i += 1) await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    assert.equal(await page.locator(`[id="${active}"] .facet-value`).textContent(), target.value);
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.getAll('speaker').includes(target.value));
    await expect_count(page, target.count);
    await page.getByRole('button', { name: `Remove filter Speaker: ${target.value}` }).waitFor();
    assert.ok(await facet(page, 'Speaker').getByRole('checkbox', { name: starts_with(target.value) }).isChecked());
    assert.equal(await box.inputValue(), '', 'the box empties after a pick');
    assert_no_errors();
  });

  test('the typeahead counts under the current search, and in the Quotes view counts quotes', async (t) => {
    const { page, assert_no_errors } = await open_page(t);
    const quotes = await api_get(page, 'api/quotes');
    assert.ok(quotes.facets.speaker.length > 8, 'the seeds have enough quoted speakers for a long list');
    const target = quotes.facets.speaker.find((entry) => entry.value !== kUnknown);
    const prefix = target.value.slice(0, 2);
    const expected = await api_get(page, `api/facets/speaker?type=quote&prefix=${encodeURIComponent(prefix)}&limit=10`);

    await page.goto('./?view=quotes');
    await expect_count(page, quotes.total, 'quote');
    const asked = page.waitForRequest((request) => request.url().includes('/api/facets/speaker?'));
    await page.getByRole('combobox', { name: 'Find speakers' }).fill(prefix);
    const url = new URL((await asked).url());
    assert.equal(url.searchParams.get('type'), 'quote');
    assert.equal(url.searchParams.get('prefix'), prefix);
    const option = page.getByRole('option', { name: starts_with(target.value) });
    const count = expected.values.find((entry) => entry.value === target.value).count;
    assert.equal(await option.locator('.facet-count').textContent(), count.toLocaleString('en'));
    assert_no_errors();
  });

  test('exclude controls are keyboard reachable and the panel fits a phone', async (t) => {
    const { page, assert_no_errors } = await open_page(t, { viewport: { width: 390, height: 800 } });
    const everything = await api_get(page, 'api/search');
    const outlet = everything.facets.outlet[0];
    await page.goto('./');
    await expect_count(page, everything.total);
    await page.getByRole('button', { name: /^Filters\b/ }).click();
    const exclude = facet(page, 'Outlet').getByRole('button', { name: `Exclude ${outlet.value}` });
    await exclude.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.getAll('not_outlet').includes(outlet.value));
    await expect_count(page, everything.total - outlet.count);
    // The re-rendered list keeps focus on the same control.
    await assert_eventually(
      () => page.evaluate((value) => document.activeElement?.dataset?.value === value, outlet.value),
      'focus stays on the exclude control',
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
    assert_no_errors();
  });
});

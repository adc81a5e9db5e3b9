// picks.mjs — end-to-end browser tests of the rule that a facet value is never both selected and
// excluded, whichever control picks it: a value excluded in the filter panel and then picked from
// the search box's suggestions ends up selected and no longer excluded, in the URL, the chips and
// the facet's controls. Headless Chromium against the real server over an index the real indexer
// built from corpus/; expected numbers come from the API's own answers.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api_get, assert_eventually, open_page, use_stack } from './harness.mjs';

const kUnknown = '(unknown)';

use_stack();

const search_box = (page) => page.getByRole('combobox', { name: 'Search', exact: true });
const suggestions = (page) => page.getByRole('listbox', { name: 'Suggestions', exact: true });
const facet = (page, name) => page.getByRole('group', { name });

// Waits for the current state to be on screen with the count reading "N article(s)".
async function expect_count(page, total) {
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.locator('#result-count').filter({ hasText: new RegExp(`^${total} articles?$`) }).waitFor();
}

function escape_regex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The most frequent value of a facet whose suggestions (for the start of its last word) list it.
async function suggested_value(page, kind, facet_values) {
  for (const entry of facet_values.filter((candidate) => candidate.value !== kUnknown)) {
    const prefix = entry.value.split(/\s+/).at(-1).slice(0, 4).toLowerCase();
    const answer = await api_get(page, `api/suggest?q=${encodeURIComponent(prefix)}`);
    const index = answer.suggestions.findIndex((s) => s.kind === kind && s.value === entry.value);
    if (index >= 0) return { value: entry.value, prefix, index };
  }
  assert.fail(`no ${kind} of the seeds is suggested by the start of its name`);
}

describe('a pick lifts the exclusion of the value it selects', () => {
  const rows = [
    // The reported case: a speaker excluded in the panel, then picked from the suggestions by keyboard.
    { kind: 'speaker', group: 'Speaker', label: 'Speaker', by: 'keyboard' },
    // The same rule for outlets, picked with the mouse.
    { kind: 'outlet', group: 'Outlet', label: 'Outlet', by: 'mouse' },
  ];
  for (const row of rows) {
    test(`an excluded ${row.kind} picked from the suggestions (${row.by}) is selected, not excluded`, async (t) => {
      const { page, assert_no_errors } = await open_page(t);
      const everything = await api_get(page, 'api/search');
      const target = await suggested_value(page, row.kind, everything.facets[row.kind]);
      const name = encodeURIComponent(target.value);
      const without = await api_get(page, `api/search?not_${row.kind}=${name}`);
      const only = await api_get(page, `api/search?${row.kind}=${name}`);
      assert.ok(without.total < everything.total && only.total > 0, `${target.value} narrows the seeds`);

      await page.goto('./');
      await expect_count(page, everything.total);
      const exclude = facet(page, row.group).getByRole('button', { name: `Exclude ${target.value}`, exact: true });
      await exclude.click();
      await page.waitForURL((url) => url.searchParams.getAll(`not_${row.kind}`).includes(target.value));
      await expect_count(page, without.total);
      const not_chip = page.getByRole('button', { name: `Remove filter ${row.label}: not ${target.value}`, exact: true });
      await not_chip.waitFor();

      await search_box(page).pressSequentially(target.prefix, { delay: 20 });
      await page.locator('#q-suggestions:not([aria-busy="true"])').waitFor({ state: 'visible' });
      const option = suggestions(page).getByRole('option', { name: new RegExp(`^${escape_regex(target.value)}, ${row.kind},`) });
      if (row.by === 'keyboard') {
        for (let i = 0; i <= target.index; i += 1) await search_box(page).press('ArrowDown');
        assert.equal(await search_box(page).getAttribute('aria-activedescendant'), await option.getAttribute('id'));
        await search_box(page).press('Enter');
      } else {
        await option.click();
      }

      await page.waitForURL((url) => url.searchParams.getAll(row.kind).includes(target.value));
      const url = new URL(page.url());
      assert.deepEqual(url.searchParams.getAll(row.kind), [target.value], 'selected');
      assert.deepEqual(url.searchParams.getAll(`not_${row.kind}`), [], 'no longer excluded');
      await expect_count(page, only.total);
      await page.getByRole('button', { name: `Remove filter ${row.label}: ${target.value}`, exact: true }).waitFor();
      assert.equal(await not_chip.count(), 0, 'the "not" chip is gone');
      const checkbox = facet(page, row.group).getByRole('checkbox', { name: new RegExp(`^${escape_regex(target.value)}\\s`) });
      await assert_eventually(() => checkbox.isChecked(), 'the facet box is ticked');
      assert.equal(await exclude.getAttribute('aria-pressed'), 'false', 'the exclude toggle is off');
      assert.equal(await search_box(page).inputValue(), '', 'the typed prefix is not a query');
      assert_no_errors();
    });
  }
});

// screenshots.mjs — captures the main screens into docs/screenshots/ from the real stack (not
// part of the test run). Usage:
//   BROADSHEET_INDEXER=… BROADSHEET_SERVER=… node tests/browser/screenshots.mjs

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch_browser, stack_config, start_stack } from './harness.mjs';

// One row per screen: the page state to open, what to wait for, and the viewport.
const kWide = { width: 1280, height: 1000 };
const kScreens = [
  { file: 'search-results.png', search: '?q=Syria', ready: '#results .hit', viewport: kWide },
  // Filtered by the two most quoted speakers (chosen from the index below).
  { file: 'search-filtered.png', search: 'filtered', ready: '#chips li', viewport: kWide },
  // The article with the most speakers (chosen below), to show the grouping of quotes.
  { file: 'article.png', search: 'article', ready: '#article-title', viewport: kWide },
  { file: 'quotes.png', search: '?view=quotes&q=Syria', ready: '#results .quote-hit', viewport: kWide },
  // The most quoted speaker (chosen below).
  { file: 'speaker.png', search: 'speaker', ready: '#speaker-title', viewport: kWide },
  { file: 'matrix.png', search: '?view=matrix', ready: 'table.matrix', viewport: kWide },
  { file: 'phone-results.png', search: '?q=Syria', ready: '#results .hit', viewport: { width: 390, height: 844 } },
  { file: 'error.png', search: '?q=title%3A(', ready: '#alert:not(:empty)', viewport: { width: 1280, height: 500 } },
];

const out_dir = path.join(stack_config().root, 'docs', 'screenshots');
await mkdir(out_dir, { recursive: true });
const stack = await start_stack();
const browser = await launch_browser();
try {
  const page = await browser.newPage({ baseURL: stack.base_url });
  page.setDefaultTimeout(10_000);
  const all = await (await page.request.get('api/search?size=100')).json();
  const richest = [...all.hits].sort((a, b) => b.speakers.length - a.speakers.length)[0];
  for (const screen of kScreens) {
    await page.setViewportSize(screen.viewport);
    const speakers = all.facets.speaker.slice(0, 2).map((entry) => ['speaker', entry.value]);
    const named = {
      filtered: `?${new URLSearchParams([['q', 'Syria'], ...speakers])}`,
      article: `?${new URLSearchParams({ article: richest.id })}`,
      speaker: `?${new URLSearchParams({ speaker_page: all.facets.speaker[0]?.value ?? '' })}`,
    };
    const search = named[screen.search] ?? screen.search;
    await page.goto(`./${search}`);
    await page.locator(screen.ready).first().waitFor();
    await page.locator('main[aria-busy=false]').waitFor();
    await page.locator('#index-status:not(:empty)').waitFor();
    const file = path.join(out_dir, screen.file);
    await page.screenshot({ path: file, fullPage: screen.file !== 'error.png' });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
} finally {
  await browser.close();
  await stack.stop();
}

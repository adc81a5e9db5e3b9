// screenshots.mjs — captures the main screens into docs/screenshots/ from the real stack (not
// part of the test run). Usage:
//   BROADSHEET_INDEXER=… BROADSHEET_SERVER=… node tests/browser/screenshots.mjs [file.png …]
// With file names, only those screens are captured.
//
// Screens come from an index of the seed articles in corpus/, except those that need more data
// than five mostly undated articles have: those use tests/corpus/ (150 articles, most of them
// dated 2015–2024), the corpus of tests/browser/timeline.mjs.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch_browser, stack_config, start_stack } from './harness.mjs';

// One row per screen: the corpus to index ('seeds' = corpus/, 'tests' = tests/corpus/), the page
// state to open, what to wait for, the viewport, whether to capture the whole page (`full_page`,
// default true; `from`: only from this element down), and `act`: what to do on the page before
// the capture (typing into a box), then `shown`: what must be on screen after it.
const kWide = { width: 1280, height: 1000 };
const kScreens = [
  // The result list with its facets and the export links (Atom, CSV, JSON Lines) by the count.
  { file: 'search-results.png', search: '?q=Syria', ready: '#export-links a', viewport: kWide },
  // Filtered by the two most quoted speakers (chosen from the index below).
  { file: 'search-filtered.png', search: 'filtered', ready: '#chips li', viewport: kWide },
  // The article with the most speakers (chosen below), to show the grouping of quotes. Waits for
  // "More like this" (its own request) so the page is complete and the same height every time.
  { file: 'article.png', search: 'article', ready: '.related:not([hidden]) .related-list li', viewport: kWide },
  { file: 'quotes.png', search: '?view=quotes&q=Syria', ready: '#results .quote-hit', viewport: kWide },
  // The most quoted speaker (chosen below).
  { file: 'speaker.png', search: 'speaker', ready: '#speaker-title', viewport: kWide },
  { file: 'matrix.png', search: '?view=matrix', ready: 'table.matrix', viewport: kWide },
  { file: 'phone-results.png', search: '?q=Syria', ready: '#results .hit', viewport: { width: 390, height: 844 } },
  { file: 'error.png', search: '?q=title%3A(', ready: '#alert:not(:empty)', viewport: { width: 1280, height: 540 }, full_page: false },
  // The timeline needs dated articles: the seeds have one date among five, tests/corpus/ ten
  // years of them. Browsing everything draws one bar per year and the undated count. Only the
  // top of the page: the full list of 150 articles would bury the chart.
  {
    file: 'timeline.png',
    corpus: 'tests',
    search: '',
    ready: '#timeline .search-timeline-bucket',
    viewport: kWide,
    full_page: false,
  },
  // An excluded outlet: its red "not" chip above the results and its struck-through entry in the
  // Outlet list, which also shows "(unknown)" for the two seed articles without an outlet.
  { file: 'facets-exclude.png', search: 'exclude', ready: '#chips .chip-not', viewport: kWide, full_page: false },
  // The typeahead of the Speaker facet (the seeds name 12 speakers, more than the 8 the list
  // shows collapsed) open on "ma", with matches the collapsed list hides.
  {
    file: 'facet-typeahead.png',
    search: '',
    ready: '#facet-speaker .facet-filter',
    viewport: kWide,
    full_page: false,
    act: (page) => page.locator('#facet-speaker .facet-filter').pressSequentially('ma'),
    shown: '#facet-speaker-options [role="option"]',
  },
  // The search box's suggestions after typing "ker": a speaker and two titles.
  {
    file: 'suggest.png',
    search: '',
    ready: '#results .hit',
    viewport: kWide,
    full_page: false,
    act: (page) => page.locator('#q').pressSequentially('ker'),
    shown: '#q-suggestions [role="option"]',
  },
  // The end of the reading view: the last speaker's quotes and "More like this", which arrives
  // after the article (its own request). Cut from that speaker's heading to the bottom of the
  // page: the whole page would be article.png again, and a scrolled viewport would cut a quote.
  {
    file: 'article-related.png',
    search: 'article',
    ready: '.related:not([hidden]) .related-list li',
    viewport: kWide,
    from: '.article-quotes .speaker-quotes >> nth=-1',
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((file) => !kScreens.some((screen) => screen.file === file));
if (unknown.length > 0) throw new Error(`no such screen: ${unknown.join(', ')}`);
const out_dir = path.join(stack_config().root, 'docs', 'screenshots');
await mkdir(out_dir, { recursive: true });
const corpora = { seeds: undefined, tests: path.join(stack_config().root, 'tests', 'corpus') };
const browser = await launch_browser();
try {
  for (const [corpus_name, corpus] of Object.entries(corpora)) {
    const screens = kScreens.filter(
      (screen) => (screen.corpus ?? 'seeds') === corpus_name && (wanted.length === 0 || wanted.includes(screen.file)),
    );
    if (screens.length === 0) continue;
    const stack = await start_stack({ corpus });
    try {
      await capture(stack, screens);
    } finally {
      await stack.stop();
    }
  }
} finally {
  await browser.close();
}

async function capture(stack, screens) {
  // A fresh context per screen, so no focus, typed text or expanded list carries over.
  const probe = await browser.newContext({ baseURL: stack.base_url });
  const all = await (await probe.request.get('api/search?size=100')).json();
  await probe.close();
  const richest = [...all.hits].sort((a, b) => b.speakers.length - a.speakers.length)[0];
  const speakers = (all.facets.speaker ?? []).filter((entry) => entry.value !== '(unknown)');
  const outlets = (all.facets.outlet ?? []).filter((entry) => entry.value !== '(unknown)');
  const named = {
    filtered: `?${new URLSearchParams([['q', 'Syria'], ...speakers.slice(0, 2).map((entry) => ['speaker', entry.value])])}`,
    article: `?${new URLSearchParams({ article: richest.id })}`,
    speaker: `?${new URLSearchParams({ speaker_page: speakers[0]?.value ?? '' })}`,
    exclude: `?${new URLSearchParams({ not_outlet: outlets[0]?.value ?? '' })}`,
  };
  for (const screen of screens) {
    const context = await browser.newContext({ baseURL: stack.base_url, viewport: screen.viewport });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const search = named[screen.search] ?? screen.search;
      await page.goto(`./${search}`);
      await page.locator(screen.ready).first().waitFor();
      await page.locator('main[aria-busy=false]').waitFor();
      await page.locator('#index-status:not(:empty)').waitFor();
      if (screen.act) {
        await screen.act(page);
        await page.locator(screen.shown).first().waitFor();
      }
      const file = path.join(out_dir, screen.file);
      const options = { path: file, fullPage: screen.full_page ?? true };
      if (screen.from) {
        const top = (await page.locator(screen.from).boundingBox()).y + (await page.evaluate(() => window.scrollY));
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const y = Math.max(0, Math.floor(top) - 12);
        options.clip = { x: 0, y, width: screen.viewport.width, height: height - y };
      }
      await page.screenshot(options);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    } finally {
      await context.close();
    }
  }
}

// app.js — the page controller: reads the state from the URL, loads what it needs from the API,
// renders it, and turns user actions into new history entries (pushState), so that the URL is
// always the whole state and back/forward replay it (popstate).

import * as api from './api.js';
import { quote_target, render_article } from './article.js';
import { el, plural } from './dom.js';
import { render_export } from './export.js';
import { kFacetSize, render_facets } from './facets.js';
import { render_matrix } from './matrix.js';
import { render_quote_results } from './quotes.js';
import { clear_results, href_for, kHitFields, render_chips, render_results, render_suggestion } from './results.js';
import { render_speaker } from './speaker.js';
import { init_suggest } from './suggest.js';
import { render_timeline } from './timeline.js';
import {
  effective_sort,
  matrix_params,
  parse_state,
  search_params,
  state_to_search,
  with_changes,
} from './state.js';

let state = parse_state(location.search);
// Each load aborts the previous one, so a slow old answer can never overwrite a newer state.
let in_flight = null;

const elements = {
  form: document.getElementById('search-form'),
  query: document.getElementById('q'),
  sort: document.getElementById('sort'),
  from: document.getElementById('from'),
  to: document.getElementById('to'),
  alert: document.getElementById('alert'),
  main: document.getElementById('main'),
  results_view: document.getElementById('results-view'),
  filters: document.querySelector('.filters'),
  filters_toggle: document.getElementById('filters-toggle'),
  article_view: document.getElementById('article-view'),
  speaker_view: document.getElementById('speaker-view'),
  results: document.getElementById('results'),
  matrix: document.getElementById('matrix'),
  pagination: document.getElementById('pagination'),
  sort_label: document.querySelector('.sort'),
  tabs: {
    '': document.getElementById('tab-articles'),
    quotes: document.getElementById('tab-quotes'),
    matrix: document.getElementById('tab-matrix'),
  },
};

// Records a user action as a new history entry and shows it; resolves once it is on screen.
function navigate(next) {
  state = next;
  history.pushState(null, '', state_to_search(state) || location.pathname);
  return show(state);
}

// Shows an API error in the alert region (announced by screen readers), or clears it.
function show_error(error) {
  elements.alert.replaceChildren();
  if (!error) return;
  // A search the server refused has no feed or export: its links would only lead to the same 400.
  document.getElementById('export-links').hidden = true;
  const lead = {
    invalid_query: 'Your query could not be read:',
    invalid_argument: 'A search setting is not valid:',
    not_found: 'Not found:',
    index_unavailable: 'The archive is not available right now:',
    shard_unavailable: 'Part of the archive is not available right now:',
    network: 'No connection:',
  }[error.code] ?? 'Something went wrong:';
  elements.alert.append(el('strong', {}, lead), ' ', error.message);
}

// Puts the state's values into the form controls (after load, back/forward, or a link).
function sync_controls(current) {
  elements.query.value = current.q;
  const active =
    current.outlet.length +
    current.speaker.length +
    current.not_outlet.length +
    current.not_speaker.length +
    (current.from || current.to ? 1 : 0);
  elements.filters_toggle.textContent = active > 0 ? `Filters (${active} active)` : 'Filters';
  elements.sort.value = effective_sort(current);
  elements.from.value = current.from;
  elements.to.value = current.to;
  // The tabs show the same search as articles, quotes or the matrix.
  for (const [view, tab] of Object.entries(elements.tabs)) {
    tab.href = href_for(with_changes(current, { view, cols: '' }));
    if (view === current.view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  const matrix = current.view === 'matrix';
  elements.sort_label.hidden = matrix;
  elements.matrix.hidden = !matrix;
  elements.results.hidden = matrix;
  elements.pagination.hidden = matrix;
  render_export(current);
}

async function show(current) {
  sync_controls(current);
  in_flight?.abort();
  in_flight = new AbortController();
  const { signal } = in_flight;
  const profile = current.speaker_page !== '';
  const reading = !profile && current.article !== '';
  document.body.classList.toggle('reading', reading || profile);
  elements.results_view.hidden = reading || profile;
  elements.article_view.hidden = !reading;
  elements.speaker_view.hidden = !profile;
  if (profile && elements.speaker_view.dataset.name !== current.speaker_page) {
    elements.speaker_view.replaceChildren();
    delete elements.speaker_view.dataset.name;
  }
  if (reading && elements.article_view.dataset.id !== current.article) {
    // Never show the previous article under the new URL while this one loads.
    elements.article_view.replaceChildren();
    delete elements.article_view.dataset.id;
  }
  elements.main.setAttribute('aria-busy', 'true');
  try {
    if (profile) {
      await show_speaker(current, signal);
    } else if (reading) {
      await show_article(current, signal);
    } else if (current.view === 'matrix') {
      await show_matrix(current, signal);
    } else {
      await show_search(current, signal);
    }
    show_error(null);
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (!(error instanceof api.ApiError)) {
      // A bug in the page, not an answer from the server: keep it visible to developers too.
      console.error(error);
    }
    show_error(error instanceof api.ApiError ? error : new api.ApiError('internal', String(error), 0));
    if (reading || profile) {
      // Leave a way back to the results the article or speaker was opened from.
      const results = href_for(with_changes(current, {}));
      const back = el('a', { href: results, 'data-navigate': '' }, '← Back to results');
      const view = profile ? elements.speaker_view : elements.article_view;
      view.replaceChildren(el('nav', { className: 'article-nav' }, back));
      document.title = `${profile ? 'Speaker' : 'Article'} not available — Broadsheet`;
    } else {
      clear_results();
      render_timeline(current, null);
      elements.matrix.replaceChildren();
      render_facets(current, {}, [], navigate);
      document.title = 'Search failed — Broadsheet';
    }
  } finally {
    if (!signal.aborted) elements.main.setAttribute('aria-busy', 'false');
  }
}

// The facets the panel draws from a list request: years too unless a date range is set, when
// they come from year_counts_without_range.
function panel_facets(current) {
  const ranged = current.from !== '' || current.to !== '';
  return ranged ? ['outlet', 'speaker'] : ['outlet', 'speaker', 'year'];
}

// Articles or quotes for the current search (the quote list takes the same parameters), with
// the facets, timeline and hit fields the page draws and nothing else.
async function show_search(current, signal) {
  const quotes = current.view === 'quotes';
  const fetch_list = quotes ? api.quotes : api.search;
  const params = api.shaped(search_params(current), {
    facets: panel_facets(current),
    facet_size: kFacetSize,
    histogram: true,
    fields: quotes ? null : kHitFields,
  });
  const [data, years] = await Promise.all([
    fetch_list(params, signal),
    year_counts_without_range(current, fetch_list, signal),
  ]);
  if (quotes) render_quote_results(current, data, navigate);
  else render_results(current, data, navigate);
  render_timeline(current, data, quotes ? 'quote' : 'article', navigate);
  render_facets(current, data.facets ?? {}, (years ?? data).facets?.year ?? [], navigate);
  const what = quotes ? 'Quotes' : '';
  document.title = [current.q, what, 'Broadsheet'].filter(Boolean).join(' — ');
}

// The same search without its date range, asked only for its year counts: year counts ignore the
// date range, as a facet's counts ignore its own selection; without this, ticking one year would
// hide every other year from the list. Null when no range is set (the search's own counts serve).
function year_counts_without_range(current, fetch_list, signal) {
  if (current.from === '' && current.to === '') return null;
  const year_params = api.shaped(search_params(with_changes(current, { from: '', to: '' })), {
    facets: ['year'],
    snippets: false,
    fields: fetch_list === api.search ? [] : null,
  });
  year_params.set('size', '1');
  year_params.delete('page');
  return fetch_list(year_params, signal);
}

// The speaker matrix; the filters beside it count quotes, as the matrix does.
async function show_matrix(current, signal) {
  const facet_params = api.shaped(search_params(current), {
    facets: panel_facets(current),
    facet_size: kFacetSize,
    snippets: false,
  });
  facet_params.set('size', '1');
  facet_params.delete('page');
  const [data, facets, years] = await Promise.all([
    api.matrix(matrix_params(current), signal),
    api.quotes(facet_params, signal),
    year_counts_without_range(current, api.quotes, signal),
  ]);
  render_suggestion(current, null);
  render_chips(current, navigate);
  render_matrix(current, data);
  render_timeline(current, null);
  render_facets(current, facets.facets ?? {}, (years ?? facets).facets?.year ?? [], navigate);
  document.title = [current.q, 'Speaker matrix', 'Broadsheet'].filter(Boolean).join(' — ');
}

async function show_speaker(current, signal) {
  const profile = await api.speaker(current.speaker_page, signal);
  render_speaker(current, profile);
  elements.speaker_view.dataset.name = current.speaker_page;
  document.title = `${profile.name ?? current.speaker_page} — Broadsheet`;
  document.getElementById('speaker-title').focus();
}

async function show_article(current, signal) {
  // Previous/next step through article results; from quotes there is no such list.
  const [article, neighbours] = await Promise.all([
    api.article(current.article, signal),
    current.view === '' ? find_neighbours(current, signal) : { previous: null, next: null },
  ]);
  render_article(current, article, neighbours, signal);
  elements.article_view.dataset.id = current.article;
  document.title = `${article.title || 'Article'} — Broadsheet`;
  // Opened at a quote: bring it to the middle of the screen and give it focus, so keyboard and
  // screen-reader users start there too.
  const target = quote_target(current);
  if (target) {
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  } else {
    document.getElementById('article-title').focus();
  }
}

// The results just before and after the open article in the search it was opened from, as page
// states (a neighbour on another page carries that page). Best effort: without a usable search
// the article simply shows no previous/next links.
async function find_neighbours(current, signal) {
  const none = { previous: null, next: null };
  // Ids are all the links need.
  const ids_of = (state) => api.shaped(search_params(state), { snippets: false, fields: [] });
  const fetch_page = async (page) => {
    const response = await api.search(ids_of({ ...current, page }), signal);
    return response.hits ?? [];
  };
  try {
    const response = await api.search(ids_of(current), signal);
    const hits = response.hits ?? [];
    const index = hits.findIndex((hit) => hit.id === current.article);
    if (index < 0) return none;
    const size = Number(response.size) || hits.length;
    const at = (hit, page) => (hit ? { ...current, article: hit.id, page } : null);
    let previous = at(hits[index - 1], current.page);
    let next = at(hits[index + 1], current.page);
    if (!previous && current.page > 1) {
      previous = at((await fetch_page(current.page - 1)).at(-1), current.page - 1);
    }
    if (!next && current.page * size < Number(response.total)) {
      next = at((await fetch_page(current.page + 1))[0], current.page + 1);
    }
    return { previous, next };
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return none;
  }
}

init_suggest({
  input: elements.query,
  list: document.getElementById('q-suggestions'),
  current_state: () => state,
  navigate,
});

elements.form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(with_changes(state, { q: elements.query.value.trim() }));
});

// On phones the filter panel folds away above the results; the button opens and closes it.
elements.filters_toggle.addEventListener('click', () => {
  const open = elements.filters.classList.toggle('open');
  elements.filters_toggle.setAttribute('aria-expanded', String(open));
});

elements.sort.addEventListener('change', () => navigate(with_changes(state, { sort: elements.sort.value })));

// Typing a year digit by digit makes the date input report every intermediate date ("0002-…",
// "0020-…"), so a date is applied once typing pauses, when the field is left, or on Enter.
const kDateSettleMs = 600;
let date_timer = null;

function apply_dates() {
  clearTimeout(date_timer);
  date_timer = null;
  const from = elements.from.value;
  const to = elements.to.value;
  const usable = (value) => value === '' || /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value);
  if (!usable(from) || !usable(to) || (from === state.from && to === state.to)) return;
  navigate(with_changes(state, { from, to }));
}

for (const input of [elements.from, elements.to]) {
  input.addEventListener('change', () => {
    clearTimeout(date_timer);
    date_timer = setTimeout(apply_dates, kDateSettleMs);
  });
  input.addEventListener('blur', (event) => {
    // Moving from one end of the range to the other is still typing the range.
    const to_other_end = event.relatedTarget === elements.from || event.relatedTarget === elements.to;
    if (date_timer !== null && !to_other_end) apply_dates();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') apply_dates();
  });
}

// Links marked data-navigate carry the URL of a state; a plain click loads it in place, while
// modified clicks (new tab, new window) keep the browser's behaviour.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-navigate]');
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const shown = navigate(parse_state(new URL(link.href).search));
  // The clicked link is replaced by the new page; keyboard users continue from the new results
  // rather than from the top of the document. (Articles focus their own title.)
  if (link.closest('#pagination, .article-nav') && !link.closest('.article-nav a[rel]')) {
    shown.then(() => {
      if (!elements.results_view.hidden) elements.main.focus();
    });
  }
});

// "/" jumps to the search box from anywhere but a text field.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const typing =
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable;
  if (typing) return;
  event.preventDefault();
  elements.query.focus();
  elements.query.select();
});

// The footer says how much is indexed and since when; purely informative, so failures stay quiet.
async function show_index_status() {
  try {
    const info = await api.health();
    const stamp = typeof info.index_built === 'string' ? info.index_built : '';
    const built = stamp.replace('T', ' ').replace('Z', ' UTC');
    const count = Number(info.documents) || 0;
    document.getElementById('index-status').textContent =
      `${plural(count, 'article')} indexed${built ? `, built ${built}` : ''}.`;
  } catch {
    // The link to the raw status stays for anyone who needs details.
  }
}

window.addEventListener('popstate', () => {
  state = parse_state(location.search);
  show(state);
});

show(state);
show_index_status();

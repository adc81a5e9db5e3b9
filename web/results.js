// results.js — the result list: count, "Did you mean", filter chips, hits with highlighted
// snippets, and pagination. Links carry real URLs (open in a new tab works); plain clicks are
// turned into in-page navigation by app.js.

import { el, format_date, plural, snippet_nodes } from './dom.js';
import { pick_facet_value, state_to_search, with_changes } from './state.js';
import { year_range } from './facets.js';

// The API's result window: page × size may not exceed this (docs/api.md).
const kResultWindow = 10000;
// Page links shown on each side of the current page.
const kPageRadius = 2;

// The link target of a state: its query string, or the bare page for the empty state.
export function href_for(state) {
  return state_to_search(state) || location.pathname;
}

// The link to a speaker's page, keeping the search it was opened from for the way back.
export function speaker_href(state, name) {
  return href_for(with_changes(state, { speaker_page: name }));
}

// A speaker's name as a link to their page.
export function speaker_link(state, name, className = 'speaker-name') {
  return el('a', { href: speaker_href(state, name), className, 'data-navigate': '' }, name);
}

export function render_results(state, data, navigate) {
  render_list(state, data, navigate, { noun: 'article', render: render_hit });
}

// The shared frame of a result list (count, suggestion, chips, items, pagination); `kind` names
// what is counted ("article", "quote") and renders one hit.
export function render_list(state, data, navigate, kind) {
  const total = Number(data.total) || 0;
  document.getElementById('result-count').textContent = plural(total, kind.noun);
  render_suggestion(state, data.suggestion);
  render_chips(state, navigate);
  const list = document.getElementById('results');
  list.setAttribute('aria-label', `${kind.noun[0].toUpperCase()}${kind.noun.slice(1)}s`);
  list.classList.toggle('quote-results', kind.noun === 'quote');
  list.replaceChildren(...(data.hits ?? []).map((hit) => kind.render(state, hit)));
  if (total === 0) {
    list.append(el('li', { className: 'no-results' }, `No ${kind.noun}s match. Try fewer words or filters.`));
  } else if (list.children.length === 0) {
    const first = el('a', { href: href_for(with_changes(state, {})), 'data-navigate': '' }, 'the first page');
    const text = 'This page is past the end of the results. Go to ';
    list.append(el('li', { className: 'no-results' }, text, first, '.'));
  }
  render_pagination(state, total, Number(data.size) || 10);
}

// Clears everything a failed search would otherwise leave looking current.
export function clear_results() {
  document.getElementById('result-count').textContent = '';
  document.getElementById('suggestion').replaceChildren();
  document.getElementById('results').replaceChildren();
  document.getElementById('pagination').replaceChildren();
}

export function render_suggestion(state, suggestion) {
  const holder = document.getElementById('suggestion');
  if (typeof suggestion !== 'string' || suggestion === '' || suggestion === state.q) {
    holder.replaceChildren();
    return;
  }
  const next = with_changes(state, { q: suggestion });
  holder.replaceChildren(
    'Did you mean ',
    el(
      'a',
      { href: href_for(next), className: 'suggestion-link', 'data-navigate': '' },
      el('strong', {}, suggestion),
    ),
    '?',
  );
}

// One removable chip per active filter, so every narrowing is visible and undoable in one click.
export function render_chips(state, navigate) {
  const chips = [];
  const add = (label, value, next, className = 'chip') => {
    const button = el(
      'button',
      { type: 'button', className, 'aria-label': `Remove filter ${label}: ${value}` },
      el('span', { className: 'chip-label' }, `${label}: `),
      value,
      el('span', { className: 'chip-x', 'aria-hidden': 'true' }, '×'),
    );
    button.addEventListener('click', () => navigate(next));
    chips.push(el('li', {}, button));
  };
  const kinds = [['outlet', 'Outlet'], ['speaker', 'Speaker']];
  for (const [facet, label] of kinds) {
    for (const value of state[facet]) add(label, value, pick_facet_value(state, facet, value, 'none'));
  }
  // Exclusions read "Outlet: not Sputnik"; "(unknown)" stands for results without the field.
  for (const [facet, label] of kinds) {
    for (const value of state[`not_${facet}`]) {
      add(label, `not ${value}`, pick_facet_value(state, facet, value, 'none'), 'chip chip-not');
    }
  }
  if (state.from || state.to) {
    const range = year_range(state);
    const text = range
      ? range.first === range.last
        ? String(range.first)
        : `${range.first}–${range.last}`
      : `${state.from ? format_date(state.from) : '…'} – ${state.to ? format_date(state.to) : '…'}`;
    add('Date', text, with_changes(state, { from: '', to: '' }));
  }
  if (chips.length > 1) {
    const clear = el('button', { type: 'button', className: 'chip chip-clear' }, 'Clear all filters');
    clear.addEventListener('click', () =>
      navigate(
        with_changes(state, { outlet: [], speaker: [], not_outlet: [], not_speaker: [], from: '', to: '' }),
      ),
    );
    chips.push(el('li', {}, clear));
  }
  const holder = document.getElementById('chips');
  holder.replaceChildren(...chips);
  holder.hidden = chips.length === 0;
}

// The hit fields render_hit draws (the id is always sent): what the page asks /api/search for.
export const kHitFields = ['title', 'date', 'outlet', 'author', 'speakers', 'snippet'];

function render_hit(state, hit) {
  const title = hit.title || '(untitled)';
  const meta = [
    hit.date ? el('time', { dateTime: hit.date }, format_date(hit.date)) : el('span', {}, 'Undated'),
    hit.outlet ? el('span', { className: 'hit-outlet' }, hit.outlet) : null,
    hit.author ? el('span', {}, `By ${hit.author}`) : null,
  ].filter(Boolean);
  const speakers = Array.isArray(hit.speakers) ? hit.speakers : [];
  return el(
    'li',
    { className: 'hit' },
    el(
      'h3',
      { className: 'hit-title' },
      el('a', { href: href_for({ ...state, article: hit.id }), 'data-navigate': '' }, title),
    ),
    el('p', { className: 'hit-meta' }, ...meta),
    speakers.length > 0
      ? el(
          'p',
          { className: 'hit-speakers' },
          'Quoted: ',
          speakers.flatMap((name, i) => (i === 0 ? [speaker_link(state, name)] : [', ', speaker_link(state, name)])),
        )
      : null,
    hit.snippet ? el('p', { className: 'hit-snippet' }, ...snippet_nodes(hit.snippet)) : null,
  );
}

function render_pagination(state, total, size) {
  const nav = document.getElementById('pagination');
  const last_page = Math.min(Math.ceil(total / size), Math.floor(kResultWindow / size));
  if (last_page <= 1) {
    nav.replaceChildren();
    return;
  }
  const page_link = (page, text, label) => {
    const next = with_changes(state, { page });
    const attrs = { href: href_for(next), 'data-navigate': '', 'aria-label': label };
    if (page === state.page) attrs['aria-current'] = 'page';
    return el('li', {}, el('a', attrs, text));
  };
  const items = [];
  if (state.page > 1) items.push(page_link(state.page - 1, '‹ Previous', 'Previous page'));
  const first = Math.max(1, state.page - kPageRadius);
  const last = Math.min(last_page, state.page + kPageRadius);
  if (first > 1) items.push(page_link(1, '1', 'Page 1'));
  if (first > 2) items.push(el('li', { className: 'gap', 'aria-hidden': 'true' }, '…'));
  for (let page = first; page <= last; page += 1) items.push(page_link(page, String(page), `Page ${page}`));
  if (last < last_page - 1) items.push(el('li', { className: 'gap', 'aria-hidden': 'true' }, '…'));
  if (last < last_page) items.push(page_link(last_page, String(last_page), `Page ${last_page}`));
  if (state.page < last_page) items.push(page_link(state.page + 1, 'Next ›', 'Next page'));
  nav.replaceChildren(el('ul', {}, ...items));
}

// state.js — the page state and its one-to-one mapping to the URL query string, so that reload,
// back/forward and shared links all restore exactly what the user saw.

export const kSorts = ['relevance', 'newest', 'oldest'];
const kMaxSize = 100;
const kDatePattern = /^\d{4}-\d{2}-\d{2}$/;

// A fresh, empty state: browse everything, first page, no article open.
export function empty_state() {
  return { q: '', outlet: [], speaker: [], from: '', to: '', sort: '', page: 1, size: 0, article: '' };
}

// Reads a state from a query string ("?q=…&outlet=…"). Values the page cannot use (a bad page
// number, an unknown sort) fall back to defaults instead of failing, since URLs are typed by hand.
export function parse_state(search) {
  const params = new URLSearchParams(search);
  const state = empty_state();
  state.q = params.get('q') ?? '';
  state.outlet = unique_values(params.getAll('outlet'));
  state.speaker = unique_values(params.getAll('speaker'));
  state.from = valid_date(params.get('from'));
  state.to = valid_date(params.get('to'));
  const sort = params.get('sort') ?? '';
  state.sort = kSorts.includes(sort) ? sort : '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isInteger(page) && page >= 1 ? page : 1;
  // Hits per page; 0 leaves the server's default. Only links set it (there is no control).
  const size = Number.parseInt(params.get('size') ?? '', 10);
  state.size = Number.isInteger(size) && size >= 1 && size <= kMaxSize ? size : 0;
  state.article = params.get('article') ?? '';
  return state;
}

// The query string for a state, defaults omitted so shared links stay short ("" for the default).
export function state_to_search(state) {
  const params = search_params(state);
  if (state.article) {
    params.set('article', state.article);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The /api/search parameters for a state (everything but the open article).
export function search_params(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const value of state.outlet) params.append('outlet', value);
  for (const value of state.speaker) params.append('speaker', value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size > 0) params.set('size', String(state.size));
  return params;
}

// The sort the server applies when none is given: relevance needs a query to rank by.
export function effective_sort(state) {
  return state.sort || (state.q ? 'relevance' : 'newest');
}

// A copy of the state with some fields replaced; every change of the result set starts again on
// page 1 unless the change names a page.
export function with_changes(state, changes) {
  const next = { ...state, outlet: [...state.outlet], speaker: [...state.speaker], ...changes };
  if (!('page' in changes)) next.page = 1;
  if (!('article' in changes)) next.article = '';
  return next;
}

function unique_values(values) {
  return [...new Set(values.filter((value) => value !== ''))];
}

function valid_date(value) {
  return value && kDatePattern.test(value) ? value : '';
}

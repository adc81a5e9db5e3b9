// state.js — the page state and its one-to-one mapping to the URL query string, so that reload,
// back/forward and shared links all restore exactly what the user saw.

export const kSorts = ['relevance', 'newest', 'oldest'];
// The lists a search can be shown as: articles (the default, ''), quotes, or the speaker matrix.
export const kViews = ['', 'quotes', 'matrix'];
// Matrix columns: the outlets that quote a speaker, or the months they were quoted in.
export const kMatrixCols = ['outlet', 'month'];
const kMaxSize = 100;
const kDatePattern = /^\d{4}-\d{2}-\d{2}$/;

// The facet value that stands for "this field is missing" (docs/api.md): selectable and
// excludable like any other value.
export const kUnknownValue = '(unknown)';

// A fresh, empty state: browse everything, first page, no article open. `not_outlet` and
// `not_speaker` are excluded values (a result with any of them is left out). `quote` is the 1-based
// position of a quote in the open article (scrolled to and highlighted); `speaker_page` names the
// speaker whose page is open; `cols` is the matrix's column kind ('' = outlet).
export function empty_state() {
  return {
    q: '',
    outlet: [],
    speaker: [],
    not_outlet: [],
    not_speaker: [],
    from: '',
    to: '',
    sort: '',
    page: 1,
    size: 0,
    article: '',
    view: '',
    cols: '',
    quote: 0,
    speaker_page: '',
  };
}

// Reads a state from a query string ("?q=…&outlet=…"). Values the page cannot use (a bad page
// number, an unknown sort) fall back to defaults instead of failing, since URLs are typed by hand.
export function parse_state(search) {
  const params = new URLSearchParams(search);
  const state = empty_state();
  state.q = params.get('q') ?? '';
  state.outlet = unique_values(params.getAll('outlet'));
  state.speaker = unique_values(params.getAll('speaker'));
  state.not_outlet = unique_values(params.getAll('not_outlet'));
  state.not_speaker = unique_values(params.getAll('not_speaker'));
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
  const view = params.get('view') ?? '';
  state.view = kViews.includes(view) ? view : '';
  const cols = params.get('cols') ?? '';
  state.cols = state.view === 'matrix' && kMatrixCols.includes(cols) && cols !== 'outlet' ? cols : '';
  const quote = Number.parseInt(params.get('quote') ?? '', 10);
  state.quote = state.article && Number.isInteger(quote) && quote >= 1 ? quote : 0;
  state.speaker_page = params.get('speaker_page') ?? '';
  return state;
}

// The query string for a state, defaults omitted so shared links stay short ("" for the default).
export function state_to_search(state) {
  const params = search_params(state);
  if (state.view) params.set('view', state.view);
  if (state.view === 'matrix' && state.cols) params.set('cols', state.cols);
  if (state.article) {
    params.set('article', state.article);
    if (state.quote > 0) params.set('quote', String(state.quote));
  }
  if (state.speaker_page) params.set('speaker_page', state.speaker_page);
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The /api/search parameters for a state (everything but the open article).
export function search_params(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const value of state.outlet) params.append('outlet', value);
  for (const value of state.speaker) params.append('speaker', value);
  for (const value of state.not_outlet) params.append('not_outlet', value);
  for (const value of state.not_speaker) params.append('not_speaker', value);
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
// page 1 unless the change names a page, and closes the open article or speaker page unless the
// change names them. The view (articles, quotes, matrix) stays.
export function with_changes(state, changes) {
  const next = {
    ...state,
    outlet: [...state.outlet],
    speaker: [...state.speaker],
    not_outlet: [...state.not_outlet],
    not_speaker: [...state.not_speaker],
    ...changes,
  };
  if (!('page' in changes)) next.page = 1;
  if (!('article' in changes)) next.article = '';
  if (!('quote' in changes)) next.quote = 0;
  if (!('speaker_page' in changes)) next.speaker_page = '';
  return next;
}

// The facets whose values can be selected and excluded ('outlet' → outlet / not_outlet).
export const kExcludableFacets = ['outlet', 'speaker'];

// Every pick of an outlet or speaker value — facet checkboxes and exclude buttons, the facet
// typeahead, the search box's suggestions, chips, matrix cells, links to a speaker's or an
// outlet's results — goes through facet_value_changes, which keeps the rule that a value is never
// both selected and excluded. Modes:
//   'include' — selected, and no longer excluded;
//   'only'    — the only selected value of the facet, and not excluded;
//   'exclude' — excluded, and no longer selected;
//   'none'    — neither.
export const kPickModes = ['include', 'only', 'exclude', 'none'];

// The changes (for with_changes) that give one value of an excludable facet a mode. A value
// already in the list it belongs to keeps its place; other values keep their order.
export function facet_value_changes(state, facet, value, mode) {
  if (!kExcludableFacets.includes(facet) || !kPickModes.includes(mode)) {
    throw new Error(`no ${mode} pick of a ${facet} value`);
  }
  const without = (list) => list.filter((existing) => existing !== value);
  const with_value = (list) => (list.includes(value) ? [...list] : [...list, value]);
  let selected = without(state[facet]);
  if (mode === 'include') selected = with_value(state[facet]);
  if (mode === 'only') selected = [value];
  const excluded = mode === 'exclude' ? with_value(state[`not_${facet}`]) : without(state[`not_${facet}`]);
  return { [facet]: selected, [`not_${facet}`]: excluded };
}

// The state after one pick (see facet_value_changes), on page 1 with no article open.
export function pick_facet_value(state, facet, value, mode) {
  return with_changes(state, facet_value_changes(state, facet, value, mode));
}

// The parameters of GET /api/facets/{name} for a state: its search filters (no paging or sort),
// the document type of the view (quotes for the Quotes and matrix views), a prefix and a limit.
export function facet_values_params(state, prefix, limit) {
  const params = search_params({ ...state, sort: '', page: 1, size: 0 });
  if (state.view === 'quotes' || state.view === 'matrix') params.set('type', 'quote');
  params.set('prefix', prefix);
  params.set('limit', String(limit));
  return params;
}

// The matrix parameters for a state: the search filters (no paging or sort) and the column kind.
export function matrix_params(state) {
  const params = search_params({ ...state, sort: '', page: 1, size: 0 });
  params.set('rows', 'speaker');
  params.set('cols', state.cols || 'outlet');
  return params;
}

// The 1-based position of a quote in its article from its id ("<article id>~q<n>"), or 0.
export function quote_position(quote_id) {
  const match = /~q(\d+)$/.exec(String(quote_id ?? ''));
  return match ? Number(match[1]) : 0;
}

// The first and last day of a "YYYY-MM" month, for a search limited to it.
export function month_range(month) {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  if (number < 1 || number > 12) return null;
  const last_day = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${match[1]}-${match[2]}-01`, to: `${match[1]}-${match[2]}-${String(last_day).padStart(2, '0')}` };
}

function unique_values(values) {
  return [...new Set(values.filter((value) => value !== ''))];
}

function valid_date(value) {
  return value && kDatePattern.test(value) ? value : '';
}

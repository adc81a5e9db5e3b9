// api.js — the client of the Broadsheet REST API (docs/api.md). Every failure becomes an ApiError
// carrying the server's error code and message, so the page has one way to show problems.

export class ApiError extends Error {
  constructor(code, message, status) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

// GET /api/search with URLSearchParams built from the page state.
export function search(params, signal) {
  return get_json(`api/search?${params.toString()}`, signal);
}

// A copy of search or quote parameters that asks the server only for what the page draws
// (docs/api.md, "Response shape"): `facets` the facet names to count (none when empty),
// `facet_size` the values per outlet and speaker list, `histogram` whether the timeline is drawn,
// `snippets` false when no snippet is shown, `fields` the hit fields rendered (articles only).
export function shaped(params, { facets = [], facet_size = 0, histogram = false, snippets = true, fields = null }) {
  const out = new URLSearchParams(params);
  out.set('facets', facets.length > 0 ? facets.join(',') : 'none');
  if (facets.length > 0 && facet_size > 0) out.set('facet_size', String(facet_size));
  out.set('histogram', histogram ? '1' : '0');
  if (!snippets) out.set('snippets', '0');
  if (fields) out.set('fields', fields.length > 0 ? fields.join(',') : 'id');
  return out;
}

// GET /api/articles/{id}; the id is encoded as one path segment whatever it contains.
export function article(id, signal) {
  return get_json(`api/articles/${encodeURIComponent(id)}`, signal);
}

// GET /api/articles/{id}/related: articles like this one ("more like this") and the shared words.
export function related(id, signal) {
  return get_json(`api/articles/${encodeURIComponent(id)}/related`, signal);
}

// GET /api/suggest: speakers, outlets and article titles for what is typed in the search box.
export function suggest(q, signal) {
  return get_json(`api/suggest?${new URLSearchParams({ q }).toString()}`, signal);
}

// GET /api/quotes: quote hits and speaker/outlet/year facets for the same parameters as search.
export function quotes(params, signal) {
  return get_json(`api/quotes?${params.toString()}`, signal);
}

// GET /api/facets/{name}: one facet's values by word prefix, counted under the search's filters.
export function facet_values(name, params, signal) {
  return get_json(`api/facets/${encodeURIComponent(name)}?${params.toString()}`, signal);
}

// GET /api/speakers/{name}: a speaker's profile (counts, outlets, months, terms, recent quotes).
export function speaker(name, signal) {
  return get_json(`api/speakers/${encodeURIComponent(name)}`, signal);
}

// GET /api/matrix: quote counts of speakers × outlets or months for the search's filters.
export function matrix(params, signal) {
  return get_json(`api/matrix?${params.toString()}`, signal);
}

// GET /api/health: document count, schema version and build time of the served index.
export function health(signal) {
  return get_json('api/health', signal);
}

async function get_json(path, signal) {
  let response;
  try {
    response = await fetch(new URL(path, document.baseURI), {
      signal,
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('network', 'The server could not be reached. Is broadsheet-server running?', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // A body that is not JSON is reported below by status alone.
  }
  if (!response.ok) {
    const error = body && typeof body.error === 'object' ? body.error : {};
    throw new ApiError(
      typeof error.code === 'string' ? error.code : 'http_' + response.status,
      typeof error.message === 'string' ? error.message : `The server answered ${response.status}.`,
      response.status,
    );
  }
  if (body === null) {
    throw new ApiError('bad_response', 'The server sent a response that is not JSON.', response.status);
  }
  return body;
}

// facets.js — the filter panel's facets: Outlet, Speaker and Year with counts and checkboxes, an
// exclude toggle per outlet and speaker, "(unknown)" for results without one, and a typeahead over
// all values in long lists and the whole list behind "Show all" (GET /api/facets/{name}). Years are not a separate API filter: a set of
// ticked years is the date range from 1 January of the first to 31 December of the last, so the
// Year facet and the date range inputs (app.js) never disagree.

import * as api from './api.js';
import { init_combobox, kEnterPicksFirst } from './combobox.js';
import { el, plural } from './dom.js';
import { facet_values_params, kUnknownValue, pick_facet_value, state_to_search, with_changes } from './state.js';

// How many values a long facet shows before "Show all"; longer lists also get the typeahead.
const kCollapsedCount = 8;
// Outlet and speaker values a search asks for (facet_size): the folded list and one more, which
// says that "Show all" has more to show. The whole list is asked for when the user opens it.
export const kFacetSize = kCollapsedCount + 1;
// Values "Show all" asks GET /api/facets/{name} for: its cap (docs/api.md).
const kAllValuesLimit = 1000;
// Values the typeahead asks for.
const kTypeaheadLimit = 10;

// Facet groups whose long lists the user has expanded; kept while the page lives.
const expanded = new Set();

// The years fully covered by the state's date range, when that range is exactly whole years.
export function year_range(state) {
  const first = /^(\d{4})-01-01$/.exec(state.from);
  const last = /^(\d{4})-12-31$/.exec(state.to);
  if (!first || !last) return null;
  const range = { first: Number(first[1]), last: Number(last[1]) };
  return range.first <= range.last ? range : null;
}

// The date range after ticking or unticking one year. Ticked years stay contiguous: ticking
// extends the range to include the year, unticking an end year shrinks it, and unticking a year
// in the middle keeps the years before it (a range cannot have holes).
export function toggle_year(state, year, checked) {
  const range = year_range(state);
  let first = year;
  let last = year;
  if (checked && range) {
    first = Math.min(range.first, year);
    last = Math.max(range.last, year);
  } else if (!checked) {
    if (!range || (range.first === year && range.last === year)) return { from: '', to: '' };
    ({ first, last } = range);
    if (year === first) first += 1;
    else last = year - 1;
  }
  return { from: `${pad_year(first)}-01-01`, to: `${pad_year(last)}-12-31` };
}

function pad_year(year) {
  return String(year).padStart(4, '0');
}

// Renders the three facet groups into their fieldsets. `facets` is the search response's facets
// object (outlet and speaker cut to kFacetSize values); `year_facet` the year counts to show (computed without the date range, so ticking one
// year still shows the others). `navigate` receives the next state.
export function render_facets(state, facets, year_facet, navigate) {
  for (const [name, label] of [['outlet', 'outlets'], ['speaker', 'speakers']]) {
    render_value_facet({
      name,
      label,
      state,
      values: facets[name] ?? [],
      selected: state[name],
      excluded: state[`not_${name}`],
      on_change: (value, mode) => navigate(pick_facet_value(state, name, value, mode)),
      // Every speaker name leads to the speaker's page; here beside the box that filters by them.
      link:
        name === 'speaker'
          ? (value) => ({
              href: state_to_search(with_changes(state, { speaker_page: value })),
              label: `Speaker page of ${value}`,
            })
          : null,
    });
  }
  const range = year_range(state);
  const selected_years = (year_facet ?? [])
    .map((entry) => String(entry.value))
    .filter((year) => range && Number(year) >= range.first && Number(year) <= range.last);
  // Years read as a timeline, newest first, rather than by count like the other facets.
  const years = [...(year_facet ?? [])].sort((a, b) => String(b.value).localeCompare(String(a.value)));
  render_value_facet({
    name: 'year',
    label: 'years',
    state,
    values: years,
    selected: selected_years,
    excluded: null,
    on_change: (value, mode) => navigate(with_changes(state, toggle_year(state, Number(value), mode === 'include'))),
  });
}

// The latest rendering of each facet, so that typeahead answers and "Show all" redraw from
// current counts and navigate from the current state.
const latest = new Map();

// The list entries of API facet values. Selected or excluded values missing from the counts (no
// longer matching anything) are still listed with 0, so the user can always undo them.
function entries_of(values, { selected, excluded }) {
  const entries = values.map((entry) => ({ value: String(entry.value), count: Number(entry.count) || 0 }));
  for (const value of [...selected, ...(excluded ?? [])]) {
    if (!entries.some((entry) => entry.value === value)) entries.unshift({ value, count: 0 });
  }
  return entries;
}

// One fieldset of values. Long outlet and speaker lists get a typeahead that searches all of
// their values; the search response holds only their first kFacetSize values, so "Show all"
// loads the rest (load_all).
function render_value_facet(facet) {
  const { name, values, excluded } = facet;
  const entries = entries_of(values, facet);
  latest.set(name, { facet, entries, all: null });
  // Years are few and picked as a range; outlets and speakers can run to thousands.
  if (excluded) update_typeahead(name, entries.length > kCollapsedCount);
  draw_list(name);
  if (excluded && expanded.has(name)) load_all(name);
}

// Every value of an opened outlet or speaker list, from GET /api/facets/{name} under the same
// search; drawn unless a newer search has redrawn the facet meanwhile. On failure the list stays
// as the search response gave it.
async function load_all(name) {
  const current = latest.get(name);
  try {
    const answer = await api.facet_values(name, facet_values_params(current.facet.state, '', kAllValuesLimit));
    if (latest.get(name) !== current) return;
    current.all = entries_of(answer.values ?? [], current.facet);
    draw_list(name);
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
  }
}

function draw_list(name) {
  const { facet, all } = latest.get(name);
  const { label, selected, excluded, on_change, link } = facet;
  const entries = expanded.has(name) && all ? all : latest.get(name).entries;
  const fieldset = document.getElementById(`facet-${name}`);
  // The fieldset's own list (index.html), not the typeahead's listbox inside it.
  const list = fieldset.querySelector(':scope > ul');
  list.classList.add('facet-values');
  // A click re-renders the list when the new counts arrive; keep keyboard focus on its control.
  const active = document.activeElement;
  const focused = list.contains(active) && active.dataset.value !== undefined ? active : null;

  const is_expanded = expanded.has(name);
  const marked = (entry) => selected.includes(entry.value) || (excluded ?? []).includes(entry.value);
  // Ticked and excluded values stay visible even when the list is collapsed.
  const visible = is_expanded
    ? entries
    : [...entries.slice(0, kCollapsedCount), ...entries.slice(kCollapsedCount).filter(marked)];

  const items = visible.map((entry) => {
    const is_excluded = (excluded ?? []).includes(entry.value);
    const unknown = entry.value === kUnknownValue && excluded !== null;
    const checkbox = el('input', {
      type: 'checkbox',
      name,
      value: entry.value,
      checked: selected.includes(entry.value),
      'data-value': entry.value,
    });
    checkbox.addEventListener('change', () => on_change(entry.value, checkbox.checked ? 'include' : 'none'));
    const exclude = excluded
      ? el(
          'button',
          {
            type: 'button',
            className: 'facet-exclude',
            'aria-pressed': String(is_excluded),
            'aria-label': `Exclude ${entry.value}`,
            title: is_excluded ? `Stop excluding ${entry.value}` : `Exclude ${entry.value}`,
            'data-value': entry.value,
          },
          '⊘',
        )
      : null;
    exclude?.addEventListener('click', () => on_change(entry.value, is_excluded ? 'none' : 'exclude'));
    const target = unknown ? null : link?.(entry.value);
    const classes = [target ? 'facet-linked' : '', is_excluded ? 'facet-excluded' : '', unknown ? 'facet-unknown' : ''];
    return el(
      'li',
      { className: classes.filter(Boolean).join(' ') || undefined },
      el(
        'label',
        {},
        checkbox,
        el('span', { className: 'facet-value' }, entry.value),
        el('span', { className: 'facet-count' }, entry.count.toLocaleString('en')),
      ),
      exclude,
      target
        ? el(
            'a',
            { href: target.href, className: 'facet-profile', 'data-navigate': '', 'aria-label': target.label, title: target.label },
            '›',
          )
        : null,
    );
  });
  if (items.length === 0) items.push(el('li', { className: 'facet-empty' }, `No ${label} in these results`));
  list.replaceChildren(...items);
  if (focused !== null) {
    const again = [...list.querySelectorAll(focused.tagName)].find((node) => node.dataset.value === focused.dataset.value);
    again?.focus();
  }

  const more_focused = document.activeElement?.classList.contains('facet-more') && fieldset.contains(document.activeElement);
  fieldset.querySelector('.facet-more')?.remove();
  if (entries.length > kCollapsedCount) {
    // Years are all in the response, so their number is known; outlets and speakers are not.
    const all_label = excluded ? `Show all ${label}` : `Show all ${plural(entries.length, label.slice(0, -1))}`;
    const button = el(
      'button',
      { type: 'button', className: 'facet-more link-button', 'aria-expanded': String(is_expanded) },
      is_expanded ? `Show fewer ${label}` : all_label,
    );
    button.addEventListener('click', () => {
      if (is_expanded) expanded.delete(name);
      else expanded.add(name);
      draw_list(name);
      fieldset.querySelector('.facet-more')?.focus();
      if (!is_expanded && excluded && !latest.get(name).all) load_all(name);
    });
    fieldset.append(button);
    // Redrawn when the whole list arrives: the button keeps the focus it had.
    if (more_focused) button.focus();
  }
}

// The typeahead of one facet: the page's combobox (combobox.js) whose options are the facet's
// values with a word starting with what was typed, counted for the current search. Enter picks
// the highlighted value, or the first when none is.
function update_typeahead(name, wanted) {
  const fieldset = document.getElementById(`facet-${name}`);
  let box = fieldset.querySelector('.facet-typeahead');
  if (!wanted) {
    // Never pull the box from under the user's fingers.
    if (box && !box.contains(document.activeElement)) box.remove();
    return;
  }
  if (box) return;
  const { label } = latest.get(name).facet;
  const input = el('input', {
    type: 'text',
    className: 'facet-filter',
    placeholder: `Find ${label}…`,
    autocomplete: 'off',
    spellcheck: false,
    'aria-label': `Find ${label}`,
  });
  const listbox = el('ul', { id: `facet-${name}-options`, className: 'facet-options', 'aria-label': `Matching ${label}` });
  const status = el('p', { className: 'facet-typeahead-status', role: 'status' });
  box = el('div', { className: 'facet-typeahead' }, input, listbox, status);
  fieldset.querySelector('legend').after(box);

  init_combobox({
    input,
    listbox,
    enter: kEnterPicksFirst,
    lookup: async (prefix, signal) => {
      const { facet } = latest.get(name);
      const answer = await api.facet_values(name, facet_values_params(facet.state, prefix, kTypeaheadLimit), signal);
      return (answer.values ?? []).map((entry) => ({ value: String(entry.value), count: Number(entry.count) || 0 }));
    },
    render: (entry) =>
      el(
        'li',
        { className: 'facet-option' },
        el('span', { className: 'facet-value' }, entry.value),
        el('span', { className: 'facet-count' }, entry.count.toLocaleString('en')),
      ),
    answered: (values, prefix, error) => {
      if (error) status.textContent = error.message;
      else status.textContent = prefix !== '' && values.length === 0 ? `No ${label} match “${prefix}”` : '';
    },
    pick: (entry) => {
      input.value = '';
      latest.get(name).facet.on_change(entry.value, 'include');
    },
  });
}

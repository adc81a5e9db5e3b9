// suggest.js — as-you-type suggestions under the search box (GET /api/suggest), through the
// page's combobox (combobox.js). Picking a speaker or an outlet selects it as a filter, picking a
// title opens the article; Enter with nothing highlighted submits the search as typed.

import * as api from './api.js';
import { init_combobox, kEnterSubmits } from './combobox.js';
import { el, plural } from './dom.js';
import { pick_facet_value, with_changes } from './state.js';

// The server refuses longer text (docs/api.md); nothing that long is a name or a title start.
const kMaxQueryBytes = 100;
const kKindLabels = { speaker: 'Speaker', outlet: 'Outlet', title: 'Article' };

// `current_state()` returns the page state a pick changes; `navigate(state)` shows a new one.
export function init_suggest({ input, list, current_state, navigate }) {
  init_combobox({
    input,
    listbox: list,
    enter: kEnterSubmits,
    wanted: (text) => new TextEncoder().encode(text).length <= kMaxQueryBytes,
    lookup: async (text, signal) => {
      const data = await api.suggest(text, signal);
      return Array.isArray(data.suggestions) ? data.suggestions : [];
    },
    render: option,
    pick: (item) => {
      const state = current_state();
      // The typed text was only a way to find the name: the search keeps its own words.
      if (item.kind === 'speaker' || item.kind === 'outlet') {
        input.value = state.q;
        navigate(pick_facet_value(state, item.kind, item.value, 'include'));
      } else if (item.kind === 'title' && item.id) {
        input.value = state.q;
        navigate(with_changes(state, { article: item.id }));
      }
    },
  });
}

function option(item) {
  const kind = kKindLabels[item.kind] ?? 'Suggestion';
  const count = item.kind === 'title' ? '' : plural(Number(item.count) || 0, 'article');
  return el(
    'li',
    {
      className: `suggestion suggestion-${item.kind}`,
      'aria-label': [item.value, kind.toLowerCase(), count].filter(Boolean).join(', '),
    },
    el('span', { className: 'suggestion-kind', 'aria-hidden': 'true' }, kind),
    el('span', { className: 'suggestion-value' }, item.value),
    count ? el('span', { className: 'suggestion-count', 'aria-hidden': 'true' }, count) : null,
  );
}

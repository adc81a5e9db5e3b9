// suggest.js — as-you-type suggestions under the search box (GET /api/suggest), as an ARIA
// combobox: the input keeps focus and points at the highlighted option with
// aria-activedescendant. Picking a speaker or an outlet adds it as a filter, picking a title opens
// the article; Enter with nothing highlighted submits the search as typed.
//
// index.html wraps the input in the element with role="combobox" (the ARIA 1.1 pattern), so the
// input itself stays a searchbox; without such a wrapper the input becomes the combobox (1.2).

import * as api from './api.js';
import { el, plural } from './dom.js';
import { with_changes } from './state.js';

// Long enough to skip the requests between keystrokes of a typist, short enough to feel live.
const kDebounceMs = 150;
// The server refuses longer text (docs/api.md); nothing that long is a name or a title start.
const kMaxQueryBytes = 100;
const kKindLabels = { speaker: 'Speaker', outlet: 'Outlet', title: 'Article' };

// `current_state()` returns the page state a pick changes; `navigate(state)` shows a new one.
export function init_suggest({ input, list, current_state, navigate }) {
  let items = []; // the suggestions in the list
  let items_for = ''; // the text they were suggested for
  let active = -1; // index of the highlighted one, -1 for none
  let timer = null;
  let in_flight = null;

  let combobox = input.closest('[role="combobox"]');
  if (!combobox) {
    combobox = input;
    input.setAttribute('role', 'combobox');
  }
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  combobox.setAttribute('aria-expanded', 'false');

  const is_open = () => !list.hidden;

  function cancel_pending() {
    clearTimeout(timer);
    timer = null;
    in_flight?.abort();
    in_flight = null;
  }

  function close() {
    list.hidden = true;
    list.removeAttribute('aria-busy');
    combobox.setAttribute('aria-expanded', 'false');
    highlight(-1);
  }

  function highlight(index) {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
    });
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const option = document.getElementById(option_id(index));
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  function show(text, suggestions) {
    items = suggestions;
    items_for = text;
    list.removeAttribute('aria-busy');
    list.replaceChildren(...items.map((item, i) => option(item, i)));
    if (items.length === 0) {
      close();
      return;
    }
    list.hidden = false;
    combobox.setAttribute('aria-expanded', 'true');
    highlight(-1);
  }

  async function load(text) {
    cancel_pending();
    in_flight = new AbortController();
    try {
      const data = await api.suggest(text, in_flight.signal);
      // Only the answer for what the box still says may open the list.
      if (input.value.trim() !== text || document.activeElement !== input) return;
      show(text, Array.isArray(data.suggestions) ? data.suggestions : []);
    } catch {
      // Aborted by newer typing, or failed: suggestions are a convenience, the search still works.
    }
  }

  function pick(item) {
    cancel_pending();
    close();
    const state = current_state();
    if (item.kind === 'speaker' || item.kind === 'outlet') {
      // The typed text was only a way to find the name: the search keeps its own words.
      const values = state[item.kind].includes(item.value) ? state[item.kind] : [...state[item.kind], item.value];
      input.value = state.q;
      navigate(with_changes(state, { [item.kind]: values }));
    } else if (item.kind === 'title' && item.id) {
      input.value = state.q;
      navigate(with_changes(state, { article: item.id }));
    }
  }

  input.addEventListener('input', () => {
    cancel_pending();
    // An open list now answers older text: it stays in view until the new answer replaces it,
    // but the keyboard leaves it alone (see keydown) and nothing in it stays highlighted.
    if (is_open()) {
      highlight(-1);
      list.setAttribute('aria-busy', 'true');
    }
    const text = input.value.trim();
    if (text === '' || new TextEncoder().encode(text).length > kMaxQueryBytes) {
      close();
      return;
    }
    timer = setTimeout(() => load(text), kDebounceMs);
  });

  input.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // The box may have been refilled without typing (back/forward): old suggestions do not apply.
    const count = items_for === input.value.trim() ? items.length : 0;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!is_open()) {
          list.hidden = false;
          combobox.setAttribute('aria-expanded', 'true');
          highlight(0);
        } else {
          highlight((active + 1) % count);
        }
        break;
      case 'ArrowUp':
        if (!is_open()) return;
        event.preventDefault();
        highlight(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (is_open() && active >= 0) {
          // Stops the form's implicit submission: the pick replaces the search.
          event.preventDefault();
          pick(items[active]);
        } else {
          cancel_pending();
          close();
        }
        break;
      case 'Escape':
        // Closes the list; with the list closed, Escape keeps its usual meaning (clear the box).
        if (!is_open()) return;
        event.preventDefault();
        cancel_pending();
        close();
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
  });

  // Pressing on an option must not take focus from the box (the combobox keeps it).
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (!option) return;
    const item = items[Number(option.dataset.index)];
    if (item) pick(item);
  });

  document.addEventListener('pointerdown', (event) => {
    if (!is_open() || event.target === input || list.contains(event.target)) return;
    close();
  });
  input.addEventListener('blur', () => close());
  input.form?.addEventListener('submit', () => {
    cancel_pending();
    close();
  });
}

function option_id(index) {
  return `q-suggestion-${index}`;
}

function option(item, index) {
  const kind = kKindLabels[item.kind] ?? 'Suggestion';
  const count = item.kind === 'title' ? '' : plural(Number(item.count) || 0, 'article');
  return el(
    'li',
    {
      id: option_id(index),
      role: 'option',
      className: `suggestion suggestion-${item.kind}`,
      'aria-selected': 'false',
      'aria-label': [item.value, kind.toLowerCase(), count].filter(Boolean).join(', '),
      'data-index': index,
    },
    el('span', { className: 'suggestion-kind', 'aria-hidden': 'true' }, kind),
    el('span', { className: 'suggestion-value' }, item.value),
    count ? el('span', { className: 'suggestion-count', 'aria-hidden': 'true' }, count) : null,
  );
}

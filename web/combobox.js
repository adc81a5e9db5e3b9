// combobox.js — the page's one combobox (WAI-ARIA 1.2 pattern): a text input with role="combobox"
// that controls a listbox popup of options fetched as the user types. The input keeps focus and
// points at the highlighted option with aria-activedescendant. ArrowDown and ArrowUp move through
// the options (reopening the popup), Enter picks the highlighted one, Escape closes the popup or,
// when it is closed, clears the box. The search box's suggestions and the facet typeaheads use it.

// What Enter does when no option is highlighted: let the form submit what was typed, or pick the
// first option (asking for the options first when typing has not paused yet).
export const kEnterSubmits = 'submit';
export const kEnterPicksFirst = 'pick-first';

// Long enough to skip the requests between keystrokes of a typist, short enough to feel live.
const kDebounceMs = 150;

// Makes `input` the combobox of `listbox` (an empty <ul> with an id and an accessible name).
//   lookup(text, signal) → the options for the trimmed text (any values; rejects on failure);
//   wanted(text)         → whether a non-empty text is worth asking about (else the popup closes);
//   render(item, index)  → the <li> of an option (id, role and aria-selected are added here);
//   pick(item)           → what choosing an option does (the popup is already closed);
//   answered(items, text, error) → told whenever the options are replaced (e.g. to report
//                          "no match" or an error); `text` is '' when the box was emptied;
//   enter                → kEnterSubmits or kEnterPicksFirst.
export function init_combobox({ input, listbox, lookup, wanted = () => true, render, pick, answered = () => {}, enter }) {
  let items = []; // the options in the popup
  let items_for = ''; // the text they answer
  let active = -1; // index of the highlighted option, -1 for none
  let timer = null;
  let in_flight = null;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');
  listbox.setAttribute('role', 'listbox');
  listbox.hidden = true;

  const is_open = () => !listbox.hidden;
  const text_now = () => input.value.trim();
  // Options answering older text stay in view until the new answer replaces them, but the
  // keyboard leaves them alone.
  const usable_count = () => (items_for === text_now() ? items.length : 0);

  function cancel_pending() {
    clearTimeout(timer);
    timer = null;
    in_flight?.abort();
    in_flight = null;
  }

  function highlight(index) {
    active = index;
    [...listbox.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const option = listbox.children[index];
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  function open() {
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    listbox.hidden = true;
    listbox.removeAttribute('aria-busy');
    input.setAttribute('aria-expanded', 'false');
    highlight(-1);
  }

  function show(text, answer, error = null) {
    items = answer;
    items_for = text;
    listbox.removeAttribute('aria-busy');
    listbox.replaceChildren(
      ...items.map((item, i) => {
        const option = render(item, i);
        option.id = `${listbox.id}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.index = String(i);
        return option;
      }),
    );
    answered(items, text, error);
    if (items.length === 0) close();
    else {
      open();
      highlight(-1);
    }
  }

  async function load(text) {
    cancel_pending();
    const controller = new AbortController();
    in_flight = controller;
    try {
      const answer = await lookup(text, controller.signal);
      // Only the answer for what the box still says, while the user is in it, may open the popup.
      if (text_now() !== text || document.activeElement !== input) return;
      show(text, Array.isArray(answer) ? answer : []);
    } catch (error) {
      if (error.name === 'AbortError' || text_now() !== text) return;
      show(text, [], error);
    } finally {
      if (in_flight === controller) in_flight = null;
    }
  }

  function choose(item) {
    cancel_pending();
    show('', []);
    pick(item);
  }

  input.addEventListener('input', () => {
    cancel_pending();
    if (is_open()) {
      highlight(-1);
      listbox.setAttribute('aria-busy', 'true');
    }
    const text = text_now();
    if (text === '') {
      show('', []);
      return;
    }
    if (!wanted(text)) {
      close();
      return;
    }
    timer = setTimeout(() => load(text), kDebounceMs);
  });

  input.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const count = usable_count();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (!is_open()) open();
        highlight(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
        break;
      }
      case 'Enter':
        if (is_open() && active >= 0 && count > 0) {
          // Stops the form's implicit submission: the pick replaces it.
          event.preventDefault();
          choose(items[active]);
        } else if (enter === kEnterPicksFirst) {
          event.preventDefault();
          enter_first();
        } else {
          cancel_pending();
          close();
        }
        break;
      case 'Escape':
        if (is_open()) {
          event.preventDefault();
          event.stopPropagation();
          cancel_pending();
          close();
        } else if (input.value !== '') {
          event.preventDefault();
          cancel_pending();
          input.value = '';
          show('', []);
        }
        break;
      default:
        break;
    }
  });

  // Enter with nothing highlighted in kEnterPicksFirst mode picks the first option shown; right
  // after typing, or with an answer still on its way, it asks now rather than pick from the
  // previous answer.
  function enter_first() {
    const text = text_now();
    if (text === '' || !wanted(text)) return;
    if (timer === null && in_flight === null) {
      if (is_open() && usable_count() > 0) choose(items[0]);
      return;
    }
    load(text).then(() => {
      if (usable_count() > 0) choose(items[0]);
    });
  }

  // Pressing on an option must not take focus from the box (the combobox keeps it).
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    const item = option ? items[Number(option.dataset.index)] : undefined;
    if (item !== undefined) choose(item);
  });

  input.addEventListener('blur', () => close());
  input.form?.addEventListener('submit', () => {
    cancel_pending();
    close();
  });
}

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
export function init_combobox(options) {
  return new Combobox(options);
}

class Combobox {
  constructor({ input, listbox, lookup, wanted = () => true, render, pick, answered = () => {}, enter }) {
    Object.assign(this, { input, listbox, lookup, wanted, render, pick, answered, enter });
    this.items = []; // the options in the popup
    this.items_for = ''; // the text they answer
    this.active = -1; // index of the highlighted option, -1 for none
    this.timer = null;
    this.in_flight = null;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('aria-expanded', 'false');
    listbox.setAttribute('role', 'listbox');
    listbox.hidden = true;

    input.addEventListener('input', () => this.typed());
    input.addEventListener('keydown', (event) => this.key(event));
    // Pressing on an option must not take focus from the box (the combobox keeps it).
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      const item = option ? this.items[Number(option.dataset.index)] : undefined;
      if (item !== undefined) this.choose(item);
    });
    input.addEventListener('blur', () => this.close());
    input.form?.addEventListener('submit', () => {
      this.cancel_pending();
      this.close();
    });
  }

  is_open() {
    return !this.listbox.hidden;
  }

  text_now() {
    return this.input.value.trim();
  }

  // Options answering older text stay in view until the new answer replaces them, but the
  // keyboard leaves them alone.
  usable_count() {
    return this.items_for === this.text_now() ? this.items.length : 0;
  }

  cancel_pending() {
    clearTimeout(this.timer);
    this.timer = null;
    this.in_flight?.abort();
    this.in_flight = null;
  }

  highlight(index) {
    this.active = index;
    [...this.listbox.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index < 0) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    const option = this.listbox.children[index];
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  open() {
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.listbox.hidden = true;
    this.listbox.removeAttribute('aria-busy');
    this.input.setAttribute('aria-expanded', 'false');
    this.highlight(-1);
  }

  show(text, items, error = null) {
    this.items = items;
    this.items_for = text;
    this.listbox.removeAttribute('aria-busy');
    this.listbox.replaceChildren(
      ...items.map((item, i) => {
        const option = this.render(item, i);
        option.id = `${this.listbox.id}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.index = String(i);
        return option;
      }),
    );
    this.answered(items, text, error);
    if (items.length === 0) {
      this.close();
      return;
    }
    this.open();
    this.highlight(-1);
  }

  async load(text) {
    this.cancel_pending();
    const controller = new AbortController();
    this.in_flight = controller;
    try {
      const answer = await this.lookup(text, controller.signal);
      // Only the answer for what the box still says, while the user is in it, may open the popup.
      if (this.text_now() !== text || document.activeElement !== this.input) return;
      this.show(text, Array.isArray(answer) ? answer : []);
    } catch (error) {
      if (error.name === 'AbortError' || this.text_now() !== text) return;
      this.show(text, [], error);
    } finally {
      if (this.in_flight === controller) this.in_flight = null;
    }
  }

  choose(item) {
    this.cancel_pending();
    this.show('', []);
    this.pick(item);
  }

  typed() {
    this.cancel_pending();
    if (this.is_open()) {
      this.highlight(-1);
      this.listbox.setAttribute('aria-busy', 'true');
    }
    const text = this.text_now();
    if (text === '') {
      this.show('', []);
    } else if (!this.wanted(text)) {
      this.close();
    } else {
      this.timer = setTimeout(() => this.load(text), kDebounceMs);
    }
  }

  key(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.arrow(event, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      this.enter_key(event);
    } else if (event.key === 'Escape') {
      this.escape_key(event);
    }
  }

  arrow(event, step) {
    const count = this.usable_count();
    if (count === 0) return;
    event.preventDefault();
    if (!this.is_open()) this.open();
    this.highlight(this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count);
  }

  enter_key(event) {
    if (this.is_open() && this.active >= 0 && this.usable_count() > 0) {
      // Stops the form's implicit submission: the pick replaces it.
      event.preventDefault();
      this.choose(this.items[this.active]);
    } else if (this.enter === kEnterPicksFirst) {
      event.preventDefault();
      this.enter_first();
    } else {
      this.cancel_pending();
      this.close();
    }
  }

  // Enter with nothing highlighted in kEnterPicksFirst mode picks the first option shown; right
  // after typing, or with an answer still on its way, it asks now rather than pick from the
  // previous answer.
  enter_first() {
    const text = this.text_now();
    if (text === '' || !this.wanted(text)) return;
    if (this.timer === null && this.in_flight === null) {
      if (this.is_open() && this.usable_count() > 0) this.choose(this.items[0]);
      return;
    }
    this.load(text).then(() => {
      if (this.usable_count() > 0) this.choose(this.items[0]);
    });
  }

  escape_key(event) {
    if (this.is_open()) {
      event.preventDefault();
      event.stopPropagation();
      this.cancel_pending();
      this.close();
    } else if (this.input.value !== '') {
      event.preventDefault();
      this.cancel_pending();
      this.input.value = '';
      this.show('', []);
    }
  }
}

// Building the page from data. Everything a server or a sender wrote reaches the page as a text node: this module
// never parses a string as HTML (the Content-Security-Policy's Trusted Types would refuse it anyway).

/**
 * Creates an element: h('p', {class: 'x', 'data-id': 7}, 'text', child, [more, children]).
 * Attribute values are set as attributes (strings), children that are not nodes become text nodes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const numberFormat = new Intl.NumberFormat('en-US');
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
  timeZoneName: 'short'
});
const dayFormat = new Intl.DateTimeFormat('en-GB', {month: 'short', day: '2-digit', timeZone: 'UTC'});

export function number(value) {
  return numberFormat.format(value);
}

/** An instant as a <time> element: readable text, the ISO value in its datetime attribute. */
export function time(instant) {
  if (!instant) return h('span', {class: 'muted'}, '—');
  return h('time', {datetime: instant, title: instant}, dateTimeFormat.format(new Date(instant)));
}

/** A day (yyyy-MM-dd) as a short label. */
export function dayLabel(day) {
  return dayFormat.format(new Date(day + 'T00:00:00Z'));
}

export function statusChip(status) {
  const label = status.replace('_', ' ').toLowerCase();
  return h('span', {class: 'chip chip-' + status.toLowerCase().replace('_', '-'), 'data-status': status}, label);
}

/** A table with a caption; rows are arrays of cells (text or nodes). Wrapped so that only the table scrolls. */
export function table(caption, headers, rows, attributes = {}) {
  return h('div', {class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption},
    h('table', attributes,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map(header => h('th', {scope: 'col'}, header)))),
      h('tbody', {}, rows.map(row => row instanceof Node ? row : h('tr', {}, row.map(cell => h('td', {}, cell)))))));
}

/** A labelled form field. */
export function field(label, input, hint) {
  const id = input.id || (input.id = 'f-' + Math.random().toString(36).slice(2));
  const hintId = hint ? id + '-hint' : undefined;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', {class: 'field'}, h('label', {for: id}, label), input,
    hint ? h('small', {id: hintId, class: 'muted'}, hint) : null);
}

/** A message for an empty or failed view, announced to screen readers. */
export function notice(text, kind = 'info') {
  return h('p', {class: 'notice notice-' + kind, role: kind === 'error' ? 'alert' : 'status'}, text);
}

// What several views share: a search form that navigates, and the overview's ids for suggestions.

import {ApiError, get} from '../api.js';
import {h} from '../dom.js';

/** A form of labelled inputs; on submit, checks them and navigates to the hash built from their values. */
export function searchForm(label, inputs, toHash, session) {
  const error = h('p', {class: 'error', role: 'alert'});
  const form = h('form', {class: 'search', 'aria-label': label}, inputs.map(input => input.field),
    h('button', {type: 'submit'}, 'Show'), error);
  form.addEventListener('submit', event => {
    event.preventDefault();
    error.textContent = '';
    for (const input of inputs) {
      const value = input.element.value.trim();
      const problem = input.check ? input.check(value) : value ? null : 'Enter ' + input.name + '.';
      if (problem) {
        error.textContent = problem;
        input.element.focus();
        return;
      }
    }
    session.navigate(toHash(...inputs.map(input => input.element.value.trim())));
  });
  return form;
}

export function numeric(name) {
  return value => /^\d{1,18}$/.test(value) ? null : 'The ' + name + ' is a whole number.';
}

export async function overview(session) {
  if (!session.overview) {
    try {
      session.overview = await get('/api/overview');
    } catch (error) {
      // A token scoped to institutions or programs may not read totals over everything: no suggestions, ids typed.
      if (error instanceof ApiError && error.status === 403) return {programIds: [], institutionIds: [], scoped: true};
      throw error;
    }
  }
  return session.overview;
}

export function hashPart(value) {
  return encodeURIComponent(value);
}

// The public query API, called with the caller's own token. The token lives in this tab's session storage only: it is
// never put in a URL, a cookie or local storage, and it is sent to this origin only.

const TOKEN_KEY = 'progress-ledger.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function keepToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** An answer other than 2xx, with the problem+json the server sent (or a stand-in). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

/** Listeners told when the server refuses the token (401): the dashboard then asks to sign in again. */
const refusedListeners = [];

export function onTokenRefused(listener) {
  refusedListeners.push(listener);
}

export function authorization(presented = token()) {
  return {Authorization: 'Bearer ' + presented};
}

/** GETs a path of the API with query parameters (null and empty ones left out) and answers its JSON. */
export async function get(path, parameters = {}, {presented = token(), signal, quiet = false} = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const response = await fetch(url, {
    headers: {...authorization(presented), Accept: 'application/json'},
    credentials: 'omit', cache: 'no-store', signal
  });
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = {title: response.statusText || 'HTTP ' + response.status};
    }
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && !quiet) refusedListeners.forEach(listener => listener(error));
    throw error;
  }
  return response.json();
}

/** Every page of a list, following nextCursor, up to a number of items. */
export async function all(path, parameters = {}, {max = 2000, limit = 500} = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(path, {...parameters, limit, cursor});
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return {items, more: Boolean(cursor)};
}

/** A path segment from user input, encoded so that it can never change the route. */
export function segment(value) {
  return encodeURIComponent(String(value).trim()).replaceAll('.', '%2E');
}

// The dashboard: sign-in, the views, live updates and the projections' status. Plain ES modules, no framework; it
// uses only the public query API with the token the person signing in pasted.

import {ApiError, forgetToken, get, keepToken, onTokenRefused, token} from './api.js';
import {notice, replace} from './dom.js';
import {subscribe} from './sse.js';
import * as overview from './views/overview.js';
import * as programs from './views/programs.js';
import * as talent from './views/talent.js';
import * as learner from './views/learner.js';
import * as completions from './views/completions.js';
import * as live from './views/live.js';
import * as audit from './views/audit.js';
import * as status from './views/status.js';

const VIEWS = {overview, programs, talent, learner, completions, live, audit};
const REFUSED = 'The server no longer accepts this token: it may have expired or been revoked. Sign in again.';

const page = {
  signIn: document.getElementById('sign-in'),
  form: document.getElementById('sign-in-form'),
  tokenInput: document.getElementById('token'),
  signInError: document.getElementById('sign-in-error'),
  app: document.getElementById('app'),
  main: document.getElementById('main'),
  signOut: document.getElementById('sign-out'),
  status: document.getElementById('projection-status'),
  auditTab: document.querySelector('a[data-view="audit"]'),
  liveCount: document.getElementById('live-count')
};

/** What the views share: the signed-in session, the overview's ids, the live feed. */
const session = {
  admin: false,
  feed: [],
  unseen: 0,
  stream: null,
  streamState: 'connecting',
  statusTimer: null,
  current: null,
  renderCount: 0,
  navigate(hash) {
    if (window.location.hash === hash) route();
    else window.location.hash = hash;
  }
};

page.form.addEventListener('submit', async event => {
  event.preventDefault();
  const presented = page.tokenInput.value.trim();
  page.signInError.textContent = '';
  if (!presented) {
    page.signInError.textContent = 'Paste a token first.';
    page.tokenInput.focus();
    return;
  }
  page.form.setAttribute('aria-busy', 'true');
  try {
    await get('/api/overview', {}, {presented, quiet: true});
  } catch (error) {
    page.form.removeAttribute('aria-busy');
    if (error instanceof ApiError && error.status === 401) {
      page.signInError.textContent = 'This token was refused (' + error.message + '). Check that it was copied '
        + 'whole, and that it has not expired or been revoked.';
    } else if (!(error instanceof ApiError && error.status === 403)) {
      page.signInError.textContent = 'The server could not be reached: ' + error.message;
    }
    if (!(error instanceof ApiError && error.status === 403)) {
      page.tokenInput.focus();
      return;
    }
  }
  page.form.removeAttribute('aria-busy');
  page.tokenInput.value = '';
  keepToken(presented);
  signedIn();
});

page.signOut.addEventListener('click', () => signOut(''));

onTokenRefused(() => signOut(REFUSED));

function signOut(message) {
  forgetToken();
  session.stream?.stop();
  session.stream = null;
  clearInterval(session.statusTimer);
  session.feed = [];
  session.unseen = 0;
  session.admin = false;
  page.app.hidden = true;
  page.signOut.hidden = true;
  page.status.hidden = true;
  page.auditTab.hidden = true;
  page.signIn.hidden = false;
  page.signInError.textContent = message;
  page.tokenInput.focus();
}

async function signedIn() {
  page.signIn.hidden = true;
  page.app.hidden = false;
  page.signOut.hidden = false;
  page.status.hidden = false;
  route();
  refreshStatus();
  session.statusTimer = setInterval(() => {
    if (document.visibilityState === 'visible') refreshStatus();
  }, 5000);
  session.stream = subscribe('/api/stream', {
    onEvent: ({data}) => (data.type === 'TooFarBehind' ? missedTooMuch(data) : changed(data)),
    onState: state => {
      session.streamState = state;
      document.body.dataset.stream = state;
      if (session.current === live) live.showState(state);
    },
    onRefused: error => {
      if (error.status === 401) signOut(REFUSED);
    }
  });
  try {
    await get('/api/admin/actions', {limit: 1}, {quiet: true});
    session.admin = true;
  } catch {
    session.admin = false;
  }
  page.auditTab.hidden = !session.admin;
  if (session.current === audit && !session.admin) route();
}

function refreshStatus() {
  status.refresh(page.status).catch(() => {});
}

/** The stream resumed too far behind to be replayed: the view on screen reloads as of the store's head. */
function missedTooMuch(notice) {
  if (session.current && typeof session.current.refresh === 'function') session.current.refresh(notice.head);
  refreshStatus();
}

/** A change from the live stream: into the feed, and the view showing what it touched reloads. */
function changed(change) {
  session.feed.unshift(change);
  session.feed.length = Math.min(session.feed.length, live.KEPT);
  if (session.current === live) {
    live.prepend(change);
  } else {
    session.unseen++;
    page.liveCount.hidden = false;
    page.liveCount.textContent = String(session.unseen);
  }
  if (session.current && session.current.touches && session.current.touches(change)) {
    session.current.refresh(change.position);
  }
  refreshStatus();
}

function route() {
  if (page.app.hidden) return;
  const [name, ...params] = window.location.hash.replace(/^#/, '').split('/').map(decodeURIComponent);
  let view = VIEWS[name] || overview;
  if (view === audit && !session.admin) view = overview;
  session.current = view;
  for (const link of document.querySelectorAll('nav.tabs a')) {
    if (link.dataset.view === (Object.keys(VIEWS).find(key => VIEWS[key] === view))) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  if (view === live) {
    session.unseen = 0;
    page.liveCount.hidden = true;
  }
  replace(page.main);
  const renderId = ++session.renderCount;
  view.render(page.main, params, session).catch(error => {
    // A refused token already returned to sign-in; anything else (a scope this token lacks, a server error) is said.
    if (renderId === session.renderCount && !(error instanceof ApiError && error.status === 401)) {
      page.main.append(notice(error instanceof ApiError && error.status === 403
        ? 'This token may not read this view: ' + error.message : 'This view could not be loaded: ' + error.message,
      'error'));
    }
  });
}

window.addEventListener('hashchange', () => {
  route();
  page.main.focus({preventScroll: true});
});

if (token()) {
  signedIn();
} else {
  page.tokenInput.focus();
}

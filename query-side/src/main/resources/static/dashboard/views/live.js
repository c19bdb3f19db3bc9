// Live activity: the changes /api/stream sends, newest first, as they arrive.

import {h, number, replace, statusChip, time} from '../dom.js';

export const KEPT = 200;
let shown = null;

const STATES = {
  connecting: 'Connecting…', open: 'Connected: new changes appear here as they are recorded.',
  waiting: 'Disconnected; reconnecting…', refused: 'The stream refused this token.'
};

export async function render(main, params, session) {
  const list = h('ol', {class: 'feed', 'aria-label': 'Changes, newest first', 'aria-live': 'polite'});
  const state = h('p', {class: 'stream-state', role: 'status'});
  main.append(h('section', {'aria-labelledby': 'live-title'},
    h('h1', {id: 'live-title'}, 'Live activity'), state, list,
    h('p', {class: 'muted'}, 'The last ' + KEPT + ' changes since this tab signed in.')));
  shown = {list, state};
  showState(session.streamState);
  list.append(...session.feed.map(item));
}

export function showState(state) {
  if (shown && shown.state.isConnected) {
    shown.state.textContent = STATES[state] || state;
    shown.state.dataset.state = state;
  }
}

export function prepend(change) {
  if (!shown || !shown.list.isConnected) return;
  shown.list.prepend(item(change));
  while (shown.list.children.length > KEPT) shown.list.lastElementChild.remove();
}

function item(change) {
  const attributes = {class: 'change', 'data-position': change.position, 'data-type': change.type};
  if (change.type === 'TrailCompleted') {
    return h('li', {...attributes, 'data-trail-id': change.trailId},
      time(change.at), ' ',
      h('a', {href: '#learner/' + change.institutionId + '/' + change.userId},
        'Learner ' + change.institutionId + ' · ' + change.userId),
      ' completed ', h('a', {href: '#completions/trail/' + change.trailId}, 'trail ' + change.trailId),
      change.completionNumber > 1 ? ' (completion #' + number(change.completionNumber) + ')' : '');
  }
  const verb = change.type === 'TalentBlockUnlocked' ? ' unlocked block ' : ' moved block ';
  return h('li', {...attributes, 'data-talent-id': change.talentId},
    time(change.at), ' ',
    h('a', {href: '#talent/' + encodeURIComponent(change.talentId)}, 'Talent ' + short(change.talentId)),
    verb + change.order + ' to ', statusChip(change.status),
    change.previousStatus ? h('span', {class: 'muted'}, ' from ' + change.previousStatus.replace('_', ' ')
      .toLowerCase()) : null,
    ' in ', h('a', {href: '#programs/' + encodeURIComponent(change.programId)}, 'program ' + short(change.programId)));
}

function short(id) {
  return id && id.length > 8 ? id.slice(0, 8) + '…' : id;
}

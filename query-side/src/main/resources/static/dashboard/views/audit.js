// Audit (admin token): an aggregate's event history with its provenance, and the tamper-evidence check.

import {all, ApiError, get, segment} from '../api.js';
import {field, h, notice, replace, table, time} from '../dom.js';
import {hashPart, numeric, searchForm} from './common.js';

export async function render(main, [kind, ...ids], session) {
  const verifyResult = h('div', {'aria-live': 'polite'});
  const verify = h('button', {type: 'button'}, 'Verify the chain');
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    replace(verifyResult, notice('Recomputing every link…'));
    try {
      replace(verifyResult, verification(await get('/api/audit/verify')));
    } catch (error) {
      replace(verifyResult, notice(error.message, 'error'));
    } finally {
      verify.disabled = false;
    }
  });
  const talentId = h('input', {type: 'text', autocomplete: 'off', spellcheck: 'false',
    value: kind === 'talent' ? ids[0] || '' : ''});
  const institution = h('input', {type: 'text', inputmode: 'numeric', autocomplete: 'off',
    value: kind === 'learner' ? ids[0] || '' : ''});
  const user = h('input', {type: 'text', inputmode: 'numeric', autocomplete: 'off',
    value: kind === 'learner' ? ids[1] || '' : ''});
  const trail = h('input', {type: 'text', inputmode: 'numeric', autocomplete: 'off',
    value: kind === 'learner' ? ids[2] || '' : ''});
  const history = h('div');
  main.append(h('section', {'aria-labelledby': 'audit-title'},
    h('h1', {id: 'audit-title'}, 'Audit'),
    h('h2', {}, 'Tamper evidence'),
    h('p', {}, 'Recomputes the hash chain over every stored event. Note the head hash: it is your checkpoint.'),
    verify, verifyResult,
    h('h2', {}, 'Event history'),
    h('div', {class: 'two-forms'},
      searchForm('A talent\'s history', [{field: field('Talent id', talentId), element: talentId,
        name: 'a talent id'}], id => '#audit/talent/' + hashPart(id), session),
      searchForm('A learner\'s history', [
        {field: field('Institution id', institution), element: institution, check: numeric('institution id')},
        {field: field('User id', user), element: user, check: numeric('user id')},
        {field: field('Trail id', trail, 'empty for every trail'), element: trail,
          check: value => value === '' ? null : numeric('trail id')(value)}
      ], (i, u, t) => '#audit/learner/' + hashPart(i) + '/' + hashPart(u) + (t ? '/' + hashPart(t) : ''), session)),
    history));
  if (kind === 'talent' && ids[0]) {
    await show(history, 'Talent ' + ids[0], async () =>
      (await get('/api/audit/talents/' + segment(ids[0]) + '/events')).items);
  } else if (kind === 'learner' && ids[0] && ids[1]) {
    await show(history, 'Learner ' + ids[0] + ' · ' + ids[1] + (ids[2] ? ', trail ' + ids[2] : ''),
      () => learnerEvents(ids[0], ids[1], ids[2]));
  }
}

async function learnerEvents(institutionId, userId, trailId) {
  const learner = segment(institutionId) + '/' + segment(userId);
  const trails = trailId ? [trailId]
    : (await all('/api/learners/' + learner + '/trails')).items.map(item => item.trailId);
  const histories = await Promise.all(trails.map(async id =>
    (await get('/api/audit/learners/' + learner + '/trails/' + segment(id) + '/events')).items));
  return histories.flat().sort((a, b) => a.globalPosition - b.globalPosition);
}

async function show(container, title, events) {
  let items;
  try {
    items = await events();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      replace(container, notice(error.status === 404 ? 'No events for ' + title + '.' : error.message, 'error'));
      return;
    }
    throw error;
  }
  replace(container, table(title + ': ' + items.length + ' event' + (items.length === 1 ? '' : 's'),
    ['Position', 'Type', 'Recorded', 'Source', 'Delivery', 'Sender\'s id', 'Received', 'Payload'],
    items.map(event => h('tr', {'data-position': event.globalPosition, 'data-type': event.type},
      h('td', {}, String(event.globalPosition), h('span', {class: 'muted'}, ' seq ' + event.sequenceNumber)),
      h('td', {}, event.type, h('span', {class: 'muted'}, ' r' + event.revision)),
      h('td', {}, time(event.timestamp)),
      h('td', {}, event.metadata?.source ?? '—'),
      h('td', {}, h('code', {class: 'delivery-id'}, event.metadata?.deliveryId ?? '—')),
      h('td', {}, h('code', {}, event.metadata?.senderEventId ?? '—')),
      h('td', {}, time(event.metadata?.receivedAt)),
      h('td', {}, h('details', {}, h('summary', {}, 'JSON'),
        h('pre', {}, JSON.stringify(event.payload, null, 2))))))));
}

function verification(result) {
  if (result.intact) {
    return h('dl', {class: 'facts verification', 'data-intact': 'true'},
      h('dt', {}, 'Result'), h('dd', {}, h('strong', {class: 'ok'}, 'Intact')),
      h('dt', {}, 'Checked up to'), h('dd', {}, 'position ' + result.checkedUpTo),
      h('dt', {}, 'Head hash'), h('dd', {}, h('code', {class: 'head-hash'}, result.headHash ?? '—')));
  }
  return h('dl', {class: 'facts verification', 'data-intact': 'false'},
    h('dt', {}, 'Result'), h('dd', {}, h('strong', {class: 'bad'}, 'Altered')),
    h('dt', {}, 'First mismatch at'), h('dd', {}, 'position ' + result.firstMismatchPosition),
    h('dt', {}, 'Reason'), h('dd', {}, result.reason));
}

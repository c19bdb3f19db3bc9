// Talent: a talent's blocks in order, with their status, unlock and status times.

import {all, ApiError, get, segment} from '../api.js';
import {field, h, notice, number, replace, statusChip, table, time} from '../dom.js';
import {STATUSES} from '../charts.js';
import {hashPart, searchForm} from './common.js';

let shown = null;

export async function render(main, [talentId], session) {
  const input = h('input', {type: 'text', value: talentId || '', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'e.g. 9c40bc21-5269-46d8-9b8d-c8c7f85c6499'});
  const body = h('div');
  main.append(h('section', {'aria-labelledby': 'talent-title'},
    h('h1', {id: 'talent-title'}, 'Talent'),
    searchForm('Find a talent', [{field: field('Talent id', input), element: input, name: 'a talent id'}],
      id => '#talent/' + hashPart(id), session),
    body));
  shown = talentId ? {talentId, body, session} : null;
  if (talentId) await load();
}

export function touches(change) {
  return shown !== null && change.talentId === shown.talentId;
}

export function refresh(position) {
  load(position).catch(() => {});
}

async function load(minPosition) {
  const view = shown;
  const path = '/api/talents/' + segment(view.talentId);
  let summary;
  let blocks;
  try {
    summary = await get(path, {minPosition});
    blocks = await all(path + '/blocks');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      replace(view.body, notice(error.status === 404 ? 'No talent ' + view.talentId + ' has unlocked a block.'
        : error.message, 'error'));
      return;
    }
    throw error;
  }
  replace(view.body,
    h('dl', {class: 'facts'},
      h('dt', {}, 'Talent'), h('dd', {}, h('code', {'data-talent': summary.talentId}, summary.talentId)),
      h('dt', {}, 'User'), h('dd', {}, h('code', {}, summary.userId ?? '—')),
      h('dt', {}, 'Blocks unlocked'), h('dd', {}, number(summary.blocks)),
      h('dt', {}, 'Programs'), h('dd', {}, summary.programIds.map(id =>
        h('a', {href: '#programs/' + hashPart(id)}, h('code', {}, id)))),
      h('dt', {}, 'First unlock'), h('dd', {}, time(summary.firstUnlockedAt)),
      h('dt', {}, 'Last activity'), h('dd', {}, time(summary.lastActivityAt))),
    h('ul', {class: 'distribution', 'aria-label': 'Blocks by status'}, STATUSES.map(status =>
      h('li', {}, statusChip(status), h('strong', {}, number(summary.statusCounts[status] || 0))))),
    table('Blocks in order', ['Order', 'Status', 'Unlocked', 'Status since', 'Block', 'Phase', 'Program'],
      blocks.items.map(block => h('tr', {'data-order': block.order, 'data-talent-block-id': block.talentBlockId},
        h('td', {}, String(block.order)), h('td', {}, statusChip(block.status)),
        h('td', {}, time(block.unlockedAt)), h('td', {}, time(block.statusUpdatedAt)),
        h('td', {}, h('code', {title: 'talent block ' + block.talentBlockId}, block.blockId)),
        h('td', {}, h('code', {}, block.talentPhaseId)), h('td', {}, h('code', {}, block.programId)))),
      {class: 'blocks'}),
    blocks.more ? notice('Showing the first ' + number(blocks.items.length) + ' blocks.') : null,
    view.session.admin ? h('p', {}, h('a', {href: '#audit/talent/' + hashPart(view.talentId)},
      'This talent\'s event history')) : null);
}

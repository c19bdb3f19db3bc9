// Program funnel: per program, how many talents reached each block (per phase and order), and where they are with it.

import {ApiError, get, segment} from '../api.js';
import {field, h, notice, number, replace, statusChip, table} from '../dom.js';
import {draw, STATUSES, STATUS_COLOURS} from '../charts.js';
import {hashPart, overview, searchForm} from './common.js';

let shown = null;

export async function render(main, [programId], session) {
  const ids = await overview(session);
  const input = h('input', {type: 'text', value: programId || '', list: 'program-ids', autocomplete: 'off',
    spellcheck: 'false'});
  const section = h('section', {'aria-labelledby': 'programs-title'},
    h('h1', {id: 'programs-title'}, 'Program funnel'),
    searchForm('Find a program', [{field: field('Program id', input), element: input, name: 'a program id'}],
      id => '#programs/' + hashPart(id), session),
    h('datalist', {id: 'program-ids'}, ids.programIds.map(id => h('option', {value: id}))));
  const body = h('div');
  section.append(body);
  main.append(section);
  const chosen = programId || ids.programIds[0];
  shown = chosen ? {programId: chosen, body} : null;
  if (!chosen) {
    body.append(notice(ids.scoped ? 'Type the id of a program this token may read.' : 'No program has unlocks yet.'));
    return;
  }
  input.value = chosen;
  await load();
}

export function touches(change) {
  return shown !== null && change.programId === shown.programId;
}

export function refresh(position) {
  load(position).catch(() => {});
}

async function load(minPosition) {
  const view = shown;
  let funnel;
  try {
    funnel = await get('/api/programs/' + segment(view.programId) + '/funnel', {minPosition});
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      replace(view.body, notice(error.message, 'error'));
      return;
    }
    throw error;
  }
  const steps = [];
  funnel.phases.forEach((phase, index) => phase.blocks.forEach(step => steps.push({phase, index, step})));
  const labels = steps.map(({index, step}) => 'Phase ' + (index + 1) + ' · block ' + step.order);
  const canvas = h('canvas', {role: 'img', 'aria-label': 'Talents per block, stacked by status; the table below '
      + 'holds the same numbers'});
  const distribution = h('ul', {class: 'distribution', 'aria-label': 'Status distribution'},
    STATUSES.map(status => {
      const count = funnel.statusCounts[status] || 0;
      const share = funnel.unlocked ? Math.round(100 * count / funnel.unlocked) : 0;
      return h('li', {'data-status': status, 'data-value': count}, statusChip(status),
        h('strong', {}, number(count)), h('span', {class: 'muted'}, ' ' + share + '%'));
    }));
  replace(view.body,
    h('h2', {}, 'Program ', h('code', {}, funnel.programId)),
    h('p', {}, number(funnel.unlocked) + ' blocks unlocked in ' + funnel.phases.length + ' phase'
      + (funnel.phases.length === 1 ? '' : 's') + '.'),
    distribution,
    h('div', {class: 'chart-box'}, canvas),
    h('details', {class: 'data-table'}, h('summary', {}, 'Data table'),
      table('Talents per block', ['Phase', 'Block order', 'Unlocked', ...STATUSES.map(s => s.replace('_', ' '))],
        steps.map(({phase, step}) => [h('code', {title: phase.talentPhaseId}, short(phase.talentPhaseId)),
          String(step.order), number(step.unlocked), ...STATUSES.map(s => number(step.statusCounts[s] || 0))]))));
  draw(canvas, 'bar', labels, STATUSES.map(status => ({
    label: status.replace('_', ' ').toLowerCase(), data: steps.map(({step}) => step.statusCounts[status] || 0),
    backgroundColor: STATUS_COLOURS[status]
  })), {stacked: true});
}

function short(id) {
  return id.length > 8 ? id.slice(0, 8) + '…' : id;
}

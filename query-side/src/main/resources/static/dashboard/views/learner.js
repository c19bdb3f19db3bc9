// Learner: an institution's user, their completed trails with dates, completion numbers and course lists.

import {all, ApiError, segment} from '../api.js';
import {field, h, notice, number, replace, time} from '../dom.js';
import {hashPart, numeric, searchForm} from './common.js';

let shown = null;

export async function render(main, [institutionId, userId], session) {
  const institution = h('input', {type: 'text', inputmode: 'numeric', value: institutionId || '',
    autocomplete: 'off'});
  const user = h('input', {type: 'text', inputmode: 'numeric', value: userId || '', autocomplete: 'off'});
  const body = h('div');
  main.append(h('section', {'aria-labelledby': 'learner-title'},
    h('h1', {id: 'learner-title'}, 'Learner'),
    searchForm('Find a learner', [
      {field: field('Institution id', institution), element: institution, check: numeric('institution id')},
      {field: field('User id', user), element: user, check: numeric('user id')}
    ], (i, u) => '#learner/' + hashPart(i) + '/' + hashPart(u), session),
    body));
  shown = institutionId && userId ? {institutionId, userId, body, session} : null;
  if (shown) await load();
}

export function touches(change) {
  return shown !== null && String(change.institutionId) === shown.institutionId
    && String(change.userId) === shown.userId;
}

export function refresh(position) {
  load(position).catch(() => {});
}

async function load(minPosition) {
  const view = shown;
  let trails;
  try {
    trails = await all('/api/learners/' + segment(view.institutionId) + '/' + segment(view.userId) + '/trails',
      {minPosition});
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      replace(view.body, notice(error.status === 404 ? 'Learner ' + view.userId + ' of institution '
        + view.institutionId + ' has completed no trail.' : error.message, 'error'));
      return;
    }
    throw error;
  }
  const first = trails.items[0];
  replace(view.body,
    first ? h('dl', {class: 'facts'},
      h('dt', {}, 'Name'), h('dd', {class: 'learner-name'}, first.userName ?? '—'),
      h('dt', {}, 'Email'), h('dd', {}, first.userEmail ?? '—'),
      h('dt', {}, 'Institution · user'), h('dd', {}, h('code', {}, first.institutionId + ' · ' + first.userId)),
      h('dt', {}, 'Trails completed'), h('dd', {}, number(trails.items.length))) : notice('No trails.'),
    h('ol', {class: 'trails', 'aria-label': 'Completed trails'}, trails.items.map(trail =>
      h('li', {class: 'trail', 'data-trail-id': trail.trailId},
        h('h2', {}, trail.trailName, ' ', h('span', {class: 'muted'}, '#' + trail.trailId)),
        h('p', {},
          'Completed ', h('strong', {'data-completion-count': trail.completionCount}, number(trail.completionCount)),
          trail.completionCount === 1 ? ' time' : ' times', '; latest (completion ',
          h('span', {'data-completion-number': trail.completionNumber}, '#' + trail.completionNumber), ') ',
          time(trail.finishedAt), '.'),
        h('ul', {class: 'courses', 'aria-label': 'Courses of ' + trail.trailName}, trail.courses.map(course =>
          h('li', {'data-course-id': course.id},
            h('a', {href: '#completions/course/' + course.id}, course.title), ' ',
            h('span', {class: 'muted'}, '#' + course.id)))),
        h('p', {class: 'links'},
          h('a', {href: '#completions/trail/' + trail.trailId}, 'Everyone who completed this trail'),
          view.session.admin ? h('a', {href: '#audit/learner/' + trail.institutionId + '/' + trail.userId + '/'
              + trail.trailId}, 'Event history') : null)))),
    trails.more ? notice('Showing the first ' + number(trails.items.length) + ' trails.') : null);
}

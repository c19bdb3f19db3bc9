// Trail and course: completions over time, and the learners who completed (paged, 500 a page).

import {ApiError, get, segment} from '../api.js';
import {field, h, notice, number, replace, table, time} from '../dom.js';
import {draw, series, SERIES_COLOURS} from '../charts.js';
import {hashPart, numeric, searchForm} from './common.js';

const PAGE = 500;
let shown = null;

export async function render(main, [kind, id], session) {
  const which = h('select', {}, h('option', {value: 'trail'}, 'Trail'), h('option', {value: 'course'}, 'Course'));
  which.value = kind === 'course' ? 'course' : 'trail';
  const input = h('input', {type: 'text', inputmode: 'numeric', value: id || '', autocomplete: 'off'});
  const body = h('div');
  main.append(h('section', {'aria-labelledby': 'completions-title'},
    h('h1', {id: 'completions-title'}, 'Trails and courses'),
    searchForm('Find a trail or a course', [
      {field: field('Kind', which), element: which},
      {field: field('Id', input), element: input, check: numeric('id')}
    ], (k, i) => '#completions/' + k + '/' + hashPart(i), session),
    body));
  shown = (kind === 'trail' || kind === 'course') && id ? {kind, id, body, items: [], cursor: null} : null;
  if (shown) {
    await load();
  } else {
    await courseList(body);
  }
}

export function touches(change) {
  return shown !== null && shown.kind === 'trail' && String(change.trailId) === shown.id;
}

export function refresh(position) {
  if (shown) {
    shown.items = [];
    shown.cursor = null;
    load(position).catch(() => {});
  }
}

/** Without a choice: the courses seen, as a starting point. */
async function courseList(body) {
  const page = await get('/api/courses', {limit: 100});
  replace(body, page.items.length === 0 ? notice('No course has been completed yet.')
    : table('Courses', ['Course', 'Title', 'Completions', 'Last completed'], page.items.map(course => [
      h('a', {href: '#completions/course/' + course.courseId}, String(course.courseId)), course.title,
      number(course.completions), time(course.lastCompletedAt)])));
}

async function load(minPosition) {
  const view = shown;
  const base = '/api/' + (view.kind === 'trail' ? 'trails/' : 'courses/') + segment(view.id);
  let page;
  let course = null;
  try {
    if (view.kind === 'course' && view.items.length === 0) course = await get(base, {minPosition});
    page = await get(base + '/completions', {limit: PAGE, cursor: view.cursor, minPosition});
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      replace(view.body, notice(error.status === 404 ? 'No completion of ' + view.kind + ' ' + view.id + ' yet.'
        : error.message, 'error'));
      return;
    }
    throw error;
  }
  view.items.push(...page.items);
  view.cursor = page.nextCursor;
  if (course) view.title = course.title + ' (' + number(course.completions) + ' completions)';
  if (view.kind === 'trail' && view.items.length) view.title = view.items[0].trailName;
  const perDay = new Map();
  for (const item of view.items) {
    const day = item.finishedAt.slice(0, 10);
    perDay.set(day, (perDay.get(day) || 0) + 1);
  }
  const days = [...perDay.keys()].sort();
  const canvas = h('canvas', {role: 'img', 'aria-label': 'Completions per day (UTC) among those listed below'});
  const more = h('button', {type: 'button', class: 'quiet'}, 'Load the next ' + PAGE);
  more.addEventListener('click', () => {
    more.disabled = true;
    load().catch(() => { more.disabled = false; });
  });
  replace(view.body,
    h('h2', {}, view.kind === 'trail' ? 'Trail ' : 'Course ', h('span', {class: 'muted'}, '#' + view.id), ' ',
      view.title || ''),
    h('div', {class: 'chart-box'}, canvas),
    table(number(view.items.length) + ' completion' + (view.items.length === 1 ? '' : 's')
      + (view.cursor ? ' loaded, more to load' : ''),
      ['Finished', 'Learner', 'Name', 'Completion', 'Trail', 'Courses'],
      view.items.map(item => h('tr', {'data-user-id': item.userId},
        h('td', {}, time(item.finishedAt)),
        h('td', {}, h('a', {href: '#learner/' + item.institutionId + '/' + item.userId},
          item.institutionId + ' · ' + item.userId)),
        h('td', {}, item.userName ?? '—'),
        h('td', {}, '#' + item.completionNumber),
        h('td', {}, item.trailName),
        h('td', {}, item.courses.map(c => c.title).join(', '))))),
    view.cursor ? more : null);
  draw(canvas, 'bar', days, [series('Completions', days.map(day => perDay.get(day)), SERIES_COLOURS.completions)]);
}

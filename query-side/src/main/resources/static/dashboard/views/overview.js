// Overview: the totals, and unlocks and completions per day with a date range and an institution or program filter.

import {get} from '../api.js';
import {dayLabel, field, h, notice, number, replace, table} from '../dom.js';
import {draw, series, SERIES_COLOURS} from '../charts.js';

const TOTALS = [
  ['talents', 'Talents'], ['unlocks', 'Unlocks'], ['learners', 'Learners'],
  ['trailCompletions', 'Trail completions'], ['courses', 'Courses']
];
const MAX_DAYS = 366;

/** The filters chosen, kept while the tab lives. */
const filters = {from: null, to: null, scope: 'all', id: ''};
let shown = null;

export async function render(main, params, session) {
  const section = h('section', {'aria-labelledby': 'overview-title'});
  main.append(section);
  const totals = h('ul', {class: 'totals', 'aria-label': 'Totals'});
  const chartArea = h('div');
  const formArea = h('div');
  section.append(h('h1', {id: 'overview-title'}, 'Overview'), totals, formArea, chartArea);
  shown = {section, totals, chartArea, formArea, session};
  await load();
}

export function touches(change) {
  return true;
}

let pending = null;

/** Many changes in a burst refresh the overview once. */
export function refresh(position) {
  clearTimeout(pending);
  pending = setTimeout(() => load(position), 300);
}

async function load(minPosition) {
  const view = shown;
  const overview = await get('/api/overview', {minPosition});
  view.session.overview = overview;
  replace(view.totals, TOTALS.map(([key, label]) =>
    h('li', {class: 'total'}, h('span', {class: 'total-label'}, label),
      h('strong', {class: 'total-value', 'data-total': key, 'data-value': overview[key]}, number(overview[key])))));
  if (!filters.to) {
    const last = overview.lastActivityDay || new Date().toISOString().slice(0, 10);
    filters.to = last;
    filters.from = shift(last, -29);
    if (overview.firstActivityDay && overview.firstActivityDay > filters.from) filters.from = overview.firstActivityDay;
  }
  if (!view.formArea.firstChild) view.formArea.append(filterForm(overview, view));
  await drawDaily(view, minPosition);
  performance.mark('dashboard:overview-rendered');
}

function filterForm(overview, view) {
  const from = h('input', {type: 'date', name: 'from', value: filters.from, required: true});
  const to = h('input', {type: 'date', name: 'to', value: filters.to, required: true});
  const scope = h('select', {name: 'scope'},
    h('option', {value: 'all'}, 'Everything'),
    h('option', {value: 'institution'}, 'One institution'),
    h('option', {value: 'program'}, 'One program'));
  scope.value = filters.scope;
  const id = h('input', {type: 'text', name: 'id', value: filters.id, list: 'overview-ids', autocomplete: 'off',
    spellcheck: 'false'});
  const ids = h('datalist', {id: 'overview-ids'});
  const fillIds = () => {
    const values = scope.value === 'institution' ? overview.institutionIds
      : scope.value === 'program' ? overview.programIds : [];
    replace(ids, values.map(value => h('option', {value})));
    id.disabled = scope.value === 'all';
  };
  scope.addEventListener('change', fillIds);
  fillIds();
  const error = h('p', {class: 'error', role: 'alert'});
  const form = h('form', {class: 'filters', 'aria-label': 'Activity filters'},
    field('From', from), field('To', to), field('Filter', scope), field('Institution or program id', id), ids,
    h('button', {type: 'submit'}, 'Apply'), error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    if (!from.value || !to.value || from.value > to.value) {
      error.textContent = 'Choose a start day on or before the end day.';
      return;
    }
    if (days(from.value, to.value) > MAX_DAYS) {
      error.textContent = 'A range covers at most ' + MAX_DAYS + ' days.';
      return;
    }
    if (scope.value === 'institution' && !/^\d+$/.test(id.value.trim())) {
      error.textContent = 'An institution id is a number.';
      return;
    }
    if (scope.value === 'program' && !id.value.trim()) {
      error.textContent = 'Enter a program id.';
      return;
    }
    Object.assign(filters, {from: from.value, to: to.value, scope: scope.value, id: id.value.trim()});
    try {
      await drawDaily(view);
    } catch (failure) {
      error.textContent = failure.message;
    }
  });
  return form;
}

async function drawDaily(view, minPosition) {
  const daily = await get('/api/stats/daily', {
    from: filters.from, to: filters.to, minPosition,
    institutionId: filters.scope === 'institution' ? filters.id : null,
    programId: filters.scope === 'program' ? filters.id : null
  });
  const unlocks = daily.items.reduce((sum, day) => sum + day.unlocks, 0);
  const completions = daily.items.reduce((sum, day) => sum + day.completions, 0);
  const what = filters.scope === 'all' ? 'everything' : filters.scope + ' ' + filters.id;
  let canvas = view.chartArea.querySelector('canvas');
  if (!canvas) {
    canvas = h('canvas', {role: 'img', 'aria-label': 'Unlocks and completions per day; the table below holds '
        + 'the same numbers'});
    view.chartArea.append(h('h2', {}, 'Unlocks and completions per day'),
      h('p', {class: 'range-summary', 'aria-live': 'polite'}),
      h('div', {class: 'chart-box'}, canvas),
      h('details', {class: 'data-table'}, h('summary', {}, 'Data table')));
  }
  replace(view.chartArea.querySelector('.range-summary'),
    number(unlocks) + ' unlocks and ' + number(completions) + ' completions from ' + daily.from + ' to ' + daily.to
    + ' (' + what + ', days in ' + daily.zone + ')');
  view.chartArea.querySelector('.range-summary').dataset.unlocks = unlocks;
  view.chartArea.querySelector('.range-summary').dataset.completions = completions;
  const labels = daily.items.map(day => dayLabel(day.day));
  draw(canvas, 'bar', labels, [
    series('Unlocks', daily.items.map(day => day.unlocks), SERIES_COLOURS.unlocks),
    series('Completions', daily.items.map(day => day.completions), SERIES_COLOURS.completions)
  ]);
  const details = view.chartArea.querySelector('details');
  const open = details.open;
  replace(details, h('summary', {}, 'Data table'),
    daily.items.length === 0 ? notice('No days in range.')
      : table('Unlocks and completions per day', ['Day', 'Unlocks', 'Completions'],
        daily.items.map(day => [day.day, number(day.unlocks), number(day.completions)])));
  details.open = open;
}

function shift(day, delta) {
  const date = new Date(day + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

function days(from, to) {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000) + 1;
}

// Where the views stand, in the page's corner: so that nobody mistakes a view being rebuilt, or behind, for missing
// data. Details (every projection) open on demand.

import {get} from '../api.js';
import {h, number, replace, table} from '../dom.js';

export async function refresh(container) {
  const projections = (await get('/api/projections')).items;
  const positions = projections.map(p => p.position ?? 0);
  const head = Math.max(0, ...projections.map(p => p.headPosition));
  const lag = Math.max(0, ...projections.map(p => p.lagEvents));
  const lagSeconds = Math.max(0, ...projections.map(p => p.lagSeconds));
  const rebuilding = projections.filter(p => p.replaying);
  const parked = projections.reduce((sum, p) => sum + p.parked, 0);
  const state = parked > 0 ? 'parked' : rebuilding.length > 0 ? 'rebuilding' : lag > 0 ? 'behind' : 'current';
  const summary = [
    h('span', {class: 'dot dot-' + state, 'aria-hidden': 'true'}),
    h('span', {'data-status': state},
      state === 'current' ? 'Views up to date' : state === 'behind'
        ? 'Views ' + number(lag) + ' events behind (' + lagSeconds.toFixed(1) + ' s)'
        : state === 'rebuilding' ? 'Rebuilding ' + rebuilding.map(p => p.name + rebuildShare(p)).join(', ')
          : number(parked) + ' parked event' + (parked === 1 ? '' : 's')),
    h('span', {class: 'muted'}, ' · position ' + number(Math.min(...positions, head)))
  ];
  const details = h('details', {class: 'status-details'},
    h('summary', {}, summary),
    table('Projections', ['View', 'Position', 'Lag', 'Rebuilding', 'Parked'], projections.map(p => [
      p.name, p.position === null || p.position === undefined ? '—' : number(p.position),
      number(p.lagEvents) + ' events, ' + p.lagSeconds.toFixed(1) + ' s',
      p.replaying ? 'yes' + rebuildShare(p) : 'no', number(p.parked)])));
  const wasOpen = container.querySelector('details')?.open;
  details.open = Boolean(wasOpen);
  replace(container, details);
  container.dataset.position = String(Math.min(...positions, head));
  container.dataset.state = state;
}

function rebuildShare(projection) {
  const rebuild = projection.rebuild;
  if (!rebuild || !rebuild.eventsTotal) return '';
  return ' ' + Math.floor(100 * rebuild.eventsDone / rebuild.eventsTotal) + '%';
}

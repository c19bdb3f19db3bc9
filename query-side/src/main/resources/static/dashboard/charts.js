// Charts, drawn by Chart.js (bundled by the build at /vendor/chart.js/, loaded before this module). Every chart comes
// with a data table in the page for screen readers and keyboard users.

export const STATUSES = ['LOCKED', 'NOT_STARTED', 'IN_PROGRESS', 'FINISHED'];
export const STATUS_COLOURS = {LOCKED: '#6b7280', NOT_STARTED: '#2563eb', IN_PROGRESS: '#c2410c', FINISHED: '#15803d'};
export const SERIES_COLOURS = {unlocks: '#2563eb', completions: '#15803d'};

const charts = new Map();

/** Charts whose canvas left the page (another view was opened) are destroyed, with their listeners. */
function forgetDetached() {
  for (const [canvas, chart] of charts) {
    if (!canvas.isConnected) {
      chart.destroy();
      charts.delete(canvas);
    }
  }
}

function base() {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: {mode: 'index', intersect: false},
    plugins: {legend: {position: 'bottom', labels: {boxWidth: 12, color: '#1f2937'}}},
    scales: {
      x: {ticks: {color: '#374151', maxRotation: 0, autoSkip: true}, grid: {display: false}},
      y: {beginAtZero: true, ticks: {color: '#374151', precision: 0}, grid: {color: '#e5e7eb'}}
    }
  };
}

/** Draws (or redraws) a chart on a canvas; the canvas keeps one chart. */
export function draw(canvas, type, labels, datasets, {stacked = false} = {}) {
  const options = base();
  if (stacked) {
    options.scales.x.stacked = true;
    options.scales.y.stacked = true;
  }
  forgetDetached();
  const existing = charts.get(canvas);
  if (existing) {
    existing.data.labels = labels;
    existing.data.datasets = datasets;
    existing.update('none');
    return existing;
  }
  if (!window.Chart) return null; // the library failed to load: the data tables still show everything
  const chart = new window.Chart(canvas, {type, data: {labels, datasets}, options});
  charts.set(canvas, chart);
  return chart;
}

export function series(label, data, colour, type) {
  return {label, data, borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 2,
    tension: 0.25, ...(type ? {type} : {})};
}

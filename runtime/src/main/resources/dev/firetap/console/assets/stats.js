'use strict';

// Stats: today's count per level, and the last 14 days as a uPlot chart, one series per level.
(() => {
  const { el, getJson, status } = Firetap;
  const LEVELS = [
    ['debug', '#8a94a6'],
    ['info', '#2f7ed8'],
    ['warn', '#c98a00'],
    ['error', '#d64545'],
  ];

  function cards(today) {
    const names = [...LEVELS.map(([level]) => level), 'total'];
    document.getElementById('today').replaceChildren(...names.map((name) =>
      el('div', { class: 'card ' + name },
        el('div', { class: 'count' }, today[name].toLocaleString('en')),
        el('div', { class: 'label' }, name))));
  }

  /** Seconds since the epoch as the UTC date, 2025-01-31. */
  function day(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  function chart(days) {
    const container = document.getElementById('chart');
    const x = days.map((day) => Date.parse(day.date + 'T00:00:00Z') / 1000);
    const data = [x, ...LEVELS.map(([level]) => days.map((day) => day[level]))];
    const options = {
      width: container.clientWidth - 24,
      height: 320,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      axes: [{}, { label: 'events' }],
      series: [
        { label: 'day', value: (u, seconds) => (seconds == null ? '-' : day(seconds)) },
        ...LEVELS.map(([level, color]) =>
          ({ label: level, stroke: color, width: 2, points: { show: true } })),
      ],
    };
    container.replaceChildren();
    new uPlot(options, data, container);
  }

  async function load() {
    try {
      const stats = await getJson('/api/stats');
      cards(stats.today);
      chart(stats.days);
      status(stats.days[0].date + ' to ' + stats.today.date);
    } catch (error) {
      status(error.message, 'problem');
    }
  }

  load();
})();

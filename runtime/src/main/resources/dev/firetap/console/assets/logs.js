'use strict';

// Logs: the newest log events of the chosen levels that match the filters; a row opens its JSON.
(() => {
  const { el, getJson, status, time, toggleDetails } = Firetap;
  const form = document.getElementById('filters');
  const rows = document.querySelector('#logs tbody');

  function row(event) {
    const tr = el('tr', { class: 'entry' },
      el('td', { class: 'mono' }, time(event.timestamp)),
      el('td', {}, el('span', { class: 'level ' + event.level }, event.level)),
      el('td', {}, event.event),
      el('td', {}, event.service),
      el('td', {}, event.userId || ''),
      el('td', {}, event.message || event.error || ''));
    tr.addEventListener('click', () => toggleDetails(tr, 6, event.json));
    return tr;
  }

  async function load() {
    const query = new URLSearchParams(new FormData(form));
    history.replaceState(null, '', '?' + query);
    status('Loading…');
    try {
      const result = await getJson('/api/logs?' + query);
      rows.replaceChildren(...result.events.map(row));
      const scope = result.complete ? '' : ' (searched the newest 10,000 entries of each level)';
      status(result.events.length + ' events, newest first' + scope);
    } catch (error) {
      status(error.message, 'problem');
    }
  }

  function restoreFilters() {
    for (const [name, value] of new URLSearchParams(location.search)) {
      if (form.elements[name]) form.elements[name].value = value;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  restoreFilters();
  load();
})();

'use strict';

// Handlers: every consumer group with its pending entries, how far behind it is, the age of its
// oldest pending entry and how many entries were trimmed before it handled them; refreshed every
// 5 seconds.
(() => {
  const { el, getJson, status, age } = Firetap;
  const rows = document.querySelector('#groups tbody');

  function row(group) {
    return el('tr', {},
      el('td', {}, group.handlerId),
      el('td', { class: 'mono' }, group.stream),
      el('td', { class: 'number' }, group.pending),
      el('td', { class: 'number' }, group.behind < 0 ? 'unknown' : group.behind),
      el('td', { class: 'number' }, group.pending === 0 ? '-' : age(group.oldestPendingMillis)),
      el('td', { class: 'number' }, group.lost));
  }

  async function load() {
    try {
      const result = await getJson('/api/handlers');
      rows.replaceChildren(...result.groups.map(row));
      const groups = result.groups.length;
      const count = groups === 0 ? 'No consumer groups' : groups + ' groups';
      status(count + '; refreshed at ' + new Date().toLocaleTimeString('en-GB'));
    } catch (error) {
      status(error.message, 'problem');
    }
  }

  load();
  setInterval(load, 5000);
})();

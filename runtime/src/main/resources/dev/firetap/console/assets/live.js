'use strict';

// Live tail: change events of one collection as they are written, newest on top, from the
// server's event stream; each shows the changed fields before and after.
(() => {
  const { el, getJson, status, time } = Firetap;
  const KEPT = 200;
  const form = document.getElementById('picker');
  const list = document.getElementById('changes');
  const stop = document.getElementById('stop');
  let source = null;

  function value(json) {
    return json === null ? el('span', { class: 'absent' }, 'absent') : json;
  }

  function diff(change) {
    const rows = change.changes.map((field) => el('tr', {},
      el('td', { class: 'mono' }, field.field),
      el('td', { class: 'before mono' }, value(field.before)),
      el('td', { class: 'after mono' }, value(field.after))));
    return el('table', {},
      el('thead', {},
        el('tr', {}, el('th', {}, 'field'), el('th', {}, 'before'), el('th', {}, 'after'))),
      el('tbody', {}, ...rows));
  }

  function item(change) {
    if (change.error) {
      const problem = el('span', { class: 'meta' }, change.entryId + ': ' + change.error);
      return el('li', { class: 'change' }, problem);
    }
    const json = el('pre', { hidden: '' }, change.json);
    const header = el('header', {},
      el('span', { class: 'op ' + change.op }, change.op),
      el('span', { class: 'path mono' }, change.path),
      el('span', { class: 'meta' }, 'committed ' + time(change.commitTime)),
      el('span', { class: 'meta' }, change.userId ? 'user ' + change.userId : ''));
    header.addEventListener('click', () => { json.hidden = !json.hidden; });
    return el('li', { class: 'change', 'data-path': change.path }, header, diff(change), json);
  }

  function tail(collection) {
    if (source) source.close();
    list.replaceChildren();
    history.replaceState(null, '', '?collection=' + encodeURIComponent(collection));
    status('Connecting…');
    source = new EventSource('/api/changes?collection=' + encodeURIComponent(collection));
    source.addEventListener('ready', (event) => {
      status('Listening to ' + JSON.parse(event.data).stream);
    });
    source.addEventListener('change', (event) => {
      list.prepend(item(JSON.parse(event.data)));
      while (list.children.length > KEPT) list.lastElementChild.remove();
    });
    source.addEventListener('problem', (event) => status(JSON.parse(event.data).error, 'problem'));
    source.onerror = () => status('Disconnected; reconnecting…', 'problem');
    stop.disabled = false;
  }

  async function loadCollections() {
    try {
      const result = await getJson('/api/collections');
      document.getElementById('collections').replaceChildren(
        ...result.collections.map((name) => el('option', { value: name })));
    } catch (error) {
      status(error.message, 'problem');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    tail(form.elements.collection.value.trim());
  });
  stop.addEventListener('click', () => {
    source.close();
    stop.disabled = true;
    status('Stopped');
  });
  loadCollections();
  const chosen = new URLSearchParams(location.search).get('collection');
  if (chosen) {
    form.elements.collection.value = chosen;
    tail(chosen);
  }
})();

'use strict';

// Dead letters: the events a handler gave up on, each with a Replay button that moves it back to
// its stream (a trimmed entry has no event and nothing to replay); a row opens the event and the
// failure's stack.
(() => {
  const { el, getJson, postJson, status, time, toggleDetails } = Firetap;
  const picker = document.getElementById('picker').elements.handler;
  const replayAll = document.getElementById('replay-all');
  const rows = document.querySelector('#letters tbody');

  async function replay(query) {
    try {
      const handler = picker.value;
      const path = '/api/deadletters/replay?handler=' + encodeURIComponent(handler) + query;
      const result = await postJson(path);
      await loadHandlers(handler);
      const letters = result.replayed === 1 ? ' dead letter' : ' dead letters';
      status('Replayed ' + result.replayed + letters + ' of ' + handler);
    } catch (error) {
      status(error.message, 'problem');
    }
  }

  function replayButton(letter) {
    if (letter.trimmed) {
      return 'nothing to replay';
    }
    const button = el('button', { type: 'button', class: 'secondary' }, 'Replay');
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      button.disabled = true;
      replay('&id=' + encodeURIComponent(letter.id));
    });
    return button;
  }

  function row(letter) {
    const tr = el('tr', { class: 'entry', 'data-id': letter.id },
      el('td', { class: 'mono' }, time(letter.failedAt)),
      el('td', { class: 'mono' }, letter.stream + ' ' + letter.entryId),
      el('td', { class: 'number' }, letter.attempts),
      el('td', {}, letter.error),
      el('td', {}, replayButton(letter)));
    tr.addEventListener('click', () => toggleDetails(tr, 5, letter.event + '\n\n' + letter.stack));
    return tr;
  }

  async function loadLetters() {
    const handler = picker.value;
    if (!handler) {
      rows.replaceChildren();
      status('No handlers and no dead letters');
      return;
    }
    const result = await getJson('/api/deadletters?handler=' + encodeURIComponent(handler));
    rows.replaceChildren(...result.deadLetters.map(row));
    replayAll.disabled = result.deadLetters.length === 0;
    status(result.deadLetters.length + ' dead letters of ' + handler + ', oldest first');
  }

  async function loadHandlers(selected) {
    const result = await getJson('/api/deadletters');
    picker.replaceChildren(...result.handlers.map((handler) =>
      el('option', { value: handler.handlerId },
        handler.handlerId + ' (' + handler.deadLetters + ')')));
    const withLetters = result.handlers.find((handler) => handler.deadLetters > 0);
    picker.value = selected || new URLSearchParams(location.search).get('handler')
      || (withLetters ? withLetters.handlerId : picker.value);
    await loadLetters();
  }

  picker.addEventListener('change', () => {
    history.replaceState(null, '', '?handler=' + encodeURIComponent(picker.value));
    loadLetters().catch((error) => status(error.message, 'problem'));
  });
  replayAll.addEventListener('click', () => replay('&all=true'));
  loadHandlers().catch((error) => status(error.message, 'problem'));
})();

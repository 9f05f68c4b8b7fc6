'use strict';

// Shared by every page of the Firetap console. Data from Redis is put into the page only as text
// (textContent, text nodes), never as markup: documents and log events hold user data.
const Firetap = (() => {
  const PAGES = [
    ['logs', 'Logs'],
    ['stats', 'Stats'],
    ['live', 'Live tail'],
    ['handlers', 'Handlers'],
    ['deadletters', 'Dead letters'],
  ];

  /** A new element; string children become text nodes, 'on…' attributes event listeners. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else if (name === 'class') {
        node.className = value;
      } else {
        node.setAttribute(name, value);
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  function renderBar() {
    const current = document.body.dataset.page;
    const links = PAGES.map(([page, title]) =>
      el('a', { href: '/' + page, class: page === current ? 'current' : '' }, title));
    document.getElementById('bar').replaceChildren(
      el('span', { class: 'brand' }, 'Firetap'), el('nav', {}, ...links));
  }

  async function request(path, options) {
    const response = await fetch(path, { credentials: 'same-origin', ...options });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || response.status + ' ' + response.statusText);
    }
    return body;
  }

  function getJson(path) {
    return request(path, { headers: { Accept: 'application/json' } });
  }

  /** A POST the server accepts only with this header, which no other site's form can send. */
  function postJson(path) {
    return request(path, { method: 'POST', headers: { 'X-Firetap-Console': '1' } });
  }

  function status(text, kind) {
    const node = document.getElementById('status');
    node.textContent = text;
    node.className = 'status ' + (kind || '');
  }

  /** An ISO-8601 instant as 2025-01-31 12:00:00.123 (UTC). */
  function time(iso) {
    return iso.replace('T', ' ').replace('Z', '').slice(0, 23);
  }

  /** Milliseconds as 850ms, 12.3s, 4m05s or 2h07m. */
  function age(millis) {
    if (millis < 1000) return millis + 'ms';
    if (millis < 60000) return (millis / 1000).toFixed(1) + 's';
    const minutes = Math.floor(millis / 60000);
    const seconds = String(Math.floor(millis / 1000) % 60).padStart(2, '0');
    if (minutes < 60) return minutes + 'm' + seconds + 's';
    return Math.floor(minutes / 60) + 'h' + String(minutes % 60).padStart(2, '0') + 'm';
  }

  /** Shows or hides a details row with preformatted text under a table row. */
  function toggleDetails(row, columns, text) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains('details')) {
      next.remove();
      return;
    }
    row.after(el('tr', { class: 'details' }, el('td', { colspan: columns }, el('pre', {}, text))));
  }

  document.addEventListener('DOMContentLoaded', renderBar);
  return { el, getJson, postJson, status, time, age, toggleDetails };
})();

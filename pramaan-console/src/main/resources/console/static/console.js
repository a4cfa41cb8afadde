// Pramaan console: progressive enhancement only; every page works without it. Served from this server (CSP script-src 'self').
(function () {
  'use strict';
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  }
  // The server's "now" when the page was made; countdowns run from it so the page shows the server's clock.
  var offset = Number(meta('server-now')) - Date.now();
  function now() { return Date.now() + offset; }

  // Every htmx POST carries the session's CSRF token (the server refuses one without it).
  document.addEventListener('htmx:configRequest', function (e) {
    e.detail.headers['X-CSRF-Token'] = meta('csrf-token');
  });

  function two(n) { return (n < 10 ? '0' : '') + n; }
  function format(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return (ms < 0 ? '-' : '') + h + ':' + two(m) + ':' + two(s % 60);
  }
  // Colour by the share of the clock's time used against the rule pack's escalation thresholds (as QueueRow.urgency).
  function urgency(start, deadline, thresholds, t) {
    if (t > deadline) return 'breached';
    if (!thresholds.length) return 'ok';
    var used = (t - start) / Math.max(1, deadline - start);
    if (used >= Math.max.apply(null, thresholds)) return 'urgent';
    if (used >= Math.min.apply(null, thresholds)) return 'warn';
    return 'ok';
  }
  function tick() {
    var t = now();
    document.querySelectorAll('.countdown[data-deadline]').forEach(function (el) {
      var deadline = Number(el.dataset.deadline), start = Number(el.dataset.start);
      var thresholds = (el.dataset.escalate || '').split(',').filter(Boolean).map(Number);
      var u = urgency(start, deadline, thresholds, t);
      el.textContent = u === 'breached' ? el.dataset.breached + ' ' + format(deadline - t) : format(deadline - t);
      el.className = 'countdown urgency-' + u;
      var row = el.closest('tr.row');
      if (row) row.className = row.className.replace(/urgency-\w+/, 'urgency-' + u);
    });
  }

  // Queue shortcuts: j / k move between cases, Enter opens the focused one (a link, so the browser does it).
  function links() { return Array.prototype.slice.call(document.querySelectorAll('#queue a.case-link')); }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || tag === 'select') return;
    // Case view: c claims the case (submits the claim form), e moves to the escalation note.
    if (e.key === 'c' && document.getElementById('claim-form')) {
      document.getElementById('claim-form').submit();
      e.preventDefault();
      return;
    }
    if (e.key === 'e' && document.getElementById('escalate-note')) {
      document.getElementById('escalate-note').focus();
      e.preventDefault();
      return;
    }
    if (e.key !== 'j' && e.key !== 'k') return;
    var all = links();
    if (!all.length) return;
    var i = all.indexOf(document.activeElement);
    i = e.key === 'j' ? Math.min(all.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    all.forEach(function (a) { a.closest('tr').classList.remove('selected'); });
    all[i].focus();
    all[i].closest('tr').classList.add('selected');
    e.preventDefault();
  });

  // Reveal / hide one shielded item; media stays muted until revealed.
  document.addEventListener('click', function (e) {
    var b = e.target.closest('button.reveal');
    if (!b) return;
    var item = document.getElementById(b.dataset.target);
    if (!item) return;
    var shown = item.classList.toggle('revealed');
    b.setAttribute('aria-pressed', shown ? 'true' : 'false');
    b.textContent = shown ? b.dataset.hide : b.dataset.show;
    item.querySelectorAll('video, audio').forEach(function (m) { m.muted = !shown; });
  });

  // A matched vPDQ segment (bar or list button) seeks the case's video to the segment's start.
  document.addEventListener('click', function (e) {
    var el = e.target.closest('[data-seek]');
    if (!el) return;
    var v = document.querySelector('#media-1 video');
    var t = parseFloat(el.getAttribute('data-seek'));
    if (!v || !isFinite(t)) return;
    v.currentTime = t;
    v.focus();
  });

  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
  });
})();

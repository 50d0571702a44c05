/*
 * The gateway's web chat widget. Embed it with
 *   <script src="https://gateway.example.com/chat/widget.js" data-inbox="web" async></script>
 * Optional attributes: data-title, data-open="true", data-container="#css-selector" (inline instead of a
 * floating button), and for a logged-in customer data-visitor-id + data-visitor-signature (hex HMAC-SHA256 of
 * the id with the inbox secret, computed by the site's server) and data-visitor-name.
 *
 * Messages wait in an outbox (localStorage) until the server says they are on the broker; the outbox is sent
 * again after every reconnect, and the client message id makes a repeat the same message. Agent messages carry
 * a cursor; a reconnect asks for those after the last one shown, so none is lost or shown twice.
 * No dependencies; the widget lives in a shadow root so the host page's styles do not reach it.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[data-inbox][src*="widget.js"]');
  if (!script || !script.getAttribute('data-inbox')) {
    return;
  }
  var inbox = script.getAttribute('data-inbox');
  var server = new URL(script.src, location.href).origin;
  var options = {
    title: script.getAttribute('data-title') || 'Chat with us',
    open: script.getAttribute('data-open') === 'true',
    container: script.getAttribute('data-container'),
    visitorId: script.getAttribute('data-visitor-id'),
    signature: script.getAttribute('data-visitor-signature'),
    name: script.getAttribute('data-visitor-name')
  };
  /** The server could not identify the visitor: reconnecting would not help. */
  var FATAL_CLOSE = { 4400: true, 4401: true, 4403: true };
  var MAX_TRANSCRIPT = 200;
  var REST_AFTER_FAILED_SOCKETS = 3;

  // ---- storage: the visitor, the outbox, the transcript and the cursor survive reloads and reconnects ----

  var storageKey = 'omnichannel-chat:' + server + ':' + inbox + ':' + (options.visitorId || 'anonymous');
  var memory = {};
  function load() {
    try {
      return JSON.parse(localStorage.getItem(storageKey) || 'null');
    } catch (e) {
      return memory[storageKey] || null;
    }
  }
  function save() {
    state.transcript = state.transcript.slice(-MAX_TRANSCRIPT);
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) {
      memory[storageKey] = state;
    }
  }
  function randomId(bytes) {
    var values = new Uint8Array(bytes);
    crypto.getRandomValues(values);
    return Array.prototype.map.call(values, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function newMessageId() {
    return crypto.randomUUID ? crypto.randomUUID() : randomId(16);
  }

  var state = load() || { visitorId: randomId(16), cursor: 0, delivered: 0, read: 0, outbox: [], transcript: [] };
  var visitorId = options.visitorId || state.visitorId;

  // ---- the view ----

  var host = document.createElement('div');
  host.className = 'omnichannel-chat';
  var root = host.attachShadow({ mode: 'open' });
  var inline = !!options.container;
  root.innerHTML =
    '<style>' + css() + '</style>' +
    (inline ? '' : '<button class="launcher" type="button" aria-controls="panel" aria-expanded="false">' +
      '<span aria-hidden="true">&#128172;</span><span class="visually-hidden"></span></button>') +
    '<section class="panel' + (inline ? ' inline' : '') + '" id="panel" role="dialog" aria-labelledby="title">' +
      '<header><h2 id="title"></h2>' +
      (inline ? '' : '<button class="close" type="button" aria-label="Close the chat">&times;</button>') + '</header>' +
      '<p class="connection" role="status" aria-live="polite"></p>' +
      '<ol class="log" role="log" aria-live="polite" aria-label="Messages"></ol>' +
      '<p class="wait" role="status" aria-live="polite" hidden></p>' +
      '<form class="compose"><label class="visually-hidden" for="text">Your message</label>' +
      '<textarea id="text" name="text" dir="auto" rows="2" placeholder="Write a message…" required></textarea>' +
      '<button type="submit">Send</button></form>' +
    '</section>';
  var panel = root.querySelector('.panel');
  var log = root.querySelector('.log');
  var waitNote = root.querySelector('.wait');
  var connectionNote = root.querySelector('.connection');
  var form = root.querySelector('form');
  var textarea = root.querySelector('textarea');
  var launcher = root.querySelector('.launcher');
  root.querySelector('#title').textContent = options.title;
  if (launcher) {
    launcher.querySelector('.visually-hidden').textContent = options.title;
    launcher.addEventListener('click', function () { setOpen(panel.hidden); });
    root.querySelector('.close').addEventListener('click', function () { setOpen(false); launcher.focus(); });
  }
  var isOpen = inline || options.open;
  panel.hidden = !isOpen;
  if (launcher) {
    launcher.setAttribute('aria-expanded', String(isOpen));
  }
  (inline ? document.querySelector(options.container) || document.body : document.body).appendChild(host);

  function setOpen(open) {
    isOpen = open;
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      textarea.focus();
      acknowledge();
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = textarea.value.trim();
    if (!text) {
      return;
    }
    textarea.value = '';
    var entry = { clientMessageId: newMessageId(), text: text };
    state.outbox.push(entry);
    state.transcript.push({ kind: 'visitor', clientMessageId: entry.clientMessageId, text: text, at: new Date().toISOString(), status: 'pending' });
    save();
    render();
    transport.send(entry);
  });
  textarea.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  document.addEventListener('visibilitychange', acknowledge);

  var TICKS = {
    pending: ['\u{1F552}', 'sending'], failed: ['!', 'not sent'], sent: ['\u2713', 'sent'],
    delivered: ['\u2713\u2713', 'delivered'], read: ['\u2713\u2713', 'read']
  };

  function render() {
    log.textContent = '';
    state.transcript.forEach(function (entry) {
      var item = document.createElement('li');
      item.className = 'bubble ' + entry.kind;
      item.setAttribute('dir', 'auto');
      item.dataset.status = entry.status;
      if (entry.id) { item.dataset.id = entry.id; }
      if (entry.clientMessageId) { item.dataset.clientMessageId = entry.clientMessageId; }
      var who = document.createElement('span');
      who.className = 'visually-hidden';
      who.textContent = entry.kind === 'agent' ? 'Agent: ' : 'You: ';
      var text = document.createElement('p');
      text.className = 'text';
      text.setAttribute('dir', 'auto');
      text.textContent = entry.text;
      item.appendChild(who);
      item.appendChild(text);
      (entry.attachments || []).forEach(function (attachment) {
        if (/^https?:\/\//.test(attachment.ref || '')) {
          var link = document.createElement('a');
          link.href = attachment.ref;
          link.rel = 'noopener noreferrer';
          link.target = '_blank';
          link.textContent = attachment.name || attachment.ref;
          item.appendChild(link);
        }
      });
      var meta = document.createElement('span');
      meta.className = 'meta';
      var time = document.createElement('time');
      time.dateTime = entry.at;
      time.textContent = new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      meta.appendChild(time);
      var tick = TICKS[entry.status] || TICKS.sent;
      var mark = document.createElement('span');
      mark.className = 'tick';
      mark.textContent = tick[0];
      mark.setAttribute('aria-label', tick[1]);
      mark.title = tick[1];
      meta.appendChild(mark);
      item.appendChild(meta);
      if (entry.error) {
        var error = document.createElement('span');
        error.className = 'error';
        error.textContent = entry.error;
        item.appendChild(error);
      }
      log.appendChild(item);
    });
    log.scrollTop = log.scrollHeight;
    showWait();
  }

  function findOutbox(clientMessageId) {
    return state.outbox.filter(function (e) { return e.clientMessageId === clientMessageId; })[0];
  }

  function findVisitor(clientMessageId) {
    return state.transcript.filter(function (e) { return e.clientMessageId === clientMessageId; })[0];
  }

  // ---- what the server says ----

  var expectedWait = null;
  function showWait() {
    var last = state.transcript[state.transcript.length - 1];
    var waiting = expectedWait !== null && last && last.kind === 'visitor';
    waitNote.hidden = !waiting;
    if (waiting) {
      var minutes = Math.round(expectedWait / 60);
      waitNote.textContent = minutes < 1 ? 'An agent will be with you in less than a minute.'
        : 'Expected wait: about ' + minutes + (minutes === 1 ? ' minute.' : ' minutes.');
    }
  }

  function accepted(clientMessageId, id) {
    state.outbox = state.outbox.filter(function (e) { return e.clientMessageId !== clientMessageId; });
    var entry = findVisitor(clientMessageId);
    if (entry) {
      entry.status = 'sent';
      entry.id = id;
      delete entry.error;
    }
    save();
    render();
  }

  function agentMessage(frame) {
    var known = state.transcript.filter(function (e) { return e.kind === 'agent' && e.id === frame.id; })[0];
    if (known) {
      known.status = frame.status || known.status;
    } else if (frame.cursor > state.cursor) {
      state.transcript.push({ kind: 'agent', id: frame.id, cursor: frame.cursor, text: frame.text,
        at: frame.sentAt || new Date().toISOString(), status: frame.status || 'sent', attachments: frame.attachments });
    }
    state.cursor = Math.max(state.cursor, frame.cursor);
    save();
    render();
  }

  function status(frame) {
    state.transcript.forEach(function (e) {
      if (e.kind === 'agent' && e.id === frame.id && (e.status !== 'read' || frame.status === 'read')) {
        e.status = frame.status;
      }
    });
    if (frame.status === 'read') { state.read = Math.max(state.read, cursorOf(frame.id)); }
    state.delivered = Math.max(state.delivered, cursorOf(frame.id));
    save();
    render();
  }

  function cursorOf(id) {
    var entry = state.transcript.filter(function (e) { return e.id === id; })[0];
    return entry && entry.cursor ? entry.cursor : 0;
  }

  function refused(frame) {
    var entry = frame.clientMessageId && findVisitor(frame.clientMessageId);
    if (entry && (frame.status === 400 || frame.status === 413)) {
      // never accepted, never will be: out of the outbox, marked in the transcript
      state.outbox = state.outbox.filter(function (e) { return e.clientMessageId !== frame.clientMessageId; });
      entry.status = 'failed';
      entry.error = frame.detail;
      save();
      render();
    } else if (frame.status === 429 || frame.status === 503) {
      setTimeout(function () { transport.flush(); }, 2000);
    }
  }

  /**
   * Delivered when the widget has them, read when they were on a visible, open panel; one ack for a
   * whole catch-up, so a reconnect does not spend the visitor's frame rate.
   */
  var ackTimer = null;
  function acknowledge() {
    clearTimeout(ackTimer);
    ackTimer = setTimeout(sendAcks, 150);
  }
  function sendAcks() {
    if (state.cursor > state.delivered) {
      state.delivered = state.cursor;
      transport.ack(state.cursor, 'delivered');
    }
    if (isOpen && document.visibilityState === 'visible' && state.cursor > state.read) {
      state.read = state.cursor;
      transport.ack(state.cursor, 'read');
    }
    save();
  }

  function handle(frame) {
    switch (frame.type) {
      case 'ready':
        connectionNote.textContent = '';
        if (frame.cursor < state.cursor) {
          // the server has fewer replies than this widget saw (its store was reset): follow the server
          state.cursor = state.delivered = state.read = frame.cursor;
          save();
        }
        transport.flush();
        break;
      case 'accepted':
        accepted(frame.clientMessageId, frame.id);
        break;
      case 'message':
        agentMessage(frame);
        acknowledge();
        break;
      case 'status':
        status(frame);
        break;
      case 'wait':
        expectedWait = frame.expectedWaitSeconds;
        showWait();
        break;
      case 'error':
        refused(frame);
        break;
    }
  }

  // ---- transports: the socket, and plain HTTP when sockets cannot be opened ----

  var socketTransport = {
    socket: null, ready: false, attempts: 0, failedOpens: 0, timer: null, stopped: false, sessions: 0,
    start: function () {
      var self = this;
      var ws;
      try {
        ws = new WebSocket(server.replace(/^http/, 'ws') + '/chat/ws/' + encodeURIComponent(inbox));
      } catch (e) {
        useRest();
        return;
      }
      var opened = false;
      self.socket = ws;
      ws.onopen = function () {
        opened = true;
        self.attempts = 0;
        self.failedOpens = 0;
        ws.send(JSON.stringify(hello()));
      };
      ws.onmessage = function (event) {
        var frame;
        try { frame = JSON.parse(event.data); } catch (e) { return; }
        if (frame.type === 'ready') { self.ready = true; self.sessions++; }
        handle(frame);
      };
      ws.onclose = function (event) {
        self.socket = null;
        self.ready = false;
        if (self.stopped) { return; }
        if (FATAL_CLOSE[event.code]) {
          connectionNote.textContent = 'The chat is not available on this page.';
          return;
        }
        if (!opened && ++self.failedOpens >= REST_AFTER_FAILED_SOCKETS) {
          useRest();
          return;
        }
        connectionNote.textContent = 'Reconnecting…';
        self.reconnect();
      };
    },
    reconnect: function () {
      var self = this;
      var delay = Math.min(30000, 500 * Math.pow(2, self.attempts++)) * (0.75 + Math.random() / 2);
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.start(); }, delay);
    },
    send: function (entry) {
      if (this.ready) {
        this.socket.send(JSON.stringify({ type: 'message', clientMessageId: entry.clientMessageId, text: entry.text }));
      }
    },
    /** The outbox again: a burst, then paced under the server's rate (adapters.chat.messages-per-second). */
    flush: function () {
      var self = this;
      var socket = self.socket;
      state.outbox.slice().forEach(function (entry, i) {
        setTimeout(function () {
          if (self.socket === socket && findOutbox(entry.clientMessageId)) { self.send(entry); }
        }, i < 20 ? 0 : (i - 19) * 250);
      });
    },
    ack: function (cursor, status) {
      if (this.ready) {
        this.socket.send(JSON.stringify({ type: 'ack', cursor: cursor, status: status }));
      }
    },
    drop: function () {
      if (this.socket) { this.socket.close(3000, 'dropped'); }
    }
  };

  var restTransport = {
    polling: false, started: false,
    headers: function () {
      var headers = { 'Content-Type': 'application/json', 'X-Chat-Visitor': visitorId };
      if (options.signature) { headers['X-Chat-Signature'] = options.signature; }
      if (options.name) { headers['X-Chat-Name'] = encodeURIComponent(options.name); }
      if (navigator.language) { headers['X-Chat-Language'] = navigator.language; }
      headers['X-Chat-Page'] = location.href.slice(0, 500);
      return headers;
    },
    url: function (path) { return server + '/chat/api/' + encodeURIComponent(inbox) + path; },
    start: function () {
      this.started = true;
      connectionNote.textContent = '';
      this.flush();
      this.poll(0);
      var self = this;
      fetch(this.url('/expected-wait')).then(function (r) { return r.status === 200 ? r.json() : null; })
        .then(function (wait) { if (wait) { handle(wait); } }).catch(function () { });
    },
    poll: function (delay) {
      var self = this;
      setTimeout(function () {
        fetch(self.url('/messages?wait=25&after=' + state.cursor), { headers: self.headers() })
          .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
          .then(function (body) { body.messages.forEach(function (m) { handle(m); }); self.poll(0); })
          .catch(function () { self.poll(3000); });
      }, delay);
    },
    send: function (entry) {
      var self = this;
      fetch(this.url('/messages'), { method: 'POST', headers: this.headers(),
        body: JSON.stringify({ clientMessageId: entry.clientMessageId, text: entry.text }) })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (result) {
          if (result.ok) { accepted(entry.clientMessageId, result.body.id); } else {
            result.body.clientMessageId = entry.clientMessageId;
            refused(result.body);
          }
        })
        .catch(function () { setTimeout(function () { self.send(entry); }, 3000); });
    },
    flush: function () {
      var self = this;
      state.outbox.forEach(function (entry) { self.send(entry); });
    },
    ack: function (cursor, ackStatus) {
      fetch(this.url('/acks'), { method: 'POST', headers: this.headers(), body: JSON.stringify({ cursor: cursor, status: ackStatus }) })
        .then(function (r) { return r.ok ? r.json() : { acknowledged: [] }; })
        .then(function (body) { body.acknowledged.forEach(function (id) { status({ id: id, status: ackStatus }); }); })
        .catch(function () { });
    },
    drop: function () { }
  };

  var transport = socketTransport;
  function useRest() {
    socketTransport.stopped = true;
    transport = restTransport;
    restTransport.start();
  }

  function hello() {
    var frame = { type: 'hello', visitorId: visitorId, after: state.cursor, page: location.href.slice(0, 500) };
    if (options.signature) { frame.signature = options.signature; }
    if (options.name) { frame.name = options.name; }
    if (navigator.language) { frame.language = navigator.language; }
    return frame;
  }

  render();
  if (typeof WebSocket === 'function') {
    socketTransport.start();
  } else {
    useRest();
  }

  /** For the page and its tests: the state, and a way to cut the connection as a network drop would. */
  window.OmnichannelChat = window.OmnichannelChat || {};
  window.OmnichannelChat[inbox] = {
    state: function () { return JSON.parse(JSON.stringify(state)); },
    dropConnection: function () { transport.drop(); },
    sessions: function () { return socketTransport.sessions; },
    open: function () { if (launcher) { setOpen(true); } }
  };

  function css() {
    return [
      ':host { all: initial; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Vazirmatn", Tahoma, sans-serif; color: #1d2433; }',
      '.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }',
      '.launcher { position: fixed; inset-block-end: 20px; inset-inline-end: 20px; width: 56px; height: 56px; border-radius: 50%;',
      '  border: none; background: #1f5fd1; color: #fff; font-size: 26px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 2147483646; }',
      '.launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #f4b400; outline-offset: 2px; }',
      '.panel { position: fixed; inset-block-end: 88px; inset-inline-end: 20px; width: min(370px, calc(100vw - 40px));',
      '  height: min(540px, calc(100vh - 120px)); display: flex; flex-direction: column; background: #fff; border-radius: 14px;',
      '  box-shadow: 0 8px 30px rgba(0,0,0,.22); overflow: hidden; z-index: 2147483647; }',
      '.panel.inline { position: static; width: 100%; height: 520px; box-shadow: 0 1px 4px rgba(0,0,0,.18); }',
      '.panel[hidden] { display: none; }',
      'header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; background: #1f5fd1; color: #fff; }',
      'h2 { margin: 0; font-size: 16px; font-weight: 600; }',
      '.close { background: none; border: none; color: #fff; font-size: 24px; line-height: 1; cursor: pointer; padding: 0 4px; }',
      '.connection:empty, .wait[hidden] { display: none; }',
      '.connection, .wait { margin: 0; padding: 6px 16px; font-size: 13px; background: #fff7e0; color: #5c4400; }',
      '.log { flex: 1; margin: 0; padding: 12px; list-style: none; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; background: #f4f6fa; }',
      '.bubble { max-width: 80%; padding: 8px 12px; border-radius: 14px; overflow-wrap: anywhere; }',
      '.bubble .text { margin: 0; white-space: pre-wrap; unicode-bidi: plaintext; }',
      '.bubble.visitor { align-self: flex-end; background: #1f5fd1; color: #fff; border-end-end-radius: 4px; }',
      '.bubble.agent { align-self: flex-start; background: #fff; border: 1px solid #dde3ee; border-end-start-radius: 4px; }',
      '.bubble a { display: block; color: inherit; }',
      '.meta { display: flex; gap: 6px; justify-content: flex-end; font-size: 11px; opacity: .8; margin-block-start: 2px; }',
      '.bubble[data-status="read"] .tick { color: #0a8f4f; font-weight: 700; }',
      '.bubble.visitor[data-status="failed"] { background: #b3261e; }',
      '.error { display: block; font-size: 12px; }',
      '.compose { display: flex; gap: 8px; padding: 10px; border-block-start: 1px solid #dde3ee; }',
      'textarea { flex: 1; resize: none; font: inherit; padding: 8px 10px; border: 1px solid #b9c2d3; border-radius: 10px; }',
      '.compose button { border: none; border-radius: 10px; padding: 0 16px; background: #1f5fd1; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }',
      '@media (max-width: 480px) { .panel:not(.inline) { inset: 0; width: 100vw; height: 100vh; border-radius: 0; } }'
    ].join('\n');
  }
})();

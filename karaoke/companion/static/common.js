/* What the student and teacher pages share: a WebSocket that reconnects, the server clock,
 * and DOM helpers. Text from the song or from students is only ever put in the page as text
 * (textContent, text nodes): never as HTML. */
"use strict";

const Companion = (() => {
  /** An element with a class and text, built without HTML parsing. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** The URL if it is absolute http(s), else null (no javascript:, data:, …). */
  function safeUrl(text) {
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function stored(key, fallback) {
    try {
      const value = window.localStorage.getItem(key);
      return value === null ? fallback : value;
    } catch (error) {
      return fallback; // private mode, storage disabled
    }
  }

  function store(key, value) {
    try {
      window.localStorage.setItem(key, String(value));
    } catch (error) {
      /* not kept: fine */
    }
  }

  /** The server's clock estimated NTP-style: of the recent ping/pong samples, the offsets
   * of the lowest round trips are the most trustworthy (least queueing); take their median.
   * Samples last one connection only: a phone that slept may come back with its own clock
   * minutes away from the server's (it stood still, or jumped), and a sample from before the
   * sleep would win by its short round trip. */
  class ServerClock {
    constructor() {
      this.samples = [];
      this.offset = null; // server_ms - performance.now()
    }

    /** Forget every sample (a new connection). */
    reset() {
      this.samples = [];
      this.offset = null;
    }

    /** A first estimate from a server stamp just received (the welcome), good to a one-way
     * trip, until the first pong gives a measured one. */
    rough(serverMs) {
      if (this.samples.length === 0 && Number.isFinite(serverMs)) this.offset = serverMs - performance.now();
    }

    sample(clientMs, serverMs) {
      const now = performance.now();
      const rtt = now - clientMs;
      if (!(rtt >= 0) || rtt > 10000) return;
      this.samples.push({ rtt, offset: serverMs + rtt / 2 - now });
      if (this.samples.length > 24) this.samples.shift();
      const best = this.samples.slice().sort((a, b) => a.rtt - b.rtt).slice(0, 5);
      const offsets = best.map((s) => s.offset).sort((a, b) => a - b);
      this.offset = offsets[Math.floor(offsets.length / 2)];
    }

    /** The server's clock now, in ms, or null before the first pong. */
    now() {
      return this.offset === null ? null : performance.now() + this.offset;
    }
  }

  /** A WebSocket to `path` that pings for the clock and reconnects with backoff (1 s to
   * 15 s, with jitter so that a class of phones does not reconnect all at once). */
  class Link {
    constructor(path, onMessage, onStatus) {
      this.path = path;
      this.onMessage = onMessage;
      this.onStatus = onStatus;
      this.clock = new ServerClock();
      this.delay = 1000;
      this.socket = null;
      this.timers = [];
      this.refused = false;
    }

    connect() {
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      const socket = new WebSocket(scheme + "//" + location.host + this.path);
      this.socket = socket;
      this.onStatus("connecting");
      socket.addEventListener("open", () => {
        this.delay = 1000;
        this.clock.reset();
        this.onStatus("open");
        // A burst of pings to learn the clock quickly, then one every few seconds.
        for (let i = 0; i < 8; i += 1) this.later(() => this.ping(), i * 150);
        this.pinger = setInterval(() => this.ping(), 3000);
      });
      socket.addEventListener("message", (event) => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch (error) {
          return;
        }
        if (message.type === "pong") this.clock.sample(message.client_ms, message.server_ms);
        // Its stamp is now, unlike a state's, which may be minutes old (kept while paused).
        if (message.type === "welcome") this.clock.rough(message.server_ms);
        this.onMessage(message);
      });
      socket.addEventListener("close", (event) => this.closed(event));
    }

    closed(event) {
      clearInterval(this.pinger);
      this.timers.forEach(clearTimeout);
      this.timers = [];
      this.socket = null;
      // 4403: the console made a new remote code, so this link is refused from now on.
      if (event.code === 4403) {
        this.onStatus("replaced");
        return;
      }
      // 1008 (too many messages) or a refused upgrade: try again, but slowly.
      this.onStatus(event.code === 1008 ? "refused" : "closed");
      const wait = this.delay * (0.75 + Math.random() / 2);
      this.delay = Math.min(this.delay * 2, 15000);
      this.later(() => this.connect(), wait);
    }

    later(action, ms) {
      this.timers.push(setTimeout(action, ms));
    }

    ping() {
      this.send({ type: "ping", client_ms: performance.now() });
    }

    send(message) {
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify(message));
        return true;
      }
      return false;
    }
  }

  /** The media position (ms) from the last state message and the server clock:
   * position_ms + (server_now - server_ms) * rate while playing; null before any state. */
  function mediaTime(state, clock) {
    if (!state) return null;
    let position = state.position_ms;
    if (state.playing) {
      const serverNow = clock.now();
      const elapsed =
        serverNow === null ? performance.now() - state.receivedAt : serverNow - state.server_ms;
      position += Math.max(0, elapsed) * state.rate;
    }
    return position;
  }

  /** The lyrics time (ms): the media position minus the session's lyrics offset, which every
   * state carries (the teacher may nudge it while presenting). */
  function lyricsTime(state, clock) {
    const media = mediaTime(state, clock);
    return media === null ? null : media - (state.offset_ms || 0);
  }

  /** The page's language: the one chosen before on this phone, else the phone's own (es/en). */
  function pageLanguage() {
    const phone = (navigator.language || "es").toLowerCase().startsWith("es") ? "es" : "en";
    return stored("karaoke.lang", phone);
  }

  /** A song text given per language ({es, en}) in ``lang``, else in another, else "". */
  function localText(texts, lang) {
    return texts ? texts[lang] || texts.es || texts.en || "" : "";
  }

  /** The connection's status on the page: #status says it (``say`` gives the words),
   * <body data-connected> tells the tests. */
  function showStatus(page, say, status) {
    page.status = status;
    document.body.dataset.connected = String(status === "open");
    document.getElementById("status").textContent = say(status);
  }

  return {
    el, safeUrl, stored, store, ServerClock, Link, mediaTime, lyricsTime,
    pageLanguage, localText, showStatus,
  };
})();

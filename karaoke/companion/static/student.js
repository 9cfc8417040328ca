/* The student page: the song's current line with its word wipe, the stanza's science, and the
 * checkpoint questions. State for tests lives on <body data-…>. Never uses HTML strings. */
"use strict";

(() => {
  const { el, safeUrl, stored, store, Link, mediaTime, lyricsTime } = Companion;
  const { TEXT, REFUSALS } = StudentText;

  const SIZES = [0.85, 1, 1.15, 1.3, 1.5, 1.75, 2];
  /** The server's longest nickname, in characters (code points: an emoji is one). */
  const NICKNAME_CHARS = 24;
  const $ = (id) => document.getElementById(id);
  const body = document.body;

  const page = {
    lang: Companion.pageLanguage(),
    size: Number(stored("karaoke.size", "1")) || 1,
    song: null,
    state: null,
    status: "connecting",
    line: null, // index of the line shown, or null
    stanza: null,
    words: [], // [{span, start, end}] of the line shown
    question: null,
    answer: null,
    reveal: null,
    nicknameSent: null, // the nickname sent, until the server keeps or refuses it
    nicknameNote: null, // [key, detail] of what the page says about it, or null
  };
  const t = (key) => TEXT[page.lang][key];
  const local = (texts) => Companion.localText(texts, page.lang);

  // Settings: language, text size, contrast ------------------------------------------------

  function applySettings() {
    document.documentElement.lang = page.lang;
    document.documentElement.style.setProperty("--scale", String(page.size));
    body.classList.toggle("high-contrast", stored("karaoke.contrast", "0") === "1");
    $("contrast").setAttribute("aria-pressed", String(body.classList.contains("high-contrast")));
    for (const [id, key] of [["smaller", "smaller"], ["larger", "larger"], ["contrast", "contrast"], ["language", "language"]]) {
      $(id).title = t(key);
      $(id).setAttribute("aria-label", t(key));
    }
    $("language").textContent = t("languageShort");
    $("glossary-heading").textContent = t("glossary");
    $("references-heading").textContent = t("references");
    $("question-heading").textContent = t("question");
    $("nickname-label").textContent = t("nickname");
    $("nickname-send").textContent = t("send");
    showNicknameNote();
    $("status").textContent = t(page.status);
  }

  function resize(step) {
    const index = SIZES.findIndex((size) => size >= page.size);
    const next = SIZES[Math.min(SIZES.length - 1, Math.max(0, (index < 0 ? 1 : index) + step))];
    page.size = next;
    store("karaoke.size", next);
    applySettings();
  }

  $("smaller").addEventListener("click", () => resize(-1));
  $("larger").addEventListener("click", () => resize(1));
  $("contrast").addEventListener("click", () => {
    store("karaoke.contrast", body.classList.contains("high-contrast") ? "0" : "1");
    applySettings();
  });
  $("language").addEventListener("click", () => {
    page.lang = page.lang === "es" ? "en" : "es";
    store("karaoke.lang", page.lang);
    applySettings();
    page.stanza = undefined; // draw the stanza and question again in the new language
    showQuestion();
  });

  // The song and the line ---------------------------------------------------------------

  async function loadSong() {
    const response = await fetch("/song.json", { cache: "no-store" });
    page.song = await response.json();
    $("song-title").textContent = page.song.title || "";
    document.title = page.song.title || document.title;
    page.line = undefined;
    page.stanza = undefined;
  }

  /** The index of the last line that has started at `ms` (binary search), or -1. */
  function lineAt(ms) {
    const lines = page.song.lines;
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lines[mid].start_ms <= ms) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  /** Word timings of a line; a line without them gets its words spread over its time by
   * their length, as the app's estimate does. */
  function timedWords(line) {
    if (line.words && line.words.length) return line.words;
    const found = [...line.text.matchAll(/\S+/g)];
    const total = found.reduce((sum, m) => sum + m[0].length, 0) || 1;
    const span = Math.max(0, line.end_ms - line.start_ms);
    let at = line.start_ms;
    return found.map((m) => {
      const start = at;
      at += (span * m[0].length) / total;
      return { text: m[0], start_ms: start, end_ms: at, char_start: m.index };
    });
  }

  function drawLine(index) {
    const lines = page.song.lines;
    const current = $("current-line");
    current.replaceChildren();
    page.words = [];
    const line = index >= 0 ? lines[index] : null;
    if (line) {
      let at = 0;
      for (const word of timedWords(line)) {
        if (word.char_start > at) current.append(line.text.slice(at, word.char_start));
        const span = el("span", "word", line.text.slice(word.char_start, word.char_start + word.text.length));
        current.append(span);
        page.words.push({ span, start: word.start_ms, end: word.end_ms, shown: -1 });
        at = word.char_start + word.text.length;
      }
      current.append(line.text.slice(at));
    }
    $("translation-line").textContent = line ? line.translation || "" : "";
    const next = lines[index + 1];
    $("next-line").textContent = next ? next.text : "";
    body.dataset.line = index >= 0 ? String(index) : "";
  }

  function wipe(ms) {
    for (const word of page.words) {
      const length = word.end - word.start;
      const done = ms >= word.end ? 1 : ms <= word.start || length <= 0 ? 0 : (ms - word.start) / length;
      const shown = Math.round(done * 100) / 100;
      if (shown !== word.shown) {
        word.shown = shown;
        word.span.style.setProperty("--p", String(shown));
        word.span.classList.toggle("sung", shown >= 1);
      }
    }
  }

  function stanzaOf(lineIndex) {
    const stanzas = page.song.stanzas;
    for (let i = 0; i < stanzas.length; i += 1) {
      if (stanzas[i].first_line <= lineIndex && lineIndex < stanzas[i].end_line) return i;
    }
    return null;
  }

  // The stanza's science ------------------------------------------------------------------

  /** A safe Markdown subset: paragraphs, "- " lists, **bold**, *italic*, [text](http…). */
  function renderMarkdown(container, source) {
    container.replaceChildren();
    for (const block of (source || "").trim().split(/\n\s*\n/)) {
      let paragraph = [];
      let list = null;
      const flush = () => {
        if (paragraph.length) container.append(inline(el("p"), paragraph.join(" ")));
        paragraph = [];
      };
      for (const raw of block.split("\n")) {
        const item = raw.match(/^\s*[-*]\s+(.*)$/);
        if (item) {
          flush();
          if (!list) container.append((list = el("ul")));
          list.append(inline(el("li"), item[1]));
        } else if (raw.trim()) {
          list = null;
          paragraph.push(raw.trim());
        }
      }
      flush();
    }
  }

  function inline(parent, text) {
    const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      parent.append(text.slice(last, match.index));
      if (match[1] !== undefined) parent.append(inline(el("strong"), match[1]));
      else if (match[2] !== undefined) parent.append(inline(el("em"), match[2]));
      else parent.append(link(match[3], match[4]));
      last = pattern.lastIndex;
    }
    parent.append(text.slice(last));
    return parent;
  }

  function link(text, target) {
    const url = safeUrl(target);
    if (!url) return document.createTextNode(text);
    const a = el("a", null, text);
    a.href = url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }

  function drawStanza(index) {
    const stanza = index === null ? null : page.song.stanzas[index];
    $("stanza").hidden = !stanza;
    body.dataset.stanza = index === null ? "" : String(index);
    if (!stanza) return;
    $("stanza-title").textContent = local(stanza.title);
    $("key-idea").textContent = local(stanza.key_idea);
    renderMarkdown($("explanation"), local(stanza.explanation));
    const glossary = $("glossary");
    glossary.replaceChildren();
    for (const term of stanza.glossary) glossary.append(el("dt", null, local(term.term)), el("dd", null, local(term.definition)));
    $("glossary-heading").hidden = stanza.glossary.length === 0;
    const references = $("references");
    references.replaceChildren();
    for (const reference of stanza.references) {
      const item = el("li");
      item.append(reference.url ? link(reference.title || reference.url, reference.url) : reference.title);
      references.append(item);
    }
    $("references-heading").hidden = stanza.references.length === 0;
  }

  // Every frame ---------------------------------------------------------------------------

  function frame() {
    requestAnimationFrame(frame);
    if (!page.song) return;
    const ms = lyricsTime(page.state, link_.clock);
    const index = ms === null ? -1 : lineAt(ms);
    if (index !== page.line) {
      page.line = index;
      drawLine(index);
    }
    if (ms !== null) wipe(ms);
    const stanza = index >= 0 ? stanzaOf(index) : null;
    const shownStanza = stanza === null && page.state && page.state.stanza !== null ? page.state.stanza : stanza;
    if (shownStanza !== page.stanza) {
      page.stanza = shownStanza;
      drawStanza(shownStanza);
    }
  }

  function showNotice() {
    const state = page.state;
    const notice = $("notice");
    const text = !state ? t("waiting") : state.blackout ? t("blackout") : state.teaching_pause ? t("pause") : "";
    notice.textContent = text;
    notice.hidden = !text;
    body.classList.toggle("blackout", Boolean(state && state.blackout));
  }

  // Checkpoints ---------------------------------------------------------------------------

  function showQuestion() {
    const question = page.question;
    $("checkpoint").hidden = !question;
    body.dataset.question = question ? question.id : "";
    body.dataset.answer = page.answer === null ? "" : String(page.answer);
    body.dataset.revealed = String(Boolean(page.reveal));
    if (!question) return;
    $("question-prompt").textContent = local(question.prompt);
    const options = $("options");
    options.replaceChildren();
    question.options.forEach((option, index) => {
      const button = el("button", "option", local(option));
      button.type = "button";
      button.id = "answer-" + index;
      button.setAttribute("aria-pressed", String(page.answer === index));
      button.disabled = Boolean(page.reveal);
      if (page.reveal && page.reveal.correct === index) button.classList.add("correct");
      if (page.answer === index) button.classList.add("chosen");
      button.addEventListener("click", () => link_.send({ type: "answer", question: question.id, option: index }));
      options.append(button);
    });
    $("answer-note").textContent = page.reveal ? t("locked") : page.answer === null ? t("choose") : t("chosen");
    const why = $("why");
    why.hidden = !page.reveal;
    why.textContent = page.reveal ? local(page.reveal.why) : "";
  }

  // Nicknames: said saved or refused only once the server answers; a refused one is never
  // kept, so it is not sent again when the page reconnects.

  /** ``text`` cut to the server's length in code points (never half of an emoji). */
  const cutNickname = (text) => Array.from(text).slice(0, NICKNAME_CHARS).join("");

  function sendNickname(nickname) {
    if (link_.send({ type: "nickname", nickname })) page.nicknameSent = nickname;
  }

  function showNicknameNote() {
    const note = page.nicknameNote;
    let text = "";
    if (note && note[0] === "saved") text = note[1] ? t("nicknameSaved").replace("%1", note[1]) : t("nicknameCleared");
    else if (note) text = t("nicknameRefused").replace("%1", t(note[1]));
    $("nickname-note").textContent = text;
  }

  function nicknameKept(kept) {
    if (page.nicknameSent === null) return;
    store("karaoke.nickname", page.nicknameSent);
    page.nicknameSent = null;
    page.nicknameNote = ["saved", kept];
    body.dataset.nickname = kept;
    showNicknameNote();
  }

  function nicknameRefused(reason) {
    if (page.nicknameSent === null || !/nickname/.test(reason)) return; // not about it
    if (stored("karaoke.nickname", "") === page.nicknameSent) store("karaoke.nickname", "");
    page.nicknameSent = null;
    const refusal = REFUSALS.find(([start]) => reason.startsWith(start));
    page.nicknameNote = ["refused", refusal ? refusal[1] : "refusedOther"];
    showNicknameNote();
  }

  $("nickname").addEventListener("input", () => {
    const field = $("nickname");
    const cut = cutNickname(field.value);
    if (cut !== field.value) field.value = cut;
  });
  $("nickname-send").addEventListener("click", () => sendNickname(cutNickname($("nickname").value.trim())));

  // Messages ------------------------------------------------------------------------------

  function clientId() {
    let id = stored("karaoke.client", "");
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      store("karaoke.client", id);
    }
    return id;
  }

  function onMessage(message) {
    switch (message.type) {
      case "welcome":
        link_.send({ type: "hello", client_id: clientId() });
        if (stored("karaoke.nickname", "")) sendNickname(stored("karaoke.nickname", ""));
        loadSong().catch(() => {});
        break;
      case "state":
        page.state = Object.assign(message, { receivedAt: performance.now() });
        showNotice();
        break;
      case "question":
        page.question = message.question;
        page.answer = null;
        page.reveal = null;
        showQuestion();
        break;
      case "answered":
        if (page.question && message.question === page.question.id) page.answer = message.option;
        showQuestion();
        break;
      case "reveal":
        if (page.question && message.question === page.question.id) page.reveal = message;
        showQuestion();
        break;
      case "nickname":
        nicknameKept(String(message.nickname));
        break;
      case "error":
        nicknameRefused(String(message.reason));
        break;
      default:
        break;
    }
  }

  const onStatus = (status) => Companion.showStatus(page, t, status);

  $("nickname").value = stored("karaoke.nickname", "");
  applySettings();
  showNotice();
  const link_ = new Link("/ws", onMessage, onStatus);
  // For the browser tests' sync measurement (tests/companion/test_browser.py): the *media*
  // position in ms this page estimates now — what its wipe uses, before the lyrics offset —
  // with the state it comes from, how many clock samples it has and whether it has an estimate
  // of the server's clock at all. Reads only.
  window.companionPosition = () => ({
    position_ms: mediaTime(page.state, link_.clock),
    state_server_ms: page.state ? page.state.server_ms : null,
    clock_samples: link_.clock.samples.length,
    clock_known: link_.clock.offset !== null,
  });
  link_.connect();
  requestAnimationFrame(frame);
})();

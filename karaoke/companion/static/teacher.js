/* The teacher's remote: a button per command, what is playing now, the live answers. The token
 * comes from this page's own address (?token=…) and goes only to this server's socket. */
"use strict";

(() => {
  const { el, stored, store, Link } = Companion;

  const TEXT = {
    es: {
      connecting: "Conectando…",
      open: "Conectado",
      closed: "Sin conexión. Reintentando…",
      refused: "Demasiados mensajes. Reintentando en un momento…",
      replaced: "Este enlace ya no funciona: escanea el código nuevo en la consola.",
      language: "Read in English",
      languageShort: "EN",
      playing: "Sonando",
      paused: "En pausa",
      blackoutOn: "Pantalla en negro",
      pauseOn: "Pausa para explicar",
      stanza: "Estrofa %1",
      answers: "%1 respuestas",
      right: "correcta",
      play_pause: "Reproducir / pausar",
      previous_line: "Verso anterior",
      next_line: "Verso siguiente",
      previous_stanza: "Estrofa anterior",
      next_stanza: "Estrofa siguiente",
      continue: "Continuar",
      blackout: "Pantalla en negro",
      show_question: "Mostrar la pregunta",
      reveal: "Mostrar la solución",
      close_question: "Cerrar la pregunta",
    },
    en: {
      connecting: "Connecting…",
      open: "Connected",
      closed: "Offline. Trying again…",
      refused: "Too many messages. Trying again in a moment…",
      replaced: "This link no longer works: scan the new code on the console.",
      language: "Leer en español",
      languageShort: "ES",
      playing: "Playing",
      paused: "Paused",
      blackoutOn: "Black-out",
      pauseOn: "Teaching pause",
      stanza: "Stanza %1",
      answers: "%1 answers",
      right: "right",
      play_pause: "Play / pause",
      previous_line: "Previous line",
      next_line: "Next line",
      previous_stanza: "Previous stanza",
      next_stanza: "Next stanza",
      continue: "Continue",
      blackout: "Black-out",
      show_question: "Show the question",
      reveal: "Reveal the answer",
      close_question: "Close the question",
    },
  };
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const page = {
    lang: Companion.pageLanguage(),
    status: "connecting",
    song: null,
    state: null,
    question: null,
    results: null,
    correct: null,
  };
  const t = (key) => TEXT[page.lang][key];
  const local = (texts) => Companion.localText(texts, page.lang);

  function draw() {
    document.documentElement.lang = page.lang;
    $("language").textContent = t("languageShort");
    $("language").title = t("language");
    $("language").setAttribute("aria-label", t("language"));
    $("status").textContent = t(page.status);
    for (const button of document.querySelectorAll("[data-command]")) button.textContent = t(button.dataset.command);
    drawNow();
    drawResults();
  }

  function drawNow() {
    const state = page.state;
    const song = page.song;
    body.dataset.playing = String(Boolean(state && state.playing));
    body.dataset.line = state && state.line !== null ? String(state.line) : "";
    body.dataset.stanza = state && state.stanza !== null ? String(state.stanza) : "";
    if (!state) return;
    const flags = [state.playing ? t("playing") : t("paused")];
    if (state.blackout) flags.push(t("blackoutOn"));
    if (state.teaching_pause) flags.push(t("pauseOn"));
    $("position").textContent = flags.join(" · ");
    const stanza = song && state.stanza !== null ? song.stanzas[state.stanza] : null;
    $("stanza-title").textContent = state.stanza === null ? "" : t("stanza").replace("%1", String(state.stanza + 1)) + (stanza ? " — " + local(stanza.title) : "");
    const line = song && state.line !== null ? song.lines[state.line] : null;
    $("current-line").textContent = line ? line.text : "";
  }

  function drawResults() {
    const question = page.question;
    $("results").hidden = !question;
    body.dataset.question = question ? question.id : "";
    if (!question) return;
    $("question-prompt").textContent = local(question.prompt);
    const counts = page.results && page.results.question === question.id ? page.results.counts : question.options.map(() => 0);
    const total = counts.reduce((a, b) => a + b, 0);
    body.dataset.total = String(total);
    const list = $("counts");
    list.replaceChildren();
    question.options.forEach((option, index) => {
      const item = el("li", "count");
      const label = el("span", "count-label", local(option) + (page.correct === index ? " ✓ " + t("right") : ""));
      const bar = el("span", "count-bar");
      bar.style.setProperty("--share", String(total ? counts[index] / total : 0));
      item.append(label, bar, el("span", "count-number", String(counts[index] || 0)));
      item.id = "count-" + index;
      list.append(item);
    });
    $("total").textContent = t("answers").replace("%1", String(total));
  }

  function onMessage(message) {
    switch (message.type) {
      case "welcome":
        fetch("/song.json", { cache: "no-store" })
          .then((response) => response.json())
          .then((song) => {
            page.song = song;
            $("song-title").textContent = song.title || "";
            drawNow();
          })
          .catch(() => {});
        break;
      case "state":
        page.state = message;
        drawNow();
        break;
      case "question":
        page.question = message.question;
        page.results = null;
        page.correct = null;
        drawResults();
        break;
      case "results":
        page.results = message;
        drawResults();
        break;
      case "reveal":
        page.correct = message.correct;
        drawResults();
        break;
      default:
        break;
    }
  }

  const onStatus = (status) => Companion.showStatus(page, t, status);

  const token = new URLSearchParams(location.search).get("token") || "";
  const link = new Link("/ws/teacher?token=" + encodeURIComponent(token), onMessage, onStatus);
  for (const button of document.querySelectorAll("[data-command]")) {
    button.addEventListener("click", () => link.send({ type: "command", name: button.dataset.command }));
  }
  $("language").addEventListener("click", () => {
    page.lang = page.lang === "es" ? "en" : "es";
    store("karaoke.lang", page.lang);
    draw();
  });
  draw();
  link.connect();
})();

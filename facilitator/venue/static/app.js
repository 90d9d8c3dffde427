// Phone page of the venue server: join with the code, then answer what the facilitator opens.
// Plain JavaScript, no build step and nothing from another host. The state arrives over one
// WebSocket; every answer is a POST with this phone's token (kept in localStorage, so the
// page resumes after the phone sleeps). All visible text comes from /api/strings.
"use strict";

(function () {
  const TOKEN_KEY = "facilitator.venue.token";
  let S = {}; // strings
  let token = localStorage.getItem(TOKEN_KEY) || "";
  let state = null; // shared state from the server
  let me = { answered: false, evaluated: [], voted: [], mine: [] };
  let socket = null;
  let retry = 1000;
  let tab = "poll";
  let renderedPoll = ""; // id + shape of the poll form on screen, to keep what is being typed
  let renderedEvals = "";
  let renderedQuestions = "";
  const $ = (id) => document.getElementById(id);

  function t(key, vars) {
    let text = S[key] || key;
    if (vars) for (const k of Object.keys(vars)) text = text.split("{" + k + "}").join(vars[k]);
    return text;
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, "");
      else if (v !== false && v != null) node.setAttribute(k, v);
    }
    for (const c of children || []) node.append(c);
    return node;
  }

  function show(id, on) {
    $(id).hidden = !on;
  }

  function status(text) {
    $("status").textContent = text || "";
  }

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
        referrerPolicy: "no-referrer",
      });
    } catch (e) {
      return { ok: false, status: 0, data: { error: "offline", message: t("offline") } };
    }
    let data = {};
    try {
      data = await response.json();
    } catch (e) {
      data = {};
    }
    if (response.status === 401 && token) forget();
    if (response.status === 503 && data.error === "room_closed") roomClosed();
    return { ok: response.ok, status: response.status, data };
  }

  function message(result) {
    const d = result.data || {};
    if (d.field === "name") return t("error_name");
    return S["error_" + d.error] || d.message || t("error_generic");
  }

  // -- joining --------------------------------------------------------------------------------
  function codeFromPath() {
    const m = location.pathname.match(/^\/j\/([A-Za-z0-9-]{1,32})$/);
    return m ? m[1] : "";
  }

  function showJoin(code) {
    show("join", true);
    show("tabs", false);
    for (const p of document.querySelectorAll(".pane")) p.hidden = true;
    if (code) $("code_input").value = code;
  }

  async function join(event) {
    if (event) event.preventDefault();
    const code = $("code_input").value.trim();
    const body = { code };
    if (!$("name_row").hidden) body.name = $("name_input").value;
    $("join_error").textContent = t("joining");
    const r = await api("POST", "/api/join", body);
    if (r.ok) {
      token = r.data.token;
      localStorage.setItem(TOKEN_KEY, token);
      $("join_error").textContent = "";
      history.replaceState(null, "", "/");
      show("join", false);
      connect();
      return;
    }
    if (r.data && r.data.field === "name") {
      show("name_row", true);
      $("name_input").focus();
    }
    $("join_error").textContent = message(r);
  }

  function forget() {
    token = "";
    localStorage.removeItem(TOKEN_KEY);
    if (socket) socket.close();
    socket = null;
    status(t("rejoin"));
    showJoin(codeFromPath());
  }

  function roomClosed() {
    show("closed", true);
    show("join", false);
    show("tabs", false);
    for (const p of document.querySelectorAll(".pane")) p.hidden = true;
    status("");
  }

  // -- live state -----------------------------------------------------------------------------
  function connect() {
    if (!token) return;
    if (socket && socket.readyState <= 1) return;
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/api/live");
    socket.onopen = () => socket.send(JSON.stringify({ token }));
    socket.onmessage = (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (data.type === "state") {
        retry = 1000;
        status("");
        state = data.state;
        me = data.me;
        render();
      }
    };
    socket.onclose = (event) => {
      socket = null;
      if (event.code === 4001) return forget();
      if (event.code === 4000) return roomClosed();
      status(t("offline"));
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") connect();
  });

  // -- rendering ------------------------------------------------------------------------------
  function render() {
    if (!state) return;
    show("closed", false);
    show("join", false);
    document.title = state.title || t("app_title");
    $("title").textContent = state.title || t("app_title");
    const hasEval = state.evaluations.length > 0;
    const hasQa = !!state.qa;
    const tabs = { poll: true, questions: hasQa, evaluation: hasEval };
    show("tabs", hasQa || hasEval);
    for (const b of document.querySelectorAll("#tabs button")) {
      b.hidden = !tabs[b.dataset.tab];
      b.classList.toggle("active", b.dataset.tab === tab);
      b.setAttribute("aria-pressed", b.dataset.tab === tab ? "true" : "false");
      const badge = b.dataset.tab === "evaluation" && state.evaluations.some(
        (e) => !me.evaluated.includes(e.id));
      b.classList.toggle("badge", !!badge);
    }
    if (!tabs[tab]) tab = "poll";
    for (const p of document.querySelectorAll(".pane")) p.hidden = p.id !== tab;
    renderPoll();
    renderQuestions();
    renderEvaluations();
    renderTeams();
  }

  function renderTeams() {
    const sheet = state.worksheet;
    show("teams", !!sheet);
    const list = $("team_links");
    const shape = sheet ? JSON.stringify(sheet.teams) : "";
    if (list.dataset.shape === shape) return;
    list.dataset.shape = shape;
    list.textContent = "";
    for (const team of (sheet && sheet.teams) || []) {
      const chip = el("span", { class: "chip" });
      if (/^#[0-9a-fA-F]{6}$/.test(team.colour || "")) chip.style.background = team.colour;
      list.append(el("li", {}, [
        el("a", { href: "/t/" + encodeURIComponent(team.id), class: "team-link" }, [chip, team.name]),
      ]));
    }
  }

  function selectTab(name) {
    tab = name;
    render();
  }

  function renderPoll() {
    const poll = state.poll;
    show("poll_idle", !poll);
    show("poll_live", !!poll);
    if (!poll) {
      renderedPoll = "";
      return;
    }
    const open = poll.state === "open";
    const shape = [poll.id, poll.state, me.answered, JSON.stringify(poll.options)].join("|");
    $("poll_question").textContent = poll.question;
    show("poll_done", open && me.answered);
    show("poll_closed", !open);
    if (shape !== renderedPoll) {
      renderedPoll = shape;
      $("poll_error").textContent = "";
      const form = $("poll_form");
      form.replaceChildren();
      $("poll_help").textContent = open && !me.answered ? helpFor(poll) : "";
      if (open && !me.answered) buildPollForm(poll, form);
    }
    renderResults(poll);
  }

  function helpFor(poll) {
    switch (poll.kind) {
      case "single": return t("help_single");
      case "multiple":
        return poll.max_choices ? t("help_multiple_max", { max: poll.max_choices }) : t("help_multiple");
      case "scale": return t("help_scale", { max: poll.scale_max });
      case "words": return t("help_words", { max: poll.words });
      case "ranking": return t("help_ranking");
      case "dots": return t("help_dots", { max: poll.dots });
    }
    return "";
  }

  function sendButton() {
    return el("button", { type: "submit", class: "primary", text: t("send") });
  }

  function buildPollForm(poll, form) {
    let collect;
    if (poll.kind === "single" || poll.kind === "multiple") {
      const type = poll.kind === "single" ? "radio" : "checkbox";
      const list = el("div", { class: "choices" });
      for (const o of poll.options) {
        const input = el("input", { type, name: "choice", value: o.id });
        if (type === "checkbox" && poll.max_choices) {
          input.addEventListener("change", () => {
            const ticked = form.querySelectorAll("input:checked").length;
            for (const i of form.querySelectorAll("input"))
              i.disabled = !i.checked && ticked >= poll.max_choices;
          });
        }
        list.append(el("label", { class: "choice" }, [input, el("span", { text: o.text })]));
      }
      form.append(list);
      collect = () => {
        const picked = [...form.querySelectorAll("input:checked")].map((i) => i.value);
        if (poll.kind === "single") return picked[0];
        return picked;
      };
    } else if (poll.kind === "scale") {
      form.append(scaleInput("scale", poll.scale_max));
      collect = () => {
        const v = form.querySelector("input:checked");
        return v ? parseInt(v.value, 10) : undefined;
      };
    } else if (poll.kind === "words") {
      for (let i = 1; i <= poll.words; i++) {
        form.append(el("input", {
          type: "text", class: "word", maxlength: "30", "aria-label": t("word_placeholder", { n: i }),
          placeholder: t("word_placeholder", { n: i }), autocomplete: "off",
        }));
      }
      collect = () => [...form.querySelectorAll("input.word")].map((i) => i.value.trim()).filter(Boolean);
    } else if (poll.kind === "ranking") {
      const list = el("ol", { class: "ranking" });
      const draw = () => {
        const items = [...list.children];
        items.forEach((li, i) => {
          li.querySelector(".up").disabled = i === 0;
          li.querySelector(".down").disabled = i === items.length - 1;
        });
      };
      for (const o of poll.options) {
        const li = el("li", { "data-id": o.id }, [
          el("span", { class: "label", text: o.text }),
          el("button", { type: "button", class: "up", "aria-label": t("move_up"), text: "▲",
            onclick: () => { if (li.previousElementSibling) list.insertBefore(li, li.previousElementSibling); draw(); } }),
          el("button", { type: "button", class: "down", "aria-label": t("move_down"), text: "▼",
            onclick: () => { if (li.nextElementSibling) list.insertBefore(li.nextElementSibling, li); draw(); } }),
        ]);
        list.append(li);
      }
      form.append(list);
      draw();
      collect = () => [...list.children].map((li) => li.dataset.id);
    } else if (poll.kind === "dots") {
      const left = el("p", { class: "dots-left" });
      const counts = {};
      const list = el("ul", { class: "dots" });
      const update = () => {
        const used = Object.values(counts).reduce((a, b) => a + b, 0);
        left.textContent = t("dots_left", { n: poll.dots - used });
        for (const li of list.children) {
          const id = li.dataset.id;
          li.querySelector(".count").textContent = "●".repeat(counts[id]) || "○";
          li.querySelector(".minus").disabled = counts[id] === 0;
          li.querySelector(".plus").disabled = used >= poll.dots;
        }
      };
      for (const o of poll.options) {
        counts[o.id] = 0;
        list.append(el("li", { "data-id": o.id }, [
          el("span", { class: "label", text: o.text }),
          el("span", { class: "count", "aria-live": "polite" }),
          el("button", { type: "button", class: "minus", "aria-label": t("remove_dot"), text: "−",
            onclick: () => { counts[o.id] = Math.max(0, counts[o.id] - 1); update(); } }),
          el("button", { type: "button", class: "plus", "aria-label": t("add_dot"), text: "+",
            onclick: () => { counts[o.id] += 1; update(); } }),
        ]));
      }
      form.append(left, list);
      update();
      collect = () => {
        const out = {};
        for (const [k, v] of Object.entries(counts)) if (v) out[k] = v;
        return out;
      };
    }
    form.append(sendButton());
    form.onsubmit = async (event) => {
      event.preventDefault();
      const answer = collect();
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      button.textContent = t("sending");
      const r = await api("POST", "/api/polls/" + encodeURIComponent(poll.id) + "/answer", { answer });
      button.disabled = false;
      button.textContent = t("send");
      if (r.ok || (r.data && r.data.error === "already_answered")) {
        me.answered = true;
        renderPoll();
      } else {
        $("poll_error").textContent = message(r);
      }
    };
  }

  function scaleInput(name, max) {
    const box = el("div", { class: "scale scale-" + max, role: "radiogroup" });
    for (let i = 1; i <= max; i++) {
      const id = name + "_" + i;
      box.append(el("input", { type: "radio", name, id, value: String(i) }));
      box.append(el("label", { for: id, text: String(i) }));
    }
    return el("div", {}, [box, el("div", { class: "scale-ends hint" }, [
      el("span", { text: t("scale_low") }), el("span", { text: t("scale_high", { max }) })])]);
  }

  function renderResults(poll) {
    const box = $("poll_results");
    const res = poll.revealed ? poll.results : null;
    show("poll_results", !!res);
    if (!res) {
      box.replaceChildren();
      return;
    }
    const parts = [el("h3", { text: t("results_heading") }),
      el("p", { class: "hint", text: res.responses === 1 ? t("response_one") : t("responses", { n: res.responses }) })];
    if (res.kind === "words") {
      const cloud = el("div", { class: "cloud" });
      const top = res.words.length ? res.words[0][1] : 1;
      for (const [word, n] of res.words.slice(0, 40)) {
        const size = 0.9 + 1.6 * (n / top);
        const span = el("span", { text: word, title: String(n) });
        span.style.fontSize = size.toFixed(2) + "rem";
        cloud.append(span);
      }
      parts.push(cloud);
    } else {
      const list = el("ul", { class: "bars" });
      for (const bar of res.bars) {
        let value = String(bar.value);
        if (res.kind === "ranking") value = t("points", { n: bar.value });
        if (res.kind === "dots") value = t("dots", { n: bar.value });
        const fill = el("span", { class: "fill" });
        fill.style.width = (100 * bar.share).toFixed(1) + "%";
        list.append(el("li", {}, [
          el("span", { class: "label", text: bar.label }),
          el("span", { class: "track" }, [fill]),
          el("span", { class: "value", text: value }),
        ]));
      }
      parts.push(list);
      if (res.kind === "scale" && res.mean !== null) parts.push(el("p", { class: "mean", text: t("average", { n: res.mean }) }));
    }
    box.replaceChildren(...parts);
  }

  function renderQuestions() {
    const qa = state.qa;
    if (!qa) return;
    $("qa_session").textContent = qa.session ? t("qa_for", { n: qa.session }) : "";
    const key = JSON.stringify([qa, me.voted, me.mine]);
    if (key === renderedQuestions) return;
    renderedQuestions = key;
    const list = $("question_list");
    list.replaceChildren();
    for (const q of qa.questions) {
      const voted = me.voted.includes(q.id);
      const mine = me.mine.includes(q.id);
      const button = el("button", {
        type: "button", class: "vote" + (voted ? " voted" : ""), "aria-pressed": voted ? "true" : "false",
        "aria-label": voted ? t("unvote") : t("vote"), disabled: mine || q.answered,
        onclick: async () => {
          button.disabled = true;
          const r = await api("POST", "/api/questions/" + encodeURIComponent(q.id) + "/vote", { vote: !voted });
          if (!r.ok) $("ask_error").textContent = message(r);
          button.disabled = false;
        },
      }, [el("span", { class: "arrow", text: "▲" }), el("span", { class: "n", text: String(q.votes) })]);
      const marks = [];
      if (q.answered) marks.push(el("span", { class: "mark answered", text: t("answered_mark") }));
      if (q.selected) marks.push(el("span", { class: "mark onscreen", text: t("on_screen_mark") }));
      if (mine) marks.push(el("span", { class: "mark mine", text: t("yours_mark") }));
      const body = el("div", { class: "qbody" }, [el("p", { class: "qtext", text: q.text })]);
      if (q.author) body.append(el("p", { class: "hint", text: q.author }));
      if (marks.length) body.append(el("p", { class: "marks" }, marks));
      list.append(el("li", { class: q.answered ? "answered" : "" }, [button, body]));
    }
    show("no_questions", qa.questions.length === 0);
  }

  function renderEvaluations() {
    const holder = $("evaluation_forms");
    const key = JSON.stringify([state.evaluations, me.evaluated]);
    show("evaluation_none", state.evaluations.length === 0);
    if (key === renderedEvals) return;
    renderedEvals = key;
    holder.replaceChildren();
    for (const ev of state.evaluations) {
      const done = me.evaluated.includes(ev.id);
      const card = el("div", { class: "evaluation" }, [el("h2", { text: ev.title })]);
      if (done) {
        card.append(el("p", { class: "done", text: t("evaluation_thanks") }));
        holder.append(card);
        continue;
      }
      card.append(el("p", { class: "hint", text: t("evaluation_optional") + " " + t("anonymous_note") }));
      const form = el("form", { autocomplete: "off" });
      ev.questions.forEach((q, i) => {
        const name = ev.id + "_" + q.id;
        const field = el("fieldset", { class: "eq", "data-q": q.id, "data-kind": q.kind }, [
          el("legend", { text: (i + 1) + ". " + q.text })]);
        if (q.kind === "text") field.append(el("textarea", { rows: "3", maxlength: "1000", "aria-label": q.text }));
        else field.append(scaleInput(name, q.max));
        form.append(field);
      });
      const error = el("p", { class: "error", role: "alert" });
      form.append(el("button", { type: "submit", class: "primary", text: t("evaluation_submit") }), error);
      form.onsubmit = async (event) => {
        event.preventDefault();
        const answers = {};
        for (const f of form.querySelectorAll("fieldset")) {
          if (f.dataset.kind === "text") {
            const v = f.querySelector("textarea").value.trim();
            if (v) answers[f.dataset.q] = v;
          } else {
            const v = f.querySelector("input:checked");
            if (v) answers[f.dataset.q] = parseInt(v.value, 10);
          }
        }
        const r = await api("POST", "/api/evaluations/" + encodeURIComponent(ev.id), { answers });
        if (r.ok || (r.data && r.data.error === "already_evaluated")) {
          if (!me.evaluated.includes(ev.id)) me.evaluated.push(ev.id);
          renderedEvals = "";
          renderEvaluations();
          window.scrollTo(0, 0);
        } else error.textContent = message(r);
      };
      card.append(form);
      holder.append(card);
    }
  }

  // -- asking -----------------------------------------------------------------------------------
  function countChars() {
    const left = 280 - $("ask_input").value.length;
    $("ask_count").textContent = t("chars_left", { n: left });
  }

  async function ask(event) {
    event.preventDefault();
    const text = $("ask_input").value.trim();
    if (!text) return;
    const r = await api("POST", "/api/questions", { text });
    if (r.ok) {
      $("ask_input").value = "";
      $("ask_error").textContent = t("asked");
      $("ask_error").classList.add("ok");
      countChars();
    } else {
      $("ask_error").textContent = message(r);
      $("ask_error").classList.remove("ok");
    }
  }

  // -- start ------------------------------------------------------------------------------------
  async function start() {
    const r = await api("GET", "/api/strings");
    if (r.ok) {
      S = r.data.strings || {};
      document.documentElement.lang = r.data.lang || "en";
    }
    for (const node of document.querySelectorAll("[data-t]")) {
      if (S[node.dataset.t]) node.textContent = S[node.dataset.t];
    }
    if (r.status === 503) return;
    $("join_form").addEventListener("submit", join);
    $("ask_form").addEventListener("submit", ask);
    $("ask_input").addEventListener("input", countChars);
    for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => selectTab(b.dataset.tab));
    countChars();
    const code = codeFromPath();
    if (token) {
      const s = await api("GET", "/api/state");
      if (s.ok) {
        state = s.data.state;
        me = s.data.me;
        if (code) history.replaceState(null, "", "/");
        render();
        connect();
        return;
      }
      if (s.status === 503) return;
    }
    showJoin(code);
    if (code) join();
  }

  start();
})();

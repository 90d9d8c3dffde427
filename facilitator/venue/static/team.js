// Team worksheet page: the team's members type the answers to the exercise's prompts together.
// Each answer is a Yjs document (vendor/yjs.js); the laptop merges every device's edits with
// the same algorithm (pycrdt), so two people typing in one answer both keep their words.
// One WebSocket: "sync" exchanges what each side lacks, "update" carries an edit, "ack" says
// the laptop has stored the edits up to a number. This browser keeps its copy of each answer
// in localStorage, so edits the laptop had not stored when the page was closed are merged
// and sent when it is opened again (merging what both sides have is harmless).
"use strict";

(function () {
  const TOKEN_KEY = "facilitator.venue.token";
  const DOC_KEY = "facilitator.venue.doc."; // + team + "." + prompt
  const SEND_EVERY = 40; // ms: keystrokes gathered into one message
  let S = {};
  let token = localStorage.getItem(TOKEN_KEY) || "";
  const parts = location.pathname.split("/").filter(Boolean); // t/TEAM or j/CODE/t/TEAM
  const teamId = decodeURIComponent(parts[parts.length - 1] || "");
  const code = parts[0] === "j" ? decodeURIComponent(parts[1] || "") : "";
  const docs = new Map(); // prompt id -> {doc, text, area, pending: [], stored}
  let socket = null;
  let open = false;
  let retry = 800;
  let seq = 0;
  let acked = 0;
  let timer = null;
  let named = false;
  let notice = ""; // a refusal the team must see until it types again
  const $ = (id) => document.getElementById(id);

  function t(key) {
    return S[key] || key;
  }

  function status(text, cls) {
    const s = $("status");
    s.textContent = text || "";
    s.className = "status " + (cls || "");
  }

  function b64(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  }

  function unb64(text) {
    const s = atob(text || "");
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  function showOnly(id) {
    for (const name of ["join", "closed", "sheet"]) $(name).hidden = name !== id;
  }

  // -- joining (a team QR code carries the room's code) ----------------------------------------
  async function join(event) {
    if (event) event.preventDefault();
    const body = { code: $("code_input").value || code };
    if (named) body.name = $("name_input").value;
    $("join_error").textContent = "";
    let r;
    try {
      r = await fetch("/api/join", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
      });
    } catch (e) {
      $("join_error").textContent = t("offline");
      return;
    }
    const data = await r.json().catch(() => ({}));
    if (r.ok) {
      token = data.token;
      localStorage.setItem(TOKEN_KEY, token);
      history.replaceState(null, "", "/t/" + encodeURIComponent(teamId));
      connect();
      return;
    }
    if (data.field === "name") {
      named = true;
      $("name_row").hidden = false;
      $("join_error").textContent = t("error_name");
    } else {
      $("join_error").textContent = S["error_" + data.error] || data.message || t("error_generic");
    }
    showOnly("join");
  }

  // -- documents ---------------------------------------------------------------------------
  function entry(promptId) {
    let e = docs.get(promptId);
    if (e) return e;
    e = { doc: null, text: null, area: null, pending: [] };
    const kept = localStorage.getItem(DOC_KEY + teamId + "." + promptId);
    attach(promptId, e, kept ? unb64(kept) : null, "kept");
    docs.set(promptId, e);
    return e;
  }

  function attach(promptId, e, state, origin) {
    // A new document for the answer, from ``state`` (what this browser kept, or what the
    // laptop holds); a new document is a new Yjs client, so edits the laptop refused are
    // never what later edits build on.
    const doc = new Y.Doc();
    const text = doc.getText("answer");
    if (state) {
      try {
        Y.applyUpdate(doc, state, origin);
      } catch (err) {
        localStorage.removeItem(DOC_KEY + teamId + "." + promptId);
      }
    }
    e.doc = doc;
    e.text = text;
    doc.on("update", (update, from) => {
      keep(promptId, e);
      if (from === "remote" || from === "kept") return;
      e.pending.push(update);
      schedule();
    });
    text.observe((event, tr) => {
      if (tr.origin === "local" || !e.area) return;
      redraw(e, event.delta);
    });
  }

  function reset(promptId, state) {
    // The laptop refused an edit (the answer would be too long): show what it holds.
    const e = entry(promptId);
    const old = e.doc;
    e.pending = [];
    attach(promptId, e, state, "remote");
    old.destroy();
    keep(promptId, e);
    if (e.area) e.area.value = e.text.toString();
    notice = t("error_too_long");
    showSaved();
  }

  function keep(promptId, e) {
    // What this device has, merged again on its next visit.
    try {
      localStorage.setItem(DOC_KEY + teamId + "." + promptId, b64(Y.encodeStateAsUpdate(e.doc)));
    } catch (err) {
      /* storage full: the laptop still has what it acknowledged */
    }
  }

  function redraw(e, delta) {
    const area = e.area;
    let start = area.selectionStart;
    let end = area.selectionEnd;
    let index = 0;
    for (const op of delta) {
      if (op.retain) index += op.retain;
      else if (op.insert) {
        const n = op.insert.length;
        if (index < start) start += n;
        if (index < end) end += n;
        index += n;
      } else if (op.delete) {
        const n = op.delete;
        if (index < start) start -= Math.min(n, start - index);
        if (index < end) end -= Math.min(n, end - index);
      }
    }
    const focused = document.activeElement === area;
    area.value = e.text.toString();
    if (focused) area.setSelectionRange(start, end);
  }

  function typed(e) {
    const before = e.text.toString();
    const after = e.area.value;
    if (before === after) return;
    notice = "";
    let a = 0;
    while (a < before.length && a < after.length && before[a] === after[a]) a++;
    let b = before.length;
    let c = after.length;
    while (b > a && c > a && before[b - 1] === after[c - 1]) {
      b--;
      c--;
    }
    e.doc.transact(() => {
      if (b > a) e.text.delete(a, b - a);
      if (c > a) e.text.insert(a, after.slice(a, c));
    }, "local");
  }

  function schedule() {
    if (!timer) timer = setTimeout(flush, SEND_EVERY);
    showSaved();
  }

  function flush() {
    timer = null;
    if (!open) return; // sent by the next sync instead
    for (const [promptId, e] of docs) {
      if (!e.pending.length) continue;
      const update = e.pending.length === 1 ? e.pending[0] : Y.mergeUpdates(e.pending);
      e.pending = [];
      seq += 1;
      socket.send(JSON.stringify({ type: "update", prompt: promptId, update: b64(update), seq }));
    }
    showSaved();
  }

  function showSaved() {
    if (!open) {
      status(t("offline_kept"), "offline");
      return;
    }
    const waiting = timer || acked < seq || [...docs.values()].some((e) => e.pending.length);
    if (notice) status(notice, "offline");
    else if (waiting) status(t("saving"), "saving");
    else status(t("saved"), "saved");
  }

  // -- the page --------------------------------------------------------------------------
  function render(sheet) {
    showOnly("sheet");
    document.title = sheet.team.name + " · " + (sheet.exercise || t("team_title"));
    $("title").textContent = sheet.exercise || t("team_title");
    $("team_name").textContent = sheet.team.name + (sheet.round ? " · " + sheet.round : "");
    $("team_chip").style.background = /^#[0-9a-fA-F]{6}$/.test(sheet.team.colour || "")
      ? sheet.team.colour : "";
    $("exercise").textContent = sheet.exercise;
    $("instructions").textContent = sheet.instructions || "";
    const form = $("prompts");
    const keepIds = new Set(sheet.prompts.map((p) => p.id));
    for (const node of [...form.children]) {
      if (!keepIds.has(node.dataset.prompt)) node.remove();
    }
    sheet.prompts.forEach((p, i) => {
      const e = entry(p.id);
      let box = form.querySelector('[data-prompt="' + CSS.escape(p.id) + '"]');
      if (!box) {
        box = document.createElement("div");
        box.className = "card prompt";
        box.dataset.prompt = p.id;
        const label = document.createElement("label");
        label.htmlFor = "answer_" + i;
        const area = document.createElement("textarea");
        area.id = "answer_" + i;
        area.className = "answer";
        area.dataset.prompt = p.id;
        area.rows = 4;
        area.maxLength = 20000;
        area.value = e.text.toString();
        area.addEventListener("input", () => typed(e));
        e.area = area;
        box.append(label, area);
      }
      form.append(box); // in the prompts' order
      box.querySelector("label").textContent = p.text;
    });
  }

  function connect() {
    if (!token) {
      showOnly("join");
      $("code_input").value = code;
      if (code) join();
      return;
    }
    const proto = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(proto + location.host + "/api/team/live");
    socket.onopen = () => {
      socket.send(JSON.stringify({ token, team: teamId }));
    };
    socket.onmessage = (event) => {
      const m = JSON.parse(event.data);
      if (m.type === "worksheet") {
        if (!open) {
          open = true;
          retry = 800;
          seq = 0;
          acked = 0;
        }
        render(m);
        for (const p of m.prompts) {
          const e = entry(p.id);
          e.pending = []; // the sync below sends whatever the laptop lacks
          socket.send(JSON.stringify({
            type: "sync", prompt: p.id, sv: b64(Y.encodeStateVector(e.doc)) }));
        }
        showSaved();
      } else if (m.type === "sync") {
        const e = entry(m.prompt);
        Y.applyUpdate(e.doc, unb64(m.update), "remote");
        const missing = Y.encodeStateAsUpdate(e.doc, unb64(m.sv));
        if (missing.length > 2) {
          seq += 1;
          socket.send(JSON.stringify({ type: "update", prompt: m.prompt, update: b64(missing), seq }));
        }
        showSaved();
      } else if (m.type === "update") {
        Y.applyUpdate(entry(m.prompt).doc, unb64(m.update), "remote");
      } else if (m.type === "ack") {
        acked = Math.max(acked, m.seq);
        showSaved();
      } else if (m.type === "reset") {
        reset(m.prompt, unb64(m.update));
      } else if (m.type === "error") {
        status(S["error_" + m.error] || t("error_generic"), "offline");
      }
    };
    socket.onclose = (event) => {
      open = false;
      socket = null;
      if (event.code === 4001) {
        localStorage.removeItem(TOKEN_KEY);
        token = "";
        status(t("rejoin"), "offline");
        showOnly("join");
        return;
      }
      if (event.code === 4000) {
        status(t("error_room_closed"), "offline");
        return;
      }
      if (event.code === 4003) {
        showOnly("closed");
        status("", "");
      } else {
        showSaved();
      }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 8000);
    };
  }

  async function start() {
    try {
      const r = await fetch("/api/strings", { cache: "no-store", credentials: "omit" });
      const data = await r.json();
      S = data.strings || {};
      document.documentElement.lang = data.lang || "en";
    } catch (e) {
      S = {};
    }
    for (const node of document.querySelectorAll("[data-t]")) {
      if (S[node.dataset.t]) node.textContent = S[node.dataset.t];
    }
    $("join_form").addEventListener("submit", join);
    window.addEventListener("online", () => { if (!socket) connect(); });
    connect();
  }

  start();
})();

// Rapporteur page: capture notes as in the Capture area, from another laptop or a tablet.
// Every note gets its id here and waits in this browser's IndexedDB until the laptop says it
// has stored it; the laptop keeps an id once, so sending a queue again (after the Wi-Fi came
// back, or when the page is opened again) never doubles a note. The key (from the QR code the
// facilitator showed) is kept in localStorage and taken out of the address bar.
"use strict";

(function () {
  const KEY = "facilitator.venue.rapporteur.key";
  const CATALOGUE = "facilitator.venue.rapporteur.catalogue";
  const CHOICE = "facilitator.venue.rapporteur.choice";
  const RECENT = "facilitator.venue.rapporteur.recent";
  const BATCH = 50;
  let S = {};
  let key = "";
  let cat = null; // sessions, teams, kinds, people
  let name = "";
  let db = null;
  let socket = null;
  let online = false;
  let sending = false;
  let retry = 1000;
  let retryTimer = null;
  let queue = []; // notes waiting, oldest first (a mirror of IndexedDB)
  let recent = JSON.parse(localStorage.getItem(RECENT) || "[]"); // sent: {id, text, kind, at}
  const $ = (id) => document.getElementById(id);

  function t(k, vars) {
    let text = S[k] || k;
    if (vars) for (const v of Object.keys(vars)) text = text.split("{" + v + "}").join(vars[v]);
    return text;
  }

  // -- the queue in IndexedDB ------------------------------------------------------------------
  function openDb() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open("facilitator-rapporteur", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("outbox", { keyPath: "id" });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  function tx(mode, fn) {
    return new Promise((resolve, reject) => {
      const transaction = db.transaction("outbox", mode);
      const store = transaction.objectStore("outbox");
      const out = fn(store);
      transaction.oncomplete = () => resolve(out && out.result !== undefined ? out.result : out);
      transaction.onerror = () => reject(transaction.error);
    });
  }

  async function loadQueue() {
    const all = await tx("readonly", (s) => s.getAll());
    queue = (all || []).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  function newId() {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return "not_" + [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  // -- sending ----------------------------------------------------------------------------
  async function send() {
    if (sending || !key) return;
    const waiting = queue.filter((n) => n.state === "waiting");
    if (!waiting.length) return;
    sending = true;
    try {
      for (let i = 0; i < waiting.length; i += BATCH) {
        const chunk = waiting.slice(i, i + BATCH);
        const notes = chunk.map((n) => ({
          id: n.id, session_id: n.session_id, team_id: n.team_id, kind: n.kind, text: n.text,
          attribution_person_id: n.attribution_person_id, attribution_text: n.attribution_text,
        }));
        let r;
        try {
          r = await fetch("/api/rapporteur/notes", {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: "Rapporteur " + key },
            body: JSON.stringify({ notes }),
            cache: "no-store",
            credentials: "omit",
          });
        } catch (e) {
          setOnline(false);
          later();
          return;
        }
        const data = await r.json().catch(() => ({}));
        if (r.status === 401) {
          noKey(t("rapporteur_key_refused"));
          return;
        }
        if (!r.ok) {
          later();
          return;
        }
        const done = new Set([...(data.stored || []), ...(data.known || [])]);
        const refused = data.refused || {};
        await tx("readwrite", (s) => {
          for (const n of chunk) {
            if (done.has(n.id)) s.delete(n.id);
            else if (refused[n.id]) {
              n.state = "refused";
              n.message = refused[n.id].message || "";
              s.put(n);
            }
          }
        });
        for (const n of chunk) {
          if (done.has(n.id)) {
            recent.unshift({ id: n.id, text: n.text, kind: n.kind, at: n.at });
          }
        }
        recent = recent.slice(0, 30);
        localStorage.setItem(RECENT, JSON.stringify(recent));
        queue = queue.filter((n) => !done.has(n.id));
        retry = 1000;
        drawList();
      }
    } finally {
      sending = false;
      drawWaiting();
    }
  }

  function later() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      send();
    }, retry);
    retry = Math.min(retry * 2, 10000);
  }

  async function save(event) {
    if (event) event.preventDefault();
    const raw = $("note_input").value;
    let kind = $("kind_select").value;
    let text = raw;
    const m = /^\s*([^\s:]{1,6}):[ \t]*/.exec(raw); // "r: text", as in the Capture area
    if (m && cat) {
      const k = cat.kinds.find((x) => x.prefix && x.prefix.toLowerCase() === m[1].toLowerCase());
      if (k) {
        kind = k.key;
        text = raw.slice(m[0].length);
      }
    }
    if (!text.trim()) {
      $("note_error").textContent = t("note_empty");
      return;
    }
    $("note_error").textContent = "";
    const saidBy = $("said_by").value.trim();
    const person = cat ? cat.people.find((p) => p.name === saidBy) : null;
    const note = {
      id: newId(),
      session_id: $("session_select").value || null,
      team_id: $("team_select").value || null,
      kind,
      text: text.trim(),
      attribution_person_id: person ? person.id : null,
      attribution_text: person ? "" : saidBy,
      at: new Date().toISOString(),
      state: "waiting",
    };
    await tx("readwrite", (s) => s.put(note));
    queue.push(note);
    $("note_input").value = "";
    $("said_by").value = "";
    $("note_input").focus();
    drawList();
    drawWaiting();
    send();
  }

  async function discard(id) {
    await tx("readwrite", (s) => s.delete(id));
    queue = queue.filter((n) => n.id !== id);
    drawList();
    drawWaiting();
  }

  // -- drawing ----------------------------------------------------------------------------
  function setOnline(on) {
    online = on;
    $("status").textContent = on ? t("online_as", { n: name }) : t("rapporteur_offline");
    $("status").className = on ? "saved" : "offline";
    drawWaiting();
  }

  function drawWaiting() {
    const n = queue.filter((x) => x.state === "waiting").length;
    const w = $("waiting");
    w.textContent = n === 0 ? t("nothing_waiting") : n === 1 ? t("one_waiting") : t("n_waiting", { n });
    w.className = "waiting" + (n ? "" : " none");
    w.dataset.count = String(n);
  }

  function kindLabel(k) {
    const found = cat && cat.kinds.find((x) => x.key === k);
    return found ? found.label : k;
  }

  function drawList() {
    const list = $("recent");
    list.textContent = "";
    const items = [
      ...queue.slice().reverse().map((n) => ({ ...n, queued: true })),
      ...recent,
    ].slice(0, 30);
    for (const n of items) {
      const li = document.createElement("li");
      li.dataset.id = n.id;
      const text = document.createElement("span");
      text.textContent = n.text;
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = kindLabel(n.kind);
      li.append(text, meta);
      if (n.queued && n.state === "refused") {
        li.className = "refused";
        meta.textContent += " · " + t("note_refused") + " " + (n.message || "");
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = t("discard");
        b.addEventListener("click", () => discard(n.id));
        li.append(b);
      } else if (n.queued) {
        li.className = "queued";
        meta.dataset.state = t("waiting_mark");
      }
      list.append(li);
    }
    $("recent_none").hidden = items.length > 0;
  }

  function fill(select, items, keep) {
    select.textContent = "";
    for (const [value, label] of items) {
      const o = document.createElement("option");
      o.value = value;
      o.textContent = label;
      select.append(o);
    }
    if (keep != null && items.some(([v]) => v === keep)) select.value = keep;
  }

  function drawCatalogue() {
    if (!cat) return;
    const choice = JSON.parse(localStorage.getItem(CHOICE) || "{}");
    const session = $("session_select").value || choice.session || cat.default_session;
    fill($("session_select"), [
      ["", t("no_session")],
      ...cat.sessions.map((s) => [s.id, (s.day ? s.day + " · " : "") + (s.start ? s.start + " " : "") + s.title]),
    ], session);
    drawTeams(choice.team);
    fill($("kind_select"), cat.kinds.map((k) => [k.key, k.label]), $("kind_select").value || choice.kind);
    const people = $("people");
    people.textContent = "";
    for (const p of cat.people) {
      const o = document.createElement("option");
      o.value = p.name;
      people.append(o);
    }
    $("kind_hint").textContent = t("prefix_hint", {
      n: cat.kinds.filter((k) => k.prefix).map((k) => k.prefix + ": " + k.label).join(" · "),
    });
    $("title").textContent = t("rapporteur_title") + (name ? " · " + name : "");
    drawList();
  }

  function drawTeams(keep) {
    const teams = (cat.teams || {})[$("session_select").value] || [];
    fill($("team_select"), [["", t("whole_session")], ...teams.map((x) => [x.id, x.name])],
      keep !== undefined ? keep : $("team_select").value);
    $("team_select").disabled = teams.length === 0;
  }

  function remember() {
    localStorage.setItem(CHOICE, JSON.stringify({
      session: $("session_select").value, team: $("team_select").value, kind: $("kind_select").value,
    }));
  }

  function noKey(text) {
    $("capture").hidden = true;
    $("no_key").hidden = false;
    if (text) $("no_key_hint").textContent = text;
    $("status").textContent = "";
  }

  // -- connection -------------------------------------------------------------------------
  function connect() {
    const proto = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(proto + location.host + "/api/rapporteur/live");
    socket.onopen = () => socket.send(JSON.stringify({ key }));
    socket.onmessage = (event) => {
      const m = JSON.parse(event.data);
      if (m.type !== "catalogue") return;
      cat = m.catalogue;
      name = m.name;
      localStorage.setItem(CATALOGUE, JSON.stringify({ cat, name }));
      retry = 1000;
      setOnline(true);
      drawCatalogue();
      send();
    };
    socket.onclose = (event) => {
      socket = null;
      setOnline(false);
      if (event.code === 4001 || event.code === 4005) {
        noKey(t("rapporteur_key_refused"));
        return;
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
    const parts = location.pathname.split("/").filter(Boolean);
    if (parts.length >= 2 && parts[0] === "r") {
      key = decodeURIComponent(parts[1]);
      localStorage.setItem(KEY, key);
      history.replaceState(null, "", "/r/"); // the key does not stay on screen
    } else {
      key = localStorage.getItem(KEY) || "";
    }
    if (!key) {
      noKey("");
      return;
    }
    db = await openDb();
    await loadQueue();
    const kept = JSON.parse(localStorage.getItem(CATALOGUE) || "null");
    if (kept) {
      cat = kept.cat;
      name = kept.name;
    }
    $("capture").hidden = false;
    drawCatalogue();
    drawWaiting();
    setOnline(false);
    $("note_form").addEventListener("submit", save);
    $("note_input").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) save(e);
    });
    $("session_select").addEventListener("change", () => { drawTeams(""); remember(); });
    $("team_select").addEventListener("change", remember);
    $("kind_select").addEventListener("change", remember);
    window.addEventListener("online", send);
    setInterval(() => { if (queue.some((n) => n.state === "waiting")) send(); }, 4000);
    connect();
    send();
  }

  start();
})();

// outagewatch dashboard: plain DOM, no framework, no network beyond this server.
// Every piece of source text goes into the page through textContent or text nodes;
// highlights are rebuilt from their <mark> boundaries, and the server's timeline SVG is
// rebuilt element by element from an allow-list: nothing is ever parsed into the page as HTML.
// All state (view, filters, time range, refresh, open incident) lives in the URL.
"use strict";

(function () {
  const FACETS = [["services", "service", "Services"], ["providers", "provider", "Providers"],
                  ["regions", "region", "Regions"], ["source_kind", "kind", "Source kind"]];
  const FILTERS = ["service", "provider", "region", "kind"];
  const RANGES = { "1h": 3600e3, "6h": 6 * 3600e3, "24h": 24 * 3600e3, "7d": 7 * 24 * 3600e3 };
  const REFRESH_CHOICES = ["0", "5", "15", "60"];
  const DEFAULT_REFRESH = "15";
  const TOKEN_KEY = "outagewatch.token";
  const state = {
    view: "incidents", q: "", range: "all", since: "", until: "", status: "all", incident: null,
    refresh: DEFAULT_REFRESH, filters: { service: new Set(), provider: new Set(), region: new Set(), kind: new Set() },
    cursor: null, appended: false,
  };
  const catalog = { services: new Map(), providers: new Map(), regions: new Map() };
  const sparkCache = new Map(); // incident id -> {signature, node}
  let lastUpdated = null;
  let pollTimer = null;
  let loading = false;

  const $ = (id) => document.getElementById(id);

  // -- safe building blocks --------------------------------------------------------

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "className") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#x27;": "'", "&#39;": "'" };

  function unescapeEntities(text) {
    return text.replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity]);
  }

  // A highlight is HTML-escaped text with <mark>…</mark> around matches. Split on the
  // two tags, unescape the rest and insert it as text: whatever else it holds stays text.
  function highlightNode(fragment) {
    const container = el("span", { className: "highlight" });
    let mark = null;
    for (const part of String(fragment).split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") { mark = el("mark"); container.append(mark); continue; }
      if (part === "</mark>") { mark = null; continue; }
      if (part) (mark || container).append(document.createTextNode(unescapeEntities(part)));
    }
    return container;
  }

  function safeHref(value) {
    if (!value) return null;
    try {
      const url = new URL(String(value), window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  function formatTime(value) {
    if (!value) return "—";
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  }

  // Correlation writes its evidence sentences with ISO times; people read "2020-11-25 13:25 UTC".
  function humanTimes(text) {
    return String(text).replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)/g, formatTime);
  }

  function timeNode(value) {
    return el("time", { datetime: value || "", text: formatTime(value) });
  }

  function minutesText(value) {
    if (value === null || value === undefined) return "—";
    const rounded = Math.round(value);
    if (Math.abs(rounded) < 120) return rounded + " min";
    const hours = Math.floor(Math.abs(rounded) / 60), mins = Math.abs(rounded) % 60;
    return (rounded < 0 ? "-" : "") + hours + " h" + (mins ? " " + mins + " min" : "");
  }

  function showMessage(text) {
    const box = $("message");
    box.textContent = text || "";
    box.hidden = !text;
  }

  // -- names: what people call things, with the id on hover -------------------------

  function nameOf(kind, id) {
    const entry = catalog[kind] && catalog[kind].get(id);
    if (!entry) return String(id);
    if (kind === "regions") return entry.code || entry.name || String(id);
    return entry.name || String(id);
  }

  function hoverOf(kind, id) {
    const entry = catalog[kind] && catalog[kind].get(id);
    return entry && kind === "regions" && entry.name ? id + " · " + entry.name : String(id);
  }

  function nameNode(kind, id) {
    return el("span", { className: "name", title: hoverOf(kind, id), dataset: { id: String(id) }, text: nameOf(kind, id) });
  }

  function namesNode(kind, ids) {
    const span = el("span", { className: "names" });
    (ids || []).forEach((id, i) => {
      if (i) span.append(", ");
      span.append(nameNode(kind, id));
    });
    return span;
  }

  async function loadCatalog() {
    try {
      const body = await api("/api/catalog");
      for (const kind of ["services", "providers", "regions"]) {
        for (const entry of body[kind] || []) catalog[kind].set(entry.id, entry);
      }
    } catch (err) {
      // names are a nicety: ids still read
    }
  }

  // -- the URL is the state -----------------------------------------------------------

  function readState() {
    const params = new URLSearchParams(window.location.search);
    state.view = params.get("view") === "accountability" ? "accountability" : "incidents";
    state.q = params.get("q") || "";
    state.range = params.get("range") || (params.get("since") || params.get("until") ? "custom" : "all");
    if (!(state.range in RANGES) && state.range !== "custom") state.range = "all";
    state.since = state.range === "custom" ? (params.get("since") || "") : "";
    state.until = state.range === "custom" ? (params.get("until") || "") : "";
    state.status = ["all", "open", "closed"].includes(params.get("status")) ? params.get("status") : "all";
    state.refresh = REFRESH_CHOICES.includes(params.get("refresh")) ? params.get("refresh") : DEFAULT_REFRESH;
    for (const name of FILTERS) state.filters[name] = new Set(params.getAll(name));
    let incident = params.get("incident");
    const legacy = /^#incident=(.+)$/.exec(window.location.hash);
    if (!incident && legacy) incident = decodeURIComponent(legacy[1]);
    state.incident = incident || null;
  }

  function stateUrl() {
    const params = new URLSearchParams();
    if (state.view !== "incidents") params.set("view", state.view);
    if (state.q) params.set("q", state.q);
    if (state.range !== "all") params.set("range", state.range);
    if (state.range === "custom") {
      if (state.since) params.set("since", state.since);
      if (state.until) params.set("until", state.until);
    }
    if (state.status !== "all") params.set("status", state.status);
    if (state.refresh !== DEFAULT_REFRESH) params.set("refresh", state.refresh);
    for (const name of FILTERS) for (const value of state.filters[name]) params.append(name, value);
    if (state.incident) params.set("incident", state.incident);
    const query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function saveState(replace) {
    const url = stateUrl();
    if (url === window.location.pathname + window.location.search && !window.location.hash) return;
    if (replace) window.history.replaceState(null, "", url); else window.history.pushState(null, "", url);
  }

  // The controls show the state (after loading, back/forward, or a shared link).
  function showState() {
    $("search-input").value = state.q;
    $("range-select").value = state.range;
    $("custom-range").hidden = state.range !== "custom";
    $("range-from").value = localInput(state.since);
    $("range-to").value = localInput(state.until);
    $("incident-status").value = state.status;
    $("refresh-select").value = state.refresh;
    $("incidents-view").hidden = state.view !== "incidents";
    $("accountability-view").hidden = state.view !== "accountability";
    for (const link of document.querySelectorAll("nav.views a")) {
      if (link.dataset.view === state.view) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    }
  }

  // datetime-local holds "2020-11-25T13:00", which we read as UTC.
  function localInput(value) {
    if (!value) return "";
    const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : value + "Z");
    return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 16);
  }

  function timeParams() {
    if (state.range in RANGES) return [["since", new Date(Date.now() - RANGES[state.range]).toISOString()]];
    const params = [];
    if (state.range === "custom") {
      if (state.since) params.push(["since", state.since]);
      if (state.until) params.push(["until", state.until]);
    }
    return params;
  }

  // -- talking to the API ----------------------------------------------------------

  function token() {
    return window.sessionStorage.getItem(TOKEN_KEY) || "";
  }

  async function api(path, params, init, as) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of params || []) url.searchParams.append(key, value);
    const headers = Object.assign({ Accept: as === "text" ? "image/svg+xml" : "application/json" }, (init && init.headers) || {});
    if (token()) headers.Authorization = "Bearer " + token();
    const response = await fetch(url, Object.assign({}, init || {}, { headers }));
    if (response.ok && as === "text") return response.text();
    let body = null;
    try { body = await response.json(); } catch (err) { body = null; }
    if (!response.ok) {
      const message = (body && body.error) || ("request failed with status " + response.status);
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function failureText(err) {
    return err.status === 401 ? err.message + " (enter the API token at the top right)" : err.message;
  }

  // -- the report's timeline, imported from its SVG through an allow-list -------------

  const SVG = "http://www.w3.org/2000/svg";
  const SVG_TAGS = new Set(["svg", "g", "rect", "line", "polyline", "polygon", "path", "circle", "text", "tspan", "title"]);
  const SVG_ATTRS = new Set(["viewBox", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "points",
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "text-anchor", "font-size", "font-weight",
    "font-family", "class", "role", "aria-label", "data-kind", "data-max"]);

  function importSvg(node) {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.nodeValue);
    if (node.nodeType !== Node.ELEMENT_NODE || node.namespaceURI !== SVG || !SVG_TAGS.has(node.localName)) return null;
    const copy = document.createElementNS(SVG, node.localName);
    for (const attr of node.attributes) if (SVG_ATTRS.has(attr.name)) copy.setAttribute(attr.name, attr.value);
    for (const child of node.childNodes) {
      const imported = importSvg(child);
      if (imported) copy.append(imported);
    }
    return copy;
  }

  async function timelineNode(id, size) {
    const text = await api("/api/incidents/" + encodeURIComponent(id) + "/timeline.svg", [["size", size]], null, "text");
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = importSvg(doc.documentElement);
    if (!root) throw new Error("the timeline could not be read");
    return root;
  }

  // -- incidents -------------------------------------------------------------------

  function causeNode(cause) {
    if (!cause) return null;
    const span = el("span", { className: "cause-names" });
    const parts = [["services", cause.service], ["providers", cause.provider], ["regions", cause.region]].filter((p) => p[1]);
    parts.forEach(([kind, id], i) => { if (i) span.append(" · "); span.append(nameNode(kind, id)); });
    if (typeof cause.confidence === "number") span.append(" (confidence " + Math.round(cause.confidence * 100) + "%)");
    return span;
  }

  function leadText(minutes) {
    if (minutes === null || minutes === undefined) return null;
    const rounded = Math.round(minutes);
    if (rounded > 0) return rounded + " min before the official word";
    if (rounded < 0) return (-rounded) + " min after the official word";
    return "at the same time as the official word";
  }

  function verdictOf(incident) {
    const feedback = incident.feedback;
    return typeof feedback === "string" ? feedback : (feedback && feedback.verdict) || null;
  }

  function matchesFacets(incident) {
    const cause = incident.common_cause || {};
    const has = (name, values) => state.filters[name].size === 0 || values.some((v) => state.filters[name].has(v));
    return has("service", [].concat(incident.services || [], cause.service ? [cause.service] : []))
      && has("provider", [].concat(incident.providers || [], cause.provider ? [cause.provider] : []))
      && has("region", [].concat(incident.regions || [], cause.region ? [cause.region] : []));
  }

  function signature(incident) {
    return JSON.stringify([incident.status, incident.started_at, incident.ended_at, incident.peak_at,
                           incident.evidence_level, incident.signal_counts, incident.report_count, incident.first_official_at]);
  }

  function sparkFor(incident) {
    const holder = el("div", { className: "spark", "aria-hidden": "true" });
    const cached = sparkCache.get(incident.id);
    const sig = signature(incident);
    if (cached && cached.signature === sig) {
      holder.append(cached.node.cloneNode(true));
      return holder;
    }
    timelineNode(incident.id, "small").then((node) => {
      sparkCache.set(incident.id, { signature: sig, node: node });
      holder.replaceChildren(node.cloneNode(true));
    }).catch(() => holder.replaceChildren(el("span", { className: "muted", text: "no timeline" })));
    return holder;
  }

  function incidentItem(incident) {
    const level = incident.evidence_level || "weak";
    const open = el("a", { className: "open-incident", href: urlWith({ incident: incident.id, view: "incidents" }),
                           title: incident.id, dataset: { incidentId: incident.id }, text: incident.title || incident.id });
    open.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      selectIncident(incident.id);
    });
    const when = el("div", { className: "muted" }, [
      incident.status === "open" ? "ongoing since " : "started ", timeNode(incident.started_at),
      incident.ended_at ? " · ended " : null, incident.ended_at ? timeNode(incident.ended_at) : null,
    ]);
    if ((incident.services || []).length) when.append(" · ", namesNode("services", incident.services.slice(0, 6)));
    if ((incident.services || []).length > 6) when.append(" and " + (incident.services.length - 6) + " more");
    const lines = [
      el("div", { className: "item-head" }, [
        open,
        el("span", { className: "badges" }, [
          el("span", { className: "badge status-" + (incident.status || "closed"), text: incident.status || "closed" }),
          el("span", { className: "badge " + level, text: level + " evidence" }),
          verdictOf(incident) ? el("span", { className: "badge verdict", text: verdictOf(incident) }) : null,
        ]),
      ]),
      when,
    ];
    const lead = leadText(incident.lead_minutes);
    if (lead) lines.push(el("div", { className: "lead", text: "Lead time: " + lead }));
    const cause = causeNode(incident.common_cause);
    if (cause) lines.push(el("div", { className: "cause" }, ["Likely common cause: ", cause]));
    lines.push(sparkFor(incident));
    const item = el("li", { dataset: { incidentId: incident.id, status: incident.status || "" } }, lines);
    if (incident.id === state.incident) item.classList.add("selected");
    return item;
  }

  // Re-rendering a list must not take the keyboard focus away (a poll every few seconds would):
  // whatever had it is found again by a key and focused in the new list.
  function keepingFocus(container, keyOf, selectorOf, render) {
    const active = document.activeElement;
    const key = active && container.contains(active) ? keyOf(active) : null;
    render();
    if (key) {
      const again = container.querySelector(selectorOf(key));
      if (again) again.focus({ preventScroll: true });
    }
  }

  function urlWith(changes) {
    const saved = Object.assign({}, state);
    Object.assign(state, changes);
    const url = stateUrl();
    Object.assign(state, saved);
    return url;
  }

  async function loadIncidents() {
    const list = $("incident-list");
    const note = $("incidents-note");
    const body = await api("/api/incidents", [["status", state.status], ["limit", "200"]].concat(timeParams()));
    const shown = body.incidents.filter(matchesFacets).slice(0, 50);
    const filtered = shown.length !== body.incidents.length;
    if (!body.incidents.length) {
      note.textContent = state.range === "all" ? "No incidents stored yet: nothing has spiked." : "No incidents in this time range.";
    } else if (!shown.length) {
      note.textContent = "No incident matches the chosen services, providers or regions (" + body.total + " in this time range).";
    } else {
      note.textContent = shown.length + (filtered ? " of " + body.total : "") + " incident" + (shown.length === 1 ? "" : "s") +
        (state.status === "all" ? ", open first, then the strongest and newest" : "");
    }
    keepingFocus(list, (node) => node.dataset.incidentId || null,
                 (id) => "a.open-incident[data-incident-id='" + CSS.escape(id) + "']",
                 () => list.replaceChildren(...shown.map(incidentItem)));
    list.dataset.count = String(shown.length);
  }

  function fact(list, name, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(el("dt", { text: name }), el("dd", {}, [value]));
  }

  function selectIncident(id) {
    state.incident = id;
    saveState(false);
    for (const item of document.querySelectorAll("#incident-list li")) item.classList.toggle("selected", item.dataset.incidentId === id);
    openIncident(id, true).catch((err) => showMessage(failureText(err)));
  }

  async function openIncident(id, focus) {
    const body = await api("/api/incidents/" + encodeURIComponent(id), [["evidence_limit", "50"]]);
    if (state.incident !== id) return;
    const incident = body.incident;
    const panel = $("incident-detail");
    const fresh = panel.dataset.incidentId !== incident.id;
    if (fresh) delete panel.dataset.loaded;
    showDetail(true);
    panel.dataset.incidentId = incident.id;
    $("incident-title").textContent = incident.title || incident.id;
    $("incident-title").title = incident.id;
    const facts = $("incident-facts");
    facts.replaceChildren();
    fact(facts, "Status", incident.status);
    fact(facts, "Evidence", incident.evidence_level);
    fact(facts, "Services", (incident.services || []).length ? namesNode("services", incident.services) : null);
    fact(facts, "Providers", (incident.providers || []).length ? namesNode("providers", incident.providers) : null);
    fact(facts, "Regions", (incident.regions || []).length ? namesNode("regions", incident.regions) : null);
    fact(facts, "Started", timeNode(incident.started_at));
    fact(facts, "Detected", timeNode(incident.detected_at));
    fact(facts, "Peak", incident.peak_at ? timeNode(incident.peak_at) : null);
    fact(facts, "Ended", incident.ended_at ? timeNode(incident.ended_at) : "still open");
    fact(facts, "First official word", incident.first_official_at ? timeNode(incident.first_official_at) : "none seen");
    fact(facts, "Lead time", leadText(incident.lead_minutes));
    fact(facts, "Likely common cause", causeNode(incident.common_cause) || "none inferred");
    fact(facts, "Signals", incident.signal_counts ? Object.entries(incident.signal_counts).map(([k, n]) => k + " " + n).join(", ") : null);
    fact(facts, "User reports", typeof incident.report_count === "number" ? incident.report_count.toLocaleString("en") : null);
    fact(facts, "Analyst verdict", verdictOf(incident));
    for (const fmt of ["html", "md", "json"]) $("report-" + fmt).setAttribute("href", body.links[fmt]);
    const causeList = $("cause-evidence");
    const evidence = (incident.common_cause && incident.common_cause.evidence) || [];
    causeList.replaceChildren(...evidence.map((item) => el("li", { text: typeof item === "string" ? humanTimes(item) : JSON.stringify(item) })));
    if (!evidence.length) causeList.append(el("li", { className: "muted", text: "none" }));
    const official = $("incident-official");
    official.replaceChildren(...body.evidence.official.map((s) => signalItem(s)));
    if (!body.evidence.official.length) official.append(el("li", { className: "muted", text: "no official update seen" }));
    if (fresh) {
      $("feedback-state").textContent = "";
      $("incident-accountability").replaceChildren();
      $("incident-chart").replaceChildren(el("p", { className: "muted", text: "loading the timeline…" }));
      if (focus) $("incident-title").focus();
    }
    await Promise.all([
      timelineNode(incident.id, "full").then((node) => $("incident-chart").replaceChildren(node))
        .catch((err) => $("incident-chart").replaceChildren(el("p", { className: "error", text: failureText(err) }))),
      loadUserReports(incident.id),
      loadChatter(incident, body.window),
      fresh ? loadAccountabilityLine(incident.id) : null,
    ]);
    panel.dataset.loaded = incident.id; // everything of this incident is on the page
  }

  async function loadAccountabilityLine(id) {
    try {
      const report = await api("/api/incidents/" + encodeURIComponent(id) + "/report", [["format", "json"]]);
      $("incident-accountability").replaceChildren(...(report.accountability || []).map((a) =>
        el("li", { dataset: { provider: a.provider }, text: a.sentence })));
    } catch (err) {
      $("incident-accountability").replaceChildren();
    }
  }

  async function loadUserReports(id) {
    const box = $("problem-types");
    const comments = $("incident-comments");
    let body;
    try {
      body = await api("/api/incidents/" + encodeURIComponent(id) + "/user-reports", [["comments", "50"]]);
    } catch (err) {
      box.replaceChildren(el("p", { className: "error", text: failureText(err) }));
      return;
    }
    const pages = body.pages.filter((page) => page.peak_reports > 0 || page.problem_types.length).map((page) => {
      const rows = page.problem_types.map((p) => el("li", {}, [
        el("span", { className: "ptype", text: p.type }),
        el("span", { className: "bar", "aria-hidden": "true" }, [el("span", { className: "fill", dataset: { share: String(p.share) } })]),
        el("span", { className: "share", text: Math.round(p.share) + "%" }),
      ]));
      const title = el("div", { className: "page-head" }, [
        el("strong", {}, [page.services.length ? namesNode("services", page.services) : page.source]),
        " · " + page.source + " · peak " + page.peak_reports.toLocaleString("en") + " user reports",
        page.page_status ? " · page says: " : null, page.page_status ? el("q", { text: page.page_status }) : null,
      ]);
      if (!rows.length) title.append(el("span", { className: "muted", text: " · no problem types collected" }));
      return el("div", { className: "report-page", dataset: { source: page.source } }, [title,
        rows.length ? el("ul", { className: "ptypes" }, rows) : null]);
    });
    box.replaceChildren(...pages);
    if (!pages.length) box.append(el("p", { className: "muted", text: "no report page counted this incident" }));
    // Share bars get their width through CSSOM (not a style attribute, which our CSP forbids).
    for (const fill of box.querySelectorAll(".fill")) fill.style.width = Math.max(0, Math.min(100, Number(fill.dataset.share))) + "%";
    comments.replaceChildren(...body.comments.map((c) => el("li", { className: "comment" }, [
      el("div", { className: "meta" }, [timeNode(c.at), " · " + (c.author || "anonymous") + " · " + c.source]),
      el("div", { className: "text", text: c.text }),
    ])));
    if (!body.comments.length) comments.append(el("li", { className: "muted", text: "no comments" }));
    $("comments-count").textContent = body.comments_total ? "(" + body.comments.length + " of " + body.comments_total + ", newest first)" : "";
  }

  async function loadChatter(incident, window_) {
    const params = [["kind", "social"], ["kind", "news"], ["sort", "newest"], ["limit", "50"], ["facets", ""],
                    ["since", window_.since], ["until", window_.until]];
    const scope = (incident.services || []).length ? ["service", incident.services] : ["provider", incident.providers || []];
    for (const value of scope[1]) params.push([scope[0], value]);
    const list = $("incident-evidence");
    try {
      const body = await api("/api/signals", params);
      list.replaceChildren(...body.hits.map((s) => signalItem(s)));
      if (!body.hits.length) list.append(el("li", { className: "muted", text: "no posts or articles" }));
      $("chatter-count").textContent = "(" + body.hits.length + " of " + body.total + (body.total_relation === "gte" ? "+" : "") + ")";
    } catch (err) {
      list.replaceChildren(el("li", { className: "error", text: failureText(err) }));
    }
  }

  // Without an open incident the list takes the whole width (cards side by side).
  function showDetail(visible) {
    $("incident-detail").hidden = !visible;
    document.querySelector("#incidents-view .layout").classList.toggle("no-detail", !visible);
  }

  function closeIncident() {
    showDetail(false);
    $("incident-detail").dataset.incidentId = "";
    const id = state.incident;
    state.incident = null;
    saveState(false);
    for (const item of document.querySelectorAll("#incident-list li")) item.classList.remove("selected");
    const link = id && document.querySelector("#incident-list a.open-incident[data-incident-id='" + CSS.escape(id) + "']");
    if (link) link.focus();
  }

  async function sendFeedback(verdict) {
    if (!state.incident) return;
    try {
      await api("/api/incidents/" + encodeURIComponent(state.incident) + "/feedback", [], {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ verdict }),
      });
      $("feedback-state").textContent = "Recorded: " + verdict;
      refresh();
    } catch (err) {
      $("feedback-state").textContent = failureText(err);
    }
  }

  // -- search ----------------------------------------------------------------------

  function signalItem(signal, highlights) {
    const href = safeHref(signal.url);
    const meta = el("div", { className: "meta" }, [
      timeNode(signal.published_at),
      " · " + signal.source_kind + " · " + signal.source +
        (signal.author ? " · " + signal.author : "") + (signal.report_count ? " · " + signal.report_count + " reports" : "") +
        (signal.status ? " · " + signal.status : ""),
    ]);
    const parts = [meta];
    if (signal.title) parts.push(el("div", { className: "title", text: signal.title }));
    if (highlights && highlights.length) {
      for (const fragment of highlights) parts.push(el("div", { className: "text" }, [highlightNode(fragment)]));
    } else {
      const text = signal.text.length > 400 ? signal.text.slice(0, 400) + "…" : signal.text;
      parts.push(el("div", { className: "text", text: text }));
    }
    const services = signal.services || [], regions = signal.regions || [];
    if (services.length || regions.length) {
      const tags = el("div", { className: "tags" }, [namesNode("services", services)]);
      if (services.length && regions.length) tags.append(" · ");
      tags.append(namesNode("regions", regions));
      parts.push(tags);
    }
    if (href) {
      parts.push(el("a", { href: href, target: "_blank", rel: "noopener noreferrer nofollow", className: "source-link", text: "source" }));
    } else if (signal.url) {
      parts.push(el("div", { className: "meta unsafe-url", text: "link not shown: " + signal.url }));
    }
    return el("li", { dataset: { signalId: signal.id } }, parts);
  }

  function searchParams() {
    const params = [["facets", FACETS.map((f) => f[0]).join(",")], ["limit", "25"]].concat(timeParams());
    if (state.q) params.push(["q", state.q]);
    for (const name of FILTERS) for (const value of state.filters[name]) params.push([name, value]);
    if (state.cursor) params.push(["cursor", state.cursor]);
    return params;
  }

  const FACET_NAMES = { services: "services", providers: "providers", regions: "regions" };

  function renderFacets(facets) {
    const box = $("facets");
    box.replaceChildren();
    for (const [field, param, label] of FACETS) {
      const counts = Object.entries(facets[field] || {});
      for (const chosen of state.filters[param]) {
        if (!counts.some(([value]) => value === chosen)) counts.push([chosen, 0]);
      }
      const group = el("fieldset", { dataset: { facet: field } }, [el("legend", { text: label })]);
      for (const [value, count] of counts) {
        const box_ = el("input", { type: "checkbox", dataset: { param: param, value: value } });
        box_.checked = state.filters[param].has(value);
        box_.addEventListener("change", () => {
          if (box_.checked) state.filters[param].add(value); else state.filters[param].delete(value);
          saveState(false);
          runSearch();
          if (param !== "kind") loadIncidents().catch((err) => showMessage(failureText(err)));
        });
        const name = FACET_NAMES[field] ? nameNode(field, value) : el("span", { text: value });
        group.append(el("label", {}, [box_, name, el("span", { className: "count", text: count })]));
      }
      if (!counts.length) group.append(el("div", { className: "muted", text: "—" }));
      box.append(group);
    }
  }

  async function runSearch(append) {
    if (!append) state.cursor = null;
    state.appended = !!append;
    const summary = $("search-summary");
    let body;
    try {
      body = await api("/api/signals", searchParams());
    } catch (err) {
      // An error is an error: the API's message, not "0 matching signals".
      summary.textContent = "Search failed: " + failureText(err);
      summary.className = "error";
      summary.dataset.error = "true";
      delete summary.dataset.total;
      if (!append) $("results").replaceChildren();
      $("more-button").hidden = true;
      return false;
    }
    const results = $("results");
    const items = body.hits.map((hit) => signalItem(hit, hit.highlights));
    if (append) results.append(...items); else results.replaceChildren(...items);
    summary.className = "muted";
    delete summary.dataset.error;
    summary.textContent = body.total + (body.total_relation === "gte" ? "+" : "") + " matching signal" +
      (body.total === 1 ? "" : "s") + (state.q ? ", most relevant first" : ", newest first");
    summary.dataset.total = body.total;
    if (!append) {
      keepingFocus($("facets"), (node) => (node.dataset.param ? node.dataset.param + "\u0000" + node.dataset.value : null),
                   (key) => { const [param, value] = key.split("\u0000");
                              return "input[data-param='" + CSS.escape(param) + "'][data-value='" + CSS.escape(value) + "']"; },
                   () => renderFacets(body.facets));
    }
    state.cursor = body.next_cursor;
    $("more-button").hidden = !body.next_cursor;
    return true;
  }

  // -- accountability ----------------------------------------------------------------

  function accountabilityTable(table, rows, pages, pageNames) {
    const head = el("tr", {}, [pages ? "Status page" : "Provider", "Incidents", "Acknowledged", "Never", "Median delay",
      "p90 delay", "Grade"].map((text, i) => el("th", { scope: "col", className: i && i < 6 ? "num" : null, text: text })));
    const body = rows.map((row) => el("tr", { dataset: { id: row.id } }, [
      el("th", { scope: "row" }, [pages ? el("span", { title: row.id, text: row.name })
                                        : el("span", { title: row.id, text: row.name }),
                                  pages ? el("span", { className: "muted" }, [" · ", nameNode("providers", row.provider)]) : null]),
      el("td", { className: "num", text: row.incidents }),
      el("td", { className: "num", text: row.acknowledged }),
      el("td", { className: "num", text: row.never_acknowledged }),
      el("td", { className: "num", text: minutesText(row.median_minutes) }),
      el("td", { className: "num", text: minutesText(row.p90_minutes) }),
      el("td", {}, [el("span", { className: "grade grade-" + (row.grade || "none"), text: row.grade || "—" })]),
    ]));
    // A refresh keeps what the reader unfolded.
    const unfolded = new Set([...table.querySelectorAll("tr.delays-row details[open]")].map((d) => d.closest("tr").dataset.provider));
    const withDelays = [];
    rows.forEach((row, i) => {
      withDelays.push(body[i]);
      if (!pages) {
        const extra = delaysRow(row, pageNames);
        if (unfolded.has(row.id)) extra.querySelector("details").open = true;
        withDelays.push(extra);
      }
    });
    table.replaceChildren(el("thead", {}, [head]), el("tbody", {}, withDelays));
    if (!rows.length) table.append(el("tbody", {}, [el("tr", {}, [el("td", { colspan: "7", className: "muted",
      text: "No incidents of a provider whose status page is collected in this period." })])]));
  }

  // Under each provider: its incidents and how long each took, linked to the incident view.
  function delaysRow(row, pageNames) {
    const items = (row.incident_delays || []).map((d) => {
      const link = el("a", { href: urlWith({ view: "incidents", incident: d.incident }), text: d.title, title: d.incident });
      link.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        state.view = "incidents";
        state.incident = d.incident;
        changed();
      });
      const said = d.delay_minutes === null ? "never acknowledged (counted as " + minutesText(d.counted_minutes) + ")"
        : "acknowledged after " + minutesText(d.delay_minutes) + (d.page ? " on " + ((pageNames && pageNames.get(d.page)) || d.page) : "");
      return el("li", { dataset: { incident: d.incident } }, [timeNode(d.detected_at), " · ", link, " · " + said]);
    });
    const details = el("details", {}, [el("summary", { text: "the " + items.length + " incident" + (items.length === 1 ? "" : "s") +
      " of " + row.name }), el("ul", { className: "delays" }, items)]);
    return el("tr", { className: "delays-row", dataset: { provider: row.id } }, [el("td", { colspan: "7" }, [details])]);
  }

  async function loadAccountability() {
    const params = timeParams();
    const chosen = state.filters.provider;
    if (chosen.size === 1) params.push(["provider", [...chosen][0]]);
    const body = await api("/api/accountability", params);
    if (chosen.size > 1) {
      body.providers = body.providers.filter((row) => chosen.has(row.id));
      body.status_pages = body.status_pages.filter((row) => chosen.has(row.provider));
    }
    $("accountability-period").textContent = "From " + formatTime(body.period.since) + " to " + formatTime(body.period.until) +
      " (" + body.period.days + " days; by default the 90 days up to the newest stored signal).";
    $("accountability-grading").textContent = body.grading.charAt(0).toUpperCase() + body.grading.slice(1) +
      ". A word before detection counts as 0 min.";
    const pageNames = new Map(body.status_pages.map((p) => [p.id, p.name]));
    accountabilityTable($("accountability-providers"), body.providers, false, pageNames);
    accountabilityTable($("accountability-pages"), body.status_pages, true);
  }

  // -- refresh -----------------------------------------------------------------------

  function showUpdated() {
    const label = $("updated");
    if (!lastUpdated) return;
    const seconds = Math.max(0, Math.round((Date.now() - lastUpdated) / 1000));
    label.textContent = "updated " + seconds + " s ago";
    label.dataset.updatedAt = String(lastUpdated);
  }

  // One refresh at a time; a change made while one runs is loaded right after it.
  let pending = false;

  async function refresh() {
    if (loading) { pending = true; return; }
    loading = true;
    pending = false;
    const failures = [];
    const jobs = [];
    if (state.view === "accountability") {
      jobs.push(loadAccountability().catch((err) => failures.push(failureText(err))));
    } else {
      jobs.push(loadIncidents().then(() => { $("incidents-note").classList.remove("error"); }).catch((err) => {
        failures.push(failureText(err));
        $("incidents-note").textContent = "Could not list incidents: " + failureText(err);
        $("incidents-note").classList.add("error");
        $("incident-list").replaceChildren();
      }));
      if (!state.appended) jobs.push(runSearch());
      if (state.incident) jobs.push(openIncident(state.incident).catch((err) => failures.push(failureText(err))));
      else showDetail(false);
    }
    try {
      await Promise.all(jobs);
    } finally {
      loading = false;
    }
    showMessage(failures.join(" · "));
    if (!failures.length) {
      lastUpdated = Date.now();
      showUpdated();
    }
    if (pending) refresh();
  }

  function schedule() {
    if (pollTimer) window.clearInterval(pollTimer);
    pollTimer = null;
    const seconds = Number(state.refresh);
    if (seconds > 0) pollTimer = window.setInterval(() => { if (!document.hidden) refresh(); }, seconds * 1000);
  }

  // -- wiring ----------------------------------------------------------------------

  function refreshTokenState() {
    $("token-state").textContent = token() ? "token set for this tab" : "";
  }

  function changed(replace) {
    saveState(replace);
    showState();
    schedule();
    refresh();
  }

  function start() {
    readState();
    saveState(true); // an old #incident= link becomes ?incident=
    showState();
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      state.q = $("search-input").value.trim();
      saveState(false);
      runSearch();
    });
    $("more-button").addEventListener("click", () => runSearch(true));
    $("incident-status").addEventListener("change", () => { state.status = $("incident-status").value; changed(); });
    $("range-select").addEventListener("change", () => {
      state.range = $("range-select").value;
      if (state.range === "custom") {
        $("custom-range").hidden = false;
        if (!$("range-from").value) $("range-from").value = new Date(Date.now() - 24 * 3600e3).toISOString().slice(0, 16);
        $("range-from").focus();
        return; // applied with the button
      }
      state.since = state.until = "";
      changed();
    });
    $("range-form").addEventListener("submit", (event) => {
      event.preventDefault();
      state.range = "custom";
      state.since = $("range-from").value ? $("range-from").value + ":00Z" : "";
      state.until = $("range-to").value ? $("range-to").value + ":00Z" : "";
      changed();
    });
    $("refresh-select").addEventListener("change", () => { state.refresh = $("refresh-select").value; saveState(true); schedule(); });
    $("refresh-button").addEventListener("click", refresh);
    $("incident-close").addEventListener("click", closeIncident);
    $("confirm-button").addEventListener("click", () => sendFeedback("confirmed"));
    $("dismiss-button").addEventListener("click", () => sendFeedback("dismissed"));
    for (const link of document.querySelectorAll("nav.views a")) {
      link.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        state.view = link.dataset.view;
        changed();
      });
    }
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && state.incident && !$("incident-detail").hidden) closeIncident();
    });
    $("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const value = $("token-input").value.trim();
      if (value) window.sessionStorage.setItem(TOKEN_KEY, value); else window.sessionStorage.removeItem(TOKEN_KEY);
      $("token-input").value = "";
      refreshTokenState();
      refresh();
    });
    window.addEventListener("popstate", () => {
      readState();
      showState();
      schedule();
      refresh();
    });
    window.setInterval(showUpdated, 1000);
    refreshTokenState();
    loadCatalog().then(() => refresh()).then(() => { document.body.dataset.ready = "true"; });
    schedule();
  }

  document.addEventListener("DOMContentLoaded", start);
})();

// outagewatch dashboard: plain DOM, no framework, no network beyond this server.
// Every piece of source text goes into the page through textContent or text nodes;
// highlights are rebuilt from their <mark> boundaries, never parsed as HTML.
"use strict";

(function () {
  const FACETS = [["services", "service", "Services"], ["regions", "region", "Regions"], ["source_kind", "kind", "Source kind"]];
  const KIND_COLOURS = { social: "#1849a9", reports: "#b42318", status: "#027a48", news: "#7a2e0e" };
  const TOKEN_KEY = "outagewatch.token";
  const state = { q: "", filters: { service: new Set(), region: new Set(), kind: new Set() }, cursor: null, incident: null };

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

  function showMessage(text) {
    const box = $("message");
    box.textContent = text || "";
    box.hidden = !text;
  }

  // -- talking to the API ----------------------------------------------------------

  function token() {
    return window.sessionStorage.getItem(TOKEN_KEY) || "";
  }

  async function api(path, params, init) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of params || []) url.searchParams.append(key, value);
    const headers = Object.assign({ Accept: "application/json" }, (init && init.headers) || {});
    if (token()) headers.Authorization = "Bearer " + token();
    const response = await fetch(url, Object.assign({}, init || {}, { headers }));
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

  function reportFailure(err) {
    if (err.status === 401) showMessage(err.message + " (enter the API token at the top right)");
    else showMessage(err.message);
  }

  // -- incidents -------------------------------------------------------------------

  function causeText(cause) {
    if (!cause) return null;
    const parts = [cause.provider, cause.region, cause.service].filter(Boolean);
    let text = parts.join(" · ");
    if (typeof cause.confidence === "number") text += " (confidence " + Math.round(cause.confidence * 100) + "%)";
    return text;
  }

  function leadText(minutes) {
    if (minutes === null || minutes === undefined) return null;
    const rounded = Math.round(minutes);
    if (rounded > 0) return rounded + " min before the official word";
    if (rounded < 0) return (-rounded) + " min after the official word";
    return "at the same time as the official word";
  }

  // Feedback is one shape everywhere: null or {verdict, note, at}.
  function verdictOf(incident) {
    return (incident.feedback && incident.feedback.verdict) || null;
  }

  function incidentItem(incident) {
    const level = incident.evidence_level || "weak";
    const open = el("button", { type: "button", className: "open-incident", text: incident.title || incident.id,
                                dataset: { incidentId: incident.id } });
    open.addEventListener("click", () => openIncident(incident.id));
    const lines = [
      el("div", {}, [open]),
      el("div", {}, [
        el("span", { className: "badge " + level, text: level + " evidence" }),
        el("span", { className: "badge status-" + (incident.status || "closed"), text: incident.status || "closed" }),
        verdictOf(incident) ? el("span", { className: "badge verdict", text: verdictOf(incident) }) : null,
      ]),
      el("div", { className: "muted", text: "started " + formatTime(incident.started_at) +
        (incident.services && incident.services.length ? " · " + incident.services.join(", ") : "") }),
    ];
    const lead = leadText(incident.lead_minutes);
    if (lead) lines.push(el("div", { className: "lead", text: "Lead time: " + lead }));
    const cause = causeText(incident.common_cause);
    if (cause) lines.push(el("div", { className: "cause", text: "Likely common cause: " + cause }));
    return el("li", { dataset: { incidentId: incident.id } }, lines);
  }

  async function loadIncidents() {
    const status = $("incident-status").value;
    const list = $("incident-list");
    const note = $("incidents-note");
    try {
      let body = await api("/api/incidents", [["status", status]]);
      note.textContent = "";
      if (status === "open" && body.incidents.length === 0) {
        body = await api("/api/incidents", [["status", "all"], ["limit", "20"]]);
        note.textContent = body.incidents.length ? "No open incidents; the most recent ones:" : "No incidents stored yet.";
      } else if (body.incidents.length === 0) {
        note.textContent = "No " + (status === "all" ? "" : status + " ") + "incidents.";
      }
      list.replaceChildren(...body.incidents.map(incidentItem));
    } catch (err) {
      reportFailure(err);
    }
  }

  function fact(list, name, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(el("dt", { text: name }), el("dd", { text: value }));
  }

  async function openIncident(id) {
    let body;
    try {
      body = await api("/api/incidents/" + encodeURIComponent(id), [["evidence_limit", "50"]]);
    } catch (err) {
      reportFailure(err);
      return;
    }
    showMessage("");
    const incident = body.incident;
    state.incident = incident.id;
    const panel = $("incident-detail");
    panel.hidden = false;
    panel.dataset.incidentId = incident.id;
    $("incident-title").textContent = incident.title || incident.id;
    const facts = $("incident-facts");
    facts.replaceChildren();
    fact(facts, "Status", incident.status);
    fact(facts, "Evidence", incident.evidence_level);
    fact(facts, "Services", (incident.services || []).join(", "));
    fact(facts, "Providers", (incident.providers || []).join(", "));
    fact(facts, "Regions", (incident.regions || []).join(", "));
    fact(facts, "Started", formatTime(incident.started_at));
    fact(facts, "Detected", formatTime(incident.detected_at));
    fact(facts, "Peak", incident.peak_at ? formatTime(incident.peak_at) : null);
    fact(facts, "Ended", incident.ended_at ? formatTime(incident.ended_at) : null);
    fact(facts, "First official word", incident.first_official_at ? formatTime(incident.first_official_at) : "none seen");
    fact(facts, "Lead time", leadText(incident.lead_minutes));
    fact(facts, "Likely common cause", causeText(incident.common_cause) || "none inferred");
    fact(facts, "Signals", incident.signal_counts ? Object.entries(incident.signal_counts).map(([k, n]) => k + " " + n).join(", ") : null);
    fact(facts, "User reports", incident.report_count);
    fact(facts, "Analyst verdict", verdictOf(incident));
    for (const fmt of ["html", "md", "json"]) $("report-" + fmt).setAttribute("href", body.links[fmt]);
    const causeList = $("cause-evidence");
    const evidence = (incident.common_cause && incident.common_cause.evidence) || [];
    causeList.replaceChildren(...evidence.map((item) => el("li", { text: typeof item === "string" ? item : JSON.stringify(item) })));
    if (!evidence.length) causeList.append(el("li", { className: "muted", text: "none" }));
    $("incident-official").replaceChildren(...body.evidence.official.map((s) => signalItem(s)));
    $("incident-evidence").replaceChildren(...body.evidence.signals.map((s) => signalItem(s)));
    $("feedback-state").textContent = "";
    renderChart($("incident-chart"), body.timeline, body.window, incident);
    if (window.location.hash !== "#incident=" + encodeURIComponent(incident.id)) {
      window.history.replaceState(null, "", "#incident=" + encodeURIComponent(incident.id));
    }
  }

  async function sendFeedback(verdict) {
    if (!state.incident) return;
    try {
      await api("/api/incidents/" + encodeURIComponent(state.incident) + "/feedback", [], {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ verdict }),
      });
      $("feedback-state").textContent = "Recorded: " + verdict;
      loadIncidents();
    } catch (err) {
      $("feedback-state").textContent = err.message;
    }
  }

  // -- the timeline chart: inline SVG, one line per source kind ----------------------

  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function renderChart(container, timeline, window_, incident) {
    const width = 720, height = 220, left = 40, right = 12, top = 12, bottom = 34;
    const start = Date.parse(window_.since), end = Date.parse(window_.until);
    const series = new Map();
    let maxCount = 0;
    for (const bucket of timeline.buckets) {
      const key = bucket.key || "all";
      if (!series.has(key)) series.set(key, []);
      series.get(key).push([Date.parse(bucket.start), bucket.count]);
      maxCount = Math.max(maxCount, bucket.count);
    }
    // The store leaves out empty buckets; a quiet stretch must read as zero, not as a slope.
    const step = (timeline.interval_seconds || 0) * 1000;
    if (step > 0) {
      const first = Math.floor(start / step) * step;
      for (const points of series.values()) {
        const known = new Map(points.map(([t, n]) => [t, n]));
        points.length = 0;
        for (let t = first; t <= end; t += step) points.push([t, known.get(t) || 0]);
      }
    }
    const x = (t) => left + ((t - start) / Math.max(1, end - start)) * (width - left - right);
    const y = (n) => top + (1 - n / Math.max(1, maxCount)) * (height - top - bottom);
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", class: "timeline" });
    root.append(svg("title", {}, "Signals per " + timeline.interval + " by source kind"));
    root.append(svg("line", { class: "axis", x1: left, y1: height - bottom, x2: width - right, y2: height - bottom }));
    root.append(svg("line", { class: "axis", x1: left, y1: top, x2: left, y2: height - bottom }));
    root.append(svg("text", { x: left - 6, y: top + 10, "text-anchor": "end" }, maxCount));
    root.append(svg("text", { x: left - 6, y: height - bottom, "text-anchor": "end" }, 0));
    for (const [t, anchor] of [[start, "start"], [end, "end"]]) {
      root.append(svg("text", { x: x(t), y: height - bottom + 14, "text-anchor": anchor }, formatTime(new Date(t).toISOString())));
    }
    for (const [name, value, colour, row] of [["detected", incident.detected_at, "#101828", 0], ["official", incident.first_official_at, "#027a48", 1]]) {
      const t = Date.parse(value || "");
      if (Number.isNaN(t) || t < start || t > end) continue;
      root.append(svg("line", { class: "marker marker-" + name, x1: x(t), x2: x(t), y1: top, y2: height - bottom,
                                stroke: colour, "stroke-dasharray": "4 3" }));
      root.append(svg("text", { x: x(t) + 3, y: top + 10 + 12 * row }, name));
    }
    const legend = svg("g", { class: "legend" });
    let offset = left;
    for (const [key, points] of series) {
      const colour = KIND_COLOURS[key] || "#475467";
      points.sort((a, b) => a[0] - b[0]);
      const d = points.map(([t, n], i) => (i ? "L" : "M") + x(t).toFixed(1) + " " + y(n).toFixed(1)).join(" ");
      const path = svg("path", { d: d, fill: "none", stroke: colour, "stroke-width": 2, class: "series" });
      path.dataset.key = key;
      path.append(svg("title", {}, key + ": " + points.reduce((sum, p) => sum + p[1], 0) + " signals"));
      root.append(path);
      for (const [t, n] of points) if (n) root.append(svg("circle", { cx: x(t).toFixed(1), cy: y(n).toFixed(1), r: 2, fill: colour }));
      legend.append(svg("rect", { x: offset, y: height - 12, width: 10, height: 10, fill: colour }));
      const label = svg("text", { x: offset + 14, y: height - 3 }, key);
      legend.append(label);
      offset += 22 + key.length * 7;
    }
    root.append(legend);
    if (!series.size) root.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, "no signals in this window"));
    container.replaceChildren(root);
  }

  // -- search ----------------------------------------------------------------------

  function signalItem(signal, highlights) {
    const href = safeHref(signal.url);
    const meta = el("div", { className: "meta" }, [
      formatTime(signal.published_at) + " · " + signal.source_kind + " · " + signal.source +
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
    const tags = [].concat(signal.services || [], signal.regions || []);
    if (tags.length) parts.push(el("div", { className: "tags", text: tags.join(" · ") }));
    if (href) {
      parts.push(el("a", { href: href, target: "_blank", rel: "noopener noreferrer nofollow", className: "source-link", text: "source" }));
    } else if (signal.url) {
      parts.push(el("div", { className: "meta unsafe-url", text: "link not shown: " + signal.url }));
    }
    return el("li", { dataset: { signalId: signal.id } }, parts);
  }

  function searchParams() {
    const params = [["facets", FACETS.map((f) => f[0]).join(",")], ["limit", "25"]];
    if (state.q) params.push(["q", state.q]);
    for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.push([name, value]);
    if (state.cursor) params.push(["cursor", state.cursor]);
    return params;
  }

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
          runSearch();
        });
        group.append(el("label", {}, [box_, el("span", { text: value }), el("span", { className: "count", text: count })]));
      }
      if (!counts.length) group.append(el("div", { className: "muted", text: "—" }));
      box.append(group);
    }
  }

  async function runSearch(append) {
    if (!append) state.cursor = null;
    let body;
    try {
      body = await api("/api/signals", searchParams());
    } catch (err) {
      reportFailure(err);
      return;
    }
    showMessage("");
    const results = $("results");
    const items = body.hits.map((hit) => signalItem(hit, hit.highlights));
    if (append) results.append(...items); else results.replaceChildren(...items);
    $("search-summary").textContent = body.total + (body.total_relation === "gte" ? "+" : "") +
      " matching signal" + (body.total === 1 ? "" : "s");
    $("search-summary").dataset.total = body.total;
    if (!append) renderFacets(body.facets);
    state.cursor = body.next_cursor;
    $("more-button").hidden = !body.next_cursor;
  }

  // -- wiring ----------------------------------------------------------------------

  function refreshTokenState() {
    $("token-state").textContent = token() ? "token set for this tab" : "";
  }

  function openFromHash() {
    const match = /^#incident=(.+)$/.exec(window.location.hash);
    if (match && decodeURIComponent(match[1]) !== state.incident) openIncident(decodeURIComponent(match[1]));
  }

  function start() {
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      state.q = $("search-input").value.trim();
      runSearch();
    });
    $("more-button").addEventListener("click", () => runSearch(true));
    $("incident-status").addEventListener("change", loadIncidents);
    $("incident-close").addEventListener("click", () => {
      $("incident-detail").hidden = true;
      state.incident = null;
      window.history.replaceState(null, "", window.location.pathname);
    });
    $("confirm-button").addEventListener("click", () => sendFeedback("confirmed"));
    $("dismiss-button").addEventListener("click", () => sendFeedback("dismissed"));
    $("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const value = $("token-input").value.trim();
      if (value) window.sessionStorage.setItem(TOKEN_KEY, value); else window.sessionStorage.removeItem(TOKEN_KEY);
      $("token-input").value = "";
      refreshTokenState();
      loadIncidents();
      runSearch();
    });
    refreshTokenState();
    loadIncidents();
    runSearch();
    openFromHash();
    window.addEventListener("hashchange", openFromHash);
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", start);
})();

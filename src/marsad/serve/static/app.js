// marsad dashboard: the map and the timeline, drawn from the JSON API with the page's own query string.
// No framework, no build step. Every string from the data goes into the page through textContent,
// never innerHTML, so article-derived text cannot become markup.
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("marsad-config").textContent);
  var MAP_LIMIT = 5000;
  var FILTER_KEYS = ["since", "until", "country", "admin1", "type", "sub_type", "actor", "q", "bbox"];

  function currentFilters() {
    var params = new URLSearchParams(window.location.search);
    var out = new URLSearchParams();
    FILTER_KEYS.forEach(function (key) {
      var value = params.get(key);
      if (value) out.set(key, value);
    });
    return out;
  }

  // Keep the URL clean: drop empty fields so the query string holds exactly the active filters.
  var form = document.getElementById("filters");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) {
        if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
      });
      if (params.get("sort") === "-event_date") params.delete("sort");
      var query = params.toString();
      window.location.assign(window.location.pathname + (query ? "?" + query : ""));
    });
  }

  function colourOf(type) {
    return config.types[type] || "#555";
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function popupFor(p) {
    var box = el("div", null, "popup");
    var title = el("strong", (p.sub_event_type || p.event_type || "Event"));
    box.appendChild(title);
    var dl = el("dl");
    [["Date", p.event_date], ["Where", [p.location, p.admin1, p.country].filter(Boolean).join(", ")],
     ["Actor 1", p.actor1], ["Actor 2", p.actor2], ["Fatalities", p.fatalities]].forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      dl.appendChild(el("dt", row[0]));
      dl.appendChild(el("dd", row[1]));
    });
    box.appendChild(dl);
    var link = el("a", "Open event, sources and evidence →");
    link.href = "/events/" + encodeURIComponent(p.event_id);
    box.appendChild(link);
    return box;
  }

  function markerIcon(p) {
    var fatalities = Math.max(0, Number(p.fatalities) || 0);
    var size = Math.min(40, Math.round(10 + 4 * Math.sqrt(fatalities)));
    var div = document.createElement("div");
    div.className = "marker-pin";
    div.style.width = size + "px";
    div.style.height = size + "px";
    div.style.background = colourOf(p.event_type);
    return L.divIcon({ html: div, className: "", iconSize: [size, size] });
  }

  function clusterIcon(cluster) {
    // A cluster takes the colour of the type most of its events have.
    var counts = {};
    cluster.getAllChildMarkers().forEach(function (m) {
      counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
    });
    var top = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })[0];
    var n = cluster.getChildCount();
    var size = n < 10 ? 30 : n < 100 ? 36 : 44;
    var div = document.createElement("div");
    div.className = "marker-pin";
    div.style.cssText = "width:" + size + "px;height:" + size + "px;line-height:" + size + "px;text-align:center;" +
      "color:#fff;font-weight:600;font-size:12px;background:" + colourOf(top);
    div.textContent = String(n);
    return L.divIcon({ html: div, className: "", iconSize: [size, size] });
  }

  function escapeText(text) {
    var d = document.createElement("div");
    d.textContent = text;
    return d.innerHTML;
  }

  function drawMap() {
    var node = document.getElementById("map");
    if (!node || typeof L === "undefined") return;
    var map = L.map(node, { worldCopyJump: true, minZoom: 1, maxZoom: 18, fadeAnimation: false }).setView([25, 20], 2);
    window.marsadMap = map;
    if (config.tiles) {
      L.tileLayer(config.tiles, { maxZoom: 18, attribution: escapeText(config.attribution || "") }).addTo(map);
    }
    var outlines = fetch("/static/vendor/world-atlas/countries-50m.json")
      .then(function (r) { return r.json(); })
      .then(function (topo) {
        var countries = topojson.feature(topo, topo.objects.countries);
        L.geoJSON(countries, {
          interactive: false,
          style: { color: "#7d8ca3", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: config.tiles ? 0 : 1 },
        }).addTo(map);
        node.dataset.outlines = String(countries.features.length);
      })
      .catch(function () { node.dataset.outlines = "0"; });

    var query = currentFilters();
    query.set("limit", String(MAP_LIMIT));
    var events = fetch("/api/events.geojson?" + query.toString())
      .then(function (r) { return r.json(); })
      .then(function (fc) {
        var cluster = L.markerClusterGroup({ iconCreateFunction: clusterIcon, maxClusterRadius: 40 });
        fc.features.forEach(function (f) {
          var c = f.geometry.coordinates;
          var m = L.marker([c[1], c[0]], { icon: markerIcon(f.properties), eventType: f.properties.event_type });
          m.bindPopup(function () { return popupFor(f.properties); });
          cluster.addLayer(m);
        });
        map.addLayer(cluster);
        node.dataset.events = String(fc.features.length);
        var totalNode = document.getElementById("total-events");
        var total = totalNode ? Number(totalNode.dataset.total) : 0;
        if (fc.features.length >= MAP_LIMIT && total > fc.features.length) {
          var note = el("div", "Map: the " + MAP_LIMIT.toLocaleString() + " most recent of " +
                        total.toLocaleString() + " events; narrow the filters to see the rest.", "map-note");
          note.id = "map-note";
          node.appendChild(note);
        }
        if (fc.features.length) {
          map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 8 });
        }
      });
    Promise.all([outlines, events]).then(function () { node.dataset.ready = "1"; },
                                         function (err) { console.error("marsad map:", err); node.dataset.ready = "error"; });
  }

  function allDays(first, last) {
    var days = [];
    var d = new Date(first + "T00:00:00Z");
    var end = new Date(last + "T00:00:00Z");
    while (d <= end && days.length < 40000) {
      days.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return days;
  }

  function drawTimeline() {
    var canvas = document.getElementById("timeline");
    if (!canvas || typeof Chart === "undefined") return;
    fetch("/api/timeline?" + currentFilters().toString())
      .then(function (r) { return r.json(); })
      .then(function (stats) {
        var rows = (stats.by_day_type || []).filter(function (r) { return r.day; });
        var known = rows.map(function (r) { return r.day; }).sort();
        var span = known.length ? allDays(known[0], known[known.length - 1]) : [];
        // Long spans are binned by week or month so each bar stays readable.
        var unit = span.length > 400 ? "month" : span.length > 120 ? "week" : "day";
        var bucket = function (day) {
          if (unit === "month") return day.slice(0, 7);
          if (unit === "week") {
            var d = new Date(day + "T00:00:00Z");
            d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
            return d.toISOString().slice(0, 10);
          }
          return day;
        };
        var labels = [];
        span.forEach(function (d) { var b = bucket(d); if (labels[labels.length - 1] !== b) labels.push(b); });
        var index = {};
        labels.forEach(function (d, i) { index[d] = i; });
        var types = Object.keys(config.types).filter(function (t) {
          return rows.some(function (r) { return r.type === t; });
        });
        rows.forEach(function (r) { if (types.indexOf(r.type) < 0) types.push(r.type); });
        var datasets = types.map(function (t) {
          var data = labels.map(function () { return 0; });
          rows.forEach(function (r) { if (r.type === t) data[index[bucket(r.day)]] += r.events; });
          return { type: "bar", label: t, data: data, backgroundColor: colourOf(t), stack: "events", yAxisID: "y",
                   maxBarThickness: 48 };
        });
        var deaths = labels.map(function () { return 0; });
        (stats.by_day || []).forEach(function (r) {
          var b = bucket(String(r.key));
          if (b in index) deaths[index[b]] += r.fatalities;
        });
        datasets.push({ type: "line", label: "Fatalities", data: deaths, borderColor: "#111", backgroundColor: "#111",
                        pointRadius: labels.length > 90 ? 0 : 2, borderWidth: 1.5, yAxisID: "y1", tension: 0.2 });
        var hint = document.getElementById("timeline-hint");
        if (hint) hint.textContent = "Bars: events per " + unit + " by type. Line: fatalities per " + unit + ".";
        var days = labels;
        new Chart(canvas, {
          data: { labels: days, datasets: datasets },
          options: {
            animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
            scales: {
              x: { stacked: true, ticks: { maxTicksLimit: 10 } },
              y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "events" } },
              y1: { position: "right", beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: "fatalities" } },
            },
            plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
          },
        });
        canvas.dataset.days = String(days.length);
        canvas.dataset.unit = unit;
        canvas.dataset.ready = "1";
      })
      .catch(function (err) { console.error("marsad timeline:", err); canvas.dataset.ready = "error"; });
  }

  drawMap();
  drawTimeline();
})();

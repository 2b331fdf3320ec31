// The event page's small locator map: the event's point over the vendored country outlines (no tiles needed).
(function () {
  "use strict";
  var node = document.getElementById("event-map");
  if (!node || typeof L === "undefined") return;
  var config = JSON.parse(document.getElementById("marsad-config").textContent);
  var lat = Number(node.dataset.lat), lon = Number(node.dataset.lon);
  if (!isFinite(lat) || !isFinite(lon)) return;
  var map = L.map(node, { zoomControl: true, attributionControl: !!config.tiles, maxZoom: 18, fadeAnimation: false });
  map.setView([lat, lon], 5);
  if (config.tiles) L.tileLayer(config.tiles, { maxZoom: 18 }).addTo(map);
  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: { color: "#7d8ca3", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: config.tiles ? 0 : 1 },
      }).addTo(map);
      marker.bringToFront();
      node.dataset.ready = "1";
    })
    .catch(function () { node.dataset.ready = "error"; });
  var marker = L.circleMarker([lat, lon], {
    radius: 8, color: "#fff", weight: 2, fillColor: config.types[node.dataset.type] || "#555", fillOpacity: 0.95,
  }).addTo(map);
})();

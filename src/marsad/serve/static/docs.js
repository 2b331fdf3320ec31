// Swagger UI over /openapi.json, from the npm package vendored by `make assets` (no CDN, no inline script).
(function () {
  "use strict";
  if (typeof SwaggerUIBundle === "undefined") return;
  window.marsadDocs = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
})();

/**
 * @module http/test-support/api-routes
 * Every route the API publishes in its OpenAPI document, as `METHOD /path`. One list for the tests that pin it
 * (the OpenAPI test and the "no route takes code" review), so a new route is added, and reviewed, in one place.
 */
export const API_ROUTES: readonly string[] = [
  "POST /api/runs",
  "GET /api/runs",
  "GET /api/runs/{id}",
  "POST /api/runs/{id}/cancel",
  "DELETE /api/runs/{id}",
  "GET /api/runs/{id}/events",
  "GET /api/runs/{id}/artifacts",
  "GET /api/runs/{id}/artifacts/{name}",
  "GET /api/runs/{id}/artifacts/plugins/{name}",
  "GET /api/runs/{id}/verify",
  "GET /api/presets",
  "GET /api/presets/{name}",
  "PUT /api/presets/{name}",
  "DELETE /api/presets/{name}",
  "GET /api/candles/{candle_hash}",
  "GET /api/catalog",
  "GET /api/health",
  "GET /api/openapi.json",
  "POST /api/sweeps",
  "GET /api/sweeps",
  "GET /api/sweeps/{id}",
  "GET /api/sweeps/{id}/trials",
  "GET /api/sweeps/{id}/runs",
  "GET /api/sweeps/{id}/artifacts/{name}",
  "GET /api/sweeps/{id}/events",
  "POST /api/sweeps/{id}/cancel",
];

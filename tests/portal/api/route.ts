// Serving the simulated API to real Chromium through Playwright request routing. Structural types
// keep this file free of a Playwright import, so the adapter is unit-testable under vitest.
import { API_ORIGIN, type SimulatedPartnerCenter } from './handler';

/** The URL pattern to pass to `context.route` / `page.route`. */
export const API_ROUTE_PATTERN = `${API_ORIGIN}/**`;

/** The parts of a Playwright `Route` the adapter uses. */
export interface RouteLike {
  request(): {
    method(): string;
    url(): string;
    allHeaders(): Promise<Record<string, string>>;
    postData(): string | null;
  };
  fulfill(response: { status: number; headers: Record<string, string>; body: string }): Promise<void>;
}

/** The part of a Playwright `BrowserContext` (or `Page`) the adapter uses. */
export interface RoutableLike {
  route(url: string, handler: (route: RouteLike) => Promise<void>): Promise<void>;
}

/** Answers one routed request from the simulator. */
export async function fulfillFromSimulator(sim: SimulatedPartnerCenter, route: RouteLike): Promise<void> {
  const request = route.request();
  const response = await sim.handle({
    method: request.method(),
    url: request.url(),
    headers: await request.allHeaders(),
    body: request.postData(),
  });
  await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
}

/** Routes every request for the API host in `target` to the simulator. */
export async function serveSimulatedApi(target: RoutableLike, sim: SimulatedPartnerCenter): Promise<void> {
  await target.route(API_ROUTE_PATTERN, (route) => fulfillFromSimulator(sim, route));
}

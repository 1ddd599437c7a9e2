// The Playwright adapter, driven with a stand-in for Playwright's Route.
import { describe, expect, it } from 'vitest';
import { SimulatedPartnerCenter } from './handler';
import { API_ROUTE_PATTERN, type RouteLike, serveSimulatedApi } from './route';

describe('serveSimulatedApi', () => {
  it('routes the API host to the simulator and fulfils with its response', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' });
    let registered: { url: string; handler: (route: RouteLike) => Promise<void> } | undefined;
    await serveSimulatedApi(
      {
        route: async (url, handler) => {
          registered = { url, handler };
        },
      },
      sim,
    );
    expect(registered?.url).toBe(API_ROUTE_PATTERN);
    expect(API_ROUTE_PATTERN).toBe('https://api.partnercenter.microsoft.com/**');

    const fulfilled: Array<{ status: number; headers: Record<string, string>; body: string }> = [];
    const route: RouteLike = {
      request: () => ({
        method: () => 'GET',
        url: () => 'https://api.partnercenter.microsoft.com/v1/customers?size=300',
        allHeaders: async () => ({ authorization: `Bearer ${sim.token}`, origin: 'https://partner.microsoft.com' }),
        postData: () => null,
      }),
      fulfill: async (response) => {
        fulfilled.push(response);
      },
    };
    await registered?.handler(route);
    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0]?.status).toBe(200);
    expect(JSON.parse(fulfilled[0]?.body ?? '{}').items[0].companyProfile.companyName).toBe('Alpine Ski House');
    expect(fulfilled[0]?.headers['Access-Control-Allow-Origin']).toBe('https://partner.microsoft.com');
  });
});

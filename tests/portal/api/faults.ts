// Faults a test can switch on to see the extension cope with a real service's bad days: latency,
// throttling (by chance or by request budget), server errors, and responses cut off or of the wrong
// shape. Everything is off by default. Rules match by method and path pattern and fire always, on a
// share of matching requests (drawn from the injected `random`, so runs are repeatable) or on the
// next N matching requests.

/** Which requests a rule applies to. Omitted parts match everything. */
export interface FaultMatch {
  /** HTTP method(s), any case. */
  method?: string | readonly string[];
  /**
   * Path relative to /v1, without the query. A string is a pattern where `*` matches one path segment
   * and `**` any number of them (e.g. `/customers/*\/users/*\/licenseupdates`); or a RegExp.
   */
  path?: string | RegExp;
}

export interface FaultRule {
  match?: FaultMatch;
  /** Fire on this share (0..1) of matching requests. */
  share?: number;
  /** Fire on the next N matching requests only (combined with `share`, at most N times). */
  count?: number;
}

export interface LatencyRule extends FaultRule {
  ms: number;
}

export interface ThrottleRule extends FaultRule {
  /** Seconds in Retry-After and the message (default 1). */
  retryAfterSeconds?: number;
}

export interface RateLimit {
  /** Requests allowed per window (default 500, the documented budget per tenant per minute). */
  requests?: number;
  /** Window length in ms (default 60 000); tests shorten it to run in seconds. */
  windowMs?: number;
  /** Count each customer tenant separately (default true); partner-level calls share one bucket. */
  perTenant?: boolean;
  match?: FaultMatch;
}

export interface ServerErrorRule extends FaultRule {
  status?: 500 | 502 | 503 | 504;
  /** Apply the request, then answer 5xx: the change happened but the client cannot know (default false). */
  afterCommit?: boolean;
  retryAfterSeconds?: number;
}

export interface MalformedRule extends FaultRule {
  /** The valid-JSON-but-wrong-shape body to send (default `{ "unexpected": true, "items": null }`). */
  body?: unknown;
}

export interface FaultConfig {
  latency?: readonly LatencyRule[];
  throttle?: readonly ThrottleRule[];
  rateLimit?: RateLimit;
  serverError?: readonly ServerErrorRule[];
  /** Cut the response body off mid-JSON (status unchanged). The request itself is applied. */
  truncate?: readonly FaultRule[];
  /** Replace the response body with valid JSON of the wrong shape. The request itself is applied. */
  malformed?: readonly MalformedRule[];
}

export interface RequestInfo {
  method: string;
  /** Path relative to /v1, without the query. */
  path: string;
  /** The bucket for per-tenant budgets: the customer id in the path, or `partner`. */
  tenant: string;
}

export type ResponseFault = { kind: 'truncate' } | { kind: 'malformed'; body: unknown };

const patternCache = new Map<string, RegExp>();

function patternToRegExp(pattern: string): RegExp {
  const cached = patternCache.get(pattern);
  if (cached) return cached;
  const escaped = pattern
    .split('/')
    .map((segment) => {
      if (segment === '**') return '.*';
      return segment
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*');
    })
    .join('/');
  const re = new RegExp(`^${escaped.replace(/\/\.\*/g, '(?:/.*)?')}/?$`, 'i');
  patternCache.set(pattern, re);
  return re;
}

export function matches(match: FaultMatch | undefined, request: RequestInfo): boolean {
  if (!match) return true;
  if (match.method !== undefined) {
    const methods = typeof match.method === 'string' ? [match.method] : match.method;
    if (!methods.some((m) => m.toUpperCase() === request.method.toUpperCase())) return false;
  }
  if (match.path !== undefined) {
    const re = typeof match.path === 'string' ? patternToRegExp(match.path) : match.path;
    if (!re.test(request.path)) return false;
  }
  return true;
}

export const THROTTLE_MESSAGE = (seconds: number): string => `Rate limit is exceeded. Try again in ${seconds} seconds.`;

/** Holds a fault configuration and the counters it needs (remaining counts, request windows). */
export class FaultInjector {
  private readonly remaining = new Map<object, number>();
  private readonly windows = new Map<string, number[]>();

  constructor(
    readonly config: FaultConfig,
    private readonly random: () => number,
  ) {}

  private fires(rule: FaultRule, request: RequestInfo): boolean {
    if (!matches(rule.match, request)) return false;
    if (rule.share !== undefined && !(this.random() < rule.share)) return false;
    if (rule.count !== undefined) {
      const left = this.remaining.get(rule) ?? rule.count;
      if (left <= 0) return false;
      this.remaining.set(rule, left - 1);
    }
    return true;
  }

  private first<R extends FaultRule>(rules: readonly R[] | undefined, request: RequestInfo): R | undefined {
    for (const rule of rules ?? []) if (this.fires(rule, request)) return rule;
    return undefined;
  }

  /** Milliseconds to wait before answering (the first latency rule that fires). */
  latency(request: RequestInfo): number {
    return this.first(this.config.latency, request)?.ms ?? 0;
  }

  /** Seconds to send in Retry-After when this request is throttled, else undefined. */
  throttle(request: RequestInfo, nowMs: number): number | undefined {
    const rule = this.first(this.config.throttle, request);
    if (rule) return rule.retryAfterSeconds ?? 1;
    const limit = this.config.rateLimit;
    if (!limit || !matches(limit.match, request)) return undefined;
    const windowMs = limit.windowMs ?? 60_000;
    const budget = limit.requests ?? 500;
    const key = limit.perTenant === false ? '*' : request.tenant;
    const recent = (this.windows.get(key) ?? []).filter((t) => t > nowMs - windowMs);
    if (recent.length >= budget) {
      this.windows.set(key, recent);
      const oldest = recent[0] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000));
    }
    // Only accepted requests spend the budget, so exactly `requests` pass per window.
    recent.push(nowMs);
    this.windows.set(key, recent);
    return undefined;
  }

  serverError(request: RequestInfo): ServerErrorRule | undefined {
    return this.first(this.config.serverError, request);
  }

  responseFault(request: RequestInfo): ResponseFault | undefined {
    if (this.first(this.config.truncate, request)) return { kind: 'truncate' };
    const malformed = this.first(this.config.malformed, request);
    if (malformed) return { kind: 'malformed', body: malformed.body ?? { unexpected: true, items: null } };
    return undefined;
  }
}

/** A body cut off mid-way. Bodies here are JSON objects or arrays, so half of one never parses. */
export function truncateBody(body: string): string {
  if (body.length < 2) return '{';
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

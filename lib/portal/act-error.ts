/** What an action on the portal's pages is given, and how it fails (lib/portal/act.ts). */

export interface ActContext {
  signal: AbortSignal;
  timeoutMs: number;
  /** true while we are still on the page this action is meant for */
  onPage: () => boolean;
}

export type ActErrorKind = 'not-found' | 'not-applied' | 'left-page' | 'portal-error' | 'aborted';

const KIND_TEXT: Record<ActErrorKind, string> = {
  'not-found': 'was not found on the page',
  'not-applied': 'did not take effect',
  'left-page': 'was not done: the portal is no longer on the page it is meant for',
  'portal-error': 'was refused by the portal',
  aborted: 'was cancelled',
};

export class ActError extends Error {
  override readonly name = 'ActError';

  constructor(
    readonly kind: ActErrorKind,
    /** What was acted on: a label key ("addToCart"), an offer or user name, or a short description. */
    readonly target: string,
    message?: string,
  ) {
    super(message ?? `${target} ${KIND_TEXT[kind]}`);
  }
}

/**
 * Our UI lives in open shadow roots inside the portal's page, so any script of that page can find
 * our controls, call `.click()` on them, set their values and dispatch events at them. Only events
 * the browser made from the agent's own input carry `isTrusted === true` (a mouse click, a key, a
 * tap; Enter or Space on a focused button is a trusted click), and no script can forge it: the
 * property is unforgeable on real events. So every handler of ours that starts, confirms or changes
 * anything goes through `trusted`, and nothing else decides.
 */
export function isTrusted(event: Event): boolean {
  return event.isTrusted === true;
}

/**
 * Wraps an event handler so it runs only for the agent's own input. An untrusted event is refused:
 * its default action is prevented (a script's `.click()` on a checkbox does not even tick it), and
 * `refused` may put back what the page changed (a value it wrote into one of our fields).
 */
export function trusted<E extends Event>(
  handler: (event: E) => void,
  refused?: (event: E) => void,
): (event: E) => void {
  return (event) => {
    if (isTrusted(event)) {
      handler(event);
      return;
    }
    if (event.cancelable) event.preventDefault();
    refused?.(event);
  };
}

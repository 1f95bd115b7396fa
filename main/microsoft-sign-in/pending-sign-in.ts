/**
 * The one interactive sign-in in flight, so it can be cancelled. MSAL has no cancel: its loopback
 * listener waits until the browser posts the authorization response. Cancelling therefore posts
 * the response an authorization server sends when the user declines (`error=access_denied` with
 * the request's own `state`) to MSAL's listener, which then ends the sign-in and closes its port,
 * as it would after the user closed the Microsoft page with "Cancel".
 */
export class PendingSignIn {
  private redirectUri: string | null = null;
  private state: string | null = null;
  private cancelled = false;

  /** True once {@link cancel} was called. */
  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** Remembers where MSAL listens, from the authorize URL it is about to open. */
  noteAuthorizeUrl(url: string): void {
    const params = new URL(url).searchParams;
    this.redirectUri = params.get('redirect_uri');
    this.state = params.get('state');
  }

  /** Ends the sign-in: answers MSAL's listener with "declined", if it is listening yet. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    await this.answerDeclined();
  }

  /** Posts the "declined" response to MSAL's listener; a no-op before it listens. */
  async answerDeclined(): Promise<void> {
    if (this.redirectUri === null || this.state === null) return;
    const target = new URL(this.redirectUri);
    // MSAL listens on 127.0.0.1 but names it "localhost", which may resolve to ::1 first.
    if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
    const body = new URLSearchParams({
      error: 'access_denied',
      error_description: 'The sign-in was cancelled in the app.',
      state: this.state,
    });
    await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    }).then(
      (response) => response.body?.cancel(),
      () => undefined,
    );
  }
}

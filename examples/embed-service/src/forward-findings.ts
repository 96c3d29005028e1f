import type { Finding } from '@jackwatch/core';

/**
 * POSTs findings as a JSON array to `url`. Resolves `true` when the receiver
 * answered 2xx, `false` otherwise (the reason goes to `onError`): the caller
 * still has the findings and returns them in its own response.
 */
export async function forwardFindings(url: string, findings: readonly Finding[], onError: (error: unknown) => void): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(findings),
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    if (response.ok) return true;
    onError(new Error(`forwarding ${findings.length} finding(s) to ${url} failed: HTTP ${response.status}`));
    return false;
  } catch (error) {
    onError(error);
    return false;
  }
}

import { setFlagsFromString } from 'node:v8';

let tuned = false;

/**
 * Turns off V8's allocation-site pretenuring for the agent's process. A
 * pipeline keeps a batch's events and findings alive only until the batch is
 * delivered, but long enough for V8 to decide that objects built where
 * findings are built survive, and to allocate them in the old generation from
 * then on: each one then keeps the raw records of its evidence alive until
 * the next full collection, and every scavenge copies and promotes those. With
 * a rule firing on most records, that was about a third of the CPU spent.
 * A GC heuristic only: nothing the agent computes changes. Done once.
 */
export function tuneHeapForPipelines(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
}

import type { Listing } from './discover-files.ts';
import { isSettled, parentOf } from './directory-seal.ts';
import { isLineFileName } from './file-kind.ts';
import type { SealProposal } from './file-ledger.ts';

/**
 * The directories of `listing` that may be sealed once their files are done:
 * those holding only regular files (see `WalkResult.leaves`), stamped more
 * than the slack before the listing began at `listedAt`, and holding no
 * uncompressed NDJSON (which may still be appended to, so keeps its position).
 * An incomplete listing proposes nothing.
 */
export function sealProposals(listing: Listing, listedAt: number): Map<string, SealProposal> {
  const proposals = new Map<string, SealProposal>();
  if (!listing.complete) return proposals;
  const files = new Map<string, string[]>();
  for (const [dir, stamp] of listing.leaves) {
    if (isSettled(stamp, listedAt)) files.set(dir, []);
  }
  if (files.size === 0) return proposals;
  for (const path of listing.paths) files.get(parentOf(path))?.push(path);
  for (const [dir, paths] of files) {
    if (paths.some(isLineFileName)) continue;
    proposals.set(dir, { stamp: listing.leaves.get(dir)!, files: paths });
  }
  return proposals;
}
